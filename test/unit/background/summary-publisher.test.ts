import { describe, expect, it } from 'vitest';
import { SummaryPublisher } from '../../../src/background/summary-publisher';
import { cachedFor, type CachedSummary } from '../../../src/popup/summary-cache';

const zero = { kg: 0, low: 0, high: 0, purchases: 0, unknownItems: 0 };
const cached = (kg: number, today = '2026-11-28'): CachedSummary => ({
  today,
  reply: { summary: { thisMonth: zero, thisYear: zero, allTime: { ...zero, kg }, months: [], byCategory: [] }, count: 1 },
});

/** A store whose writes take a tick, recording what it holds after each. */
function slowStore() {
  const held: Array<number | null> = [];
  let value: CachedSummary | null = null;
  const store = async (v: CachedSummary | null) => {
    await new Promise((r) => setTimeout(r, 1));
    value = v;
    held.push(v ? v.reply.summary.allTime.kg : null);
  };
  return { store, held, now: () => value };
}

describe('the popup\'s cached totals', () => {
  it('go before a write and come back after it, computed when their turn comes', async () => {
    let kg = 1;
    const s = slowStore();
    const p = new SummaryPublisher(s.store, async () => cached(kg));
    const w = p.writing();
    kg = 2;
    await Promise.all([w, p.changed()]);
    expect(s.held).toEqual([null, 2]);
  });

  it('never keep a summary computed before a write that began since', async () => {
    const s = slowStore();
    const p = new SummaryPublisher(s.store, async () => cached(5));
    const since = p.mark();
    const old = cached(4); // computed for a reader, then a write begins
    await p.writing();
    await p.computed(old, since);
    expect(s.now()).toBeNull();
    await p.changed();
    expect(s.now()?.reply.summary.allTime.kg).toBe(5);
    await p.computed(cached(6), p.mark());
    expect(s.now()?.reply.summary.allTime.kg).toBe(6);
  });

  it('a failing store is nobody\'s failure', async () => {
    const p = new SummaryPublisher(async () => Promise.reject(new Error('quota')), async () => cached(1));
    await expect(p.writing()).resolves.toBeUndefined();
    await expect(p.changed()).resolves.toBeUndefined();
  });

  it.each<[string, unknown, boolean]>([
    ['the same day', cached(3), true],
    ['another day (this month and year may have moved)', cached(3, '2026-11-27'), false],
    ['nothing', undefined, false],
    ['a text', 'summary', false],
    ['a reply without totals', { today: '2026-11-28', reply: { count: 1, summary: {} } }, false],
  ])('are used for %s: %s', (_name, value, used) => {
    expect(cachedFor(value, '2026-11-28') !== null).toBe(used);
  });
});
