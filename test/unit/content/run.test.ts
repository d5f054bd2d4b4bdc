import { afterEach, describe, expect, it, vi } from 'vitest';
import { newSession, runOnPage, type Send } from '../../../src/content/run';
import type { Estimate } from '../../../src/types';

const estimate: Estimate = { kg: 50, low: 20, high: 90, method: 'spend', category: 'Furniture', factor: 0.2, factorUnit: 'kg CO2e/USD', source: 'EPA', dataVersion: 'v', inputs: {} };

function productPage(name: string, price: string): void {
  document.head.replaceChildren();
  document.body.replaceChildren();
  const s = document.createElement('script');
  s.type = 'application/ld+json';
  s.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Product', name, offers: { '@type': 'Offer', price, priceCurrency: 'GBP' } });
  document.head.append(s);
  const h1 = document.createElement('h1');
  h1.textContent = name;
  document.body.append(h1);
}

const badges = () => [...document.body.children].filter((e) => e.tagName.includes('-'));

afterEach(() => {
  document.body.replaceChildren();
});

describe('content script run', () => {
  it('shows one badge per page, and still one after a single-page navigation', async () => {
    const send = vi.fn(async (_msg: unknown) => ({ ok: true as const, estimate, showBadge: true }));
    const session = newSession();
    productPage('MÖCKELBY Table, oak', '450');
    await runOnPage(document, 'https://www.ikea.com/gb/en/p/moeckelby-table-oak-00293772/', send as unknown as Send, session);
    expect(badges()).toHaveLength(1);
    productPage('STORJORM Mirror cabinet', '279');
    await runOnPage(document, 'https://www.ikea.com/gb/en/p/storjorm-mirror-cab-20248118/', send as unknown as Send, session);
    expect(badges()).toHaveLength(1);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1]![0]).toMatchObject({ type: 'page/seen', product: { title: 'STORJORM Mirror cabinet', price: 279, currency: 'GBP' } });
  });

  it('drops a late answer for a page the user already left', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const send = vi.fn(async () => {
      await gate;
      return { ok: true as const, estimate, showBadge: true };
    });
    const session = newSession();
    productPage('MÖCKELBY Table, oak', '450');
    const first = runOnPage(document, 'https://www.ikea.com/gb/en/p/a-1/', send as unknown as Send, session);
    session.lastUrl = 'https://www.ikea.com/gb/en/p/b-2/';
    release();
    await first;
    expect(badges()).toHaveLength(0);
  });

  it('adds nothing to the page in toolbar-only mode', async () => {
    const send = vi.fn(async () => ({ ok: true as const, estimate, showBadge: false }));
    productPage('MÖCKELBY Table, oak', '450');
    const before = document.documentElement.outerHTML;
    await runOnPage(document, 'https://www.ikea.com/gb/en/p/a-1/', send as unknown as Send, newSession());
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('exits early on a page that is not a shop page', async () => {
    const send = vi.fn();
    document.head.replaceChildren();
    document.body.replaceChildren();
    const p = document.createElement('p');
    p.textContent = 'An article about trees.';
    document.body.append(p);
    const r = await runOnPage(document, 'https://en.wikipedia.org/wiki/Tree', send as unknown as Send, newSession());
    expect(r.reading).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });
});
