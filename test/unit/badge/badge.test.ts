import { describe, expect, it, vi } from 'vitest';
import { createBadge, randomHostName } from '../../../src/badge/badge';
import { formatKg } from '../../../src/badge/format';
import type { Estimate } from '../../../src/types';

const estimate: Estimate = {
  kg: 12.34,
  low: 6,
  high: 30,
  method: 'spend',
  category: 'Home & Garden',
  factor: 0.2,
  factorUnit: 'kg CO2e/USD',
  source: 'US EPA',
  dataVersion: 't',
  inputs: {},
  comparison: '<img src=x onerror=alert(1)>',
};

describe('badge', () => {
  it('uses a random valid custom-element name each time', () => {
    const names = new Set(Array.from({ length: 50 }, () => randomHostName()));
    expect(names.size).toBeGreaterThan(45);
    for (const n of names) expect(n).toMatch(/^[a-z]{4}-[a-z]{6}$/);
  });

  it('renders into a closed shadow root, page strings only as text', () => {
    const b = createBadge(document, { kind: 'estimate', estimate });
    expect(b.host.shadowRoot).toBeNull();
    expect(b.host.parentNode).toBe(document.body);
    expect(b.root.textContent).toContain('≈ 12 kg CO2e');
    expect(b.root.textContent).toContain('range 6.0–30 kg');
    expect(b.root.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(b.root.querySelector('img')).toBeNull();
    b.remove();
    expect(b.host.isConnected).toBe(false);
  });

  it('says unknown rather than zero', () => {
    const b = createBadge(document, { kind: 'estimate', estimate: { ...estimate, kg: null, low: null, high: null, method: 'unknown', note: 'No price and no category.' } });
    expect(b.root.textContent).toContain('unknown');
    expect(b.root.textContent).toContain('No price and no category.');
    expect(b.root.textContent).not.toMatch(/\b0 kg/);
    b.remove();
  });

  it('undo reacts only to trusted clicks', () => {
    const onUndo = vi.fn();
    const b = createBadge(document, { kind: 'added', kg: 12, onUndo });
    expect(b.root.textContent).toContain('Added to your footprint: 12 kg CO2e.');
    const undo = b.root.querySelector<HTMLButtonElement>('.undo')!;
    undo.click(); // synthetic: isTrusted is false
    undo.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onUndo).not.toHaveBeenCalled();
    b.remove();
  });
});

describe('formatKg (by hand, no Intl in the content script)', () => {
  it.each([
    [0, '0'],
    [0.04, '0.04'],
    [0.0123, '0.01'],
    [3.456, '3.5'],
    [9.96, '10.0'],
    [123.4, '123'],
    [999.6, '1,000'],
    [12345, '12,345'],
    [1234567.8, '1,234,568'],
    [-1234, '-1,234'],
  ])('%d → %s', (kg, want) => {
    expect(formatKg(kg)).toBe(want);
  });
  it('matches toLocaleString("en-US") for whole numbers', () => {
    for (const n of [1000, 10_000, 100_000, 999_999, 1_000_000, 123_456_789]) expect(formatKg(n)).toBe(n.toLocaleString('en-US'));
  });
});
