import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FootprintDB } from '../../../src/store/db';
import { purchaseKey } from '../../../src/store/keys';
import { deletePurchase, listPurchases, recordPurchase, summarize, wipeAll, type NewPurchase } from '../../../src/store/purchases';
import { rebuildRollups } from '../../../src/store/rollups';
import type { Estimate, Order } from '../../../src/types';

const est = (kg: number | null, category: string | null = 'Electronics > Computers > Laptops'): Estimate => ({
  kg,
  low: kg === null ? null : kg * 0.5,
  high: kg === null ? null : kg * 2,
  method: kg === null ? 'unknown' : 'spend',
  category,
  factor: null,
  factorUnit: null,
  source: 'test',
  dataVersion: 'test',
  inputs: {},
});

const order = (over: Partial<Order> = {}): Order => ({
  orderId: '112-1234567-1234567',
  date: '2026-11-02',
  currency: 'USD',
  total: 42,
  items: [
    { title: 'Laptop stand', quantity: 1, price: 30, currency: 'USD' },
    { title: 'Cable', quantity: 2, price: 6, currency: 'USD' },
  ],
  ...over,
});

const input = (o: Order, estimates = [est(10), est(null)]): NewPurchase => ({ shop: 'www.amazon.com', order: o, estimates, source: 'page', today: '2026-11-28' });

let db: FootprintDB;
let n = 0;
beforeEach(async () => {
  db = new FootprintDB(`test-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('purchase keys', () => {
  it.each([
    ['www.amazon.com', { orderId: '112-1' }, 'amazon.com|112-1'],
    ['WWW.Amazon.COM', { orderId: ' 112-1 ' }, 'amazon.com|112-1'],
    ['shop.example', { orderId: 'abc' }, 'shop.example|ABC'],
  ])('%s + %j → %s', (shop, o, key) => {
    expect(purchaseKey(shop, { ...order(), ...o })).toBe(key);
  });

  it('fingerprints orders without a number stably, whatever the line order', () => {
    const a = order({ orderId: null });
    const b = order({ orderId: null, items: [...a.items].reverse() });
    expect(purchaseKey('s.example', a)).toMatch(/^s\.example\|fp:[0-9a-f]{13}$/);
    expect(purchaseKey('s.example', a)).toBe(purchaseKey('s.example', b));
    expect(purchaseKey('s.example', a)).not.toBe(purchaseKey('s.example', order({ orderId: null, total: 43 })));
  });
});

describe('recording purchases', () => {
  it('records an order with its items once, whatever the number of concurrent reports', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => recordPurchase(db, input(order()))));
    expect(results.filter((r) => r.status === 'added')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'exists')).toHaveLength(19);
    expect(await db.purchases.count()).toBe(1);
    expect((await db.purchases.toArray())[0]!.items).toHaveLength(2);
  });

  it('sums known estimates and counts unknown ones, never as zero', async () => {
    const { purchase } = await recordPurchase(db, input(order()));
    expect(purchase).toMatchObject({ kg: 10, low: 5, high: 20, unknownItems: 1, itemCount: 2, month: '2026-11', shop: 'amazon.com' });
  });

  it('uses today when the order shows no date', async () => {
    const { purchase } = await recordPurchase(db, input(order({ date: null })));
    expect(purchase.date).toBe('2026-11-28');
  });

  it('rejects a mismatch between items and estimates and writes nothing', async () => {
    await expect(recordPurchase(db, input(order(), [est(1)]))).rejects.toThrow(/one estimate per item/);
    expect(await db.purchases.count()).toBe(0);
  });
});

describe('monthly rollups', () => {
  it('keeps totals in step with adds and deletes, and matches a full rebuild', async () => {
    await recordPurchase(db, input(order()));
    await recordPurchase(db, input(order({ orderId: 'B', date: '2026-10-15' }), [est(4), est(1, 'Apparel & Accessories > Clothing')]));
    await recordPurchase(db, input(order({ orderId: 'C', date: '2025-12-31' }), [est(100), est(null)]));
    let s = await summarize(db, '2026-11-28');
    expect(s.thisMonth.kg).toBe(10);
    expect(s.thisYear.kg).toBe(15);
    expect(s.allTime.kg).toBe(115);
    expect(s.allTime.unknownItems).toBe(2);
    expect(s.months).toHaveLength(12);
    expect(s.months[11]).toMatchObject({ month: '2026-11', kg: 10 });
    expect(s.months[0]!.month).toBe('2025-12');
    expect(s.byCategory[0]).toEqual({ category: 'Electronics', kg: 114 });

    const before = await db.months.toArray();
    await rebuildRollups(db);
    expect(await db.months.toArray()).toEqual(before);

    expect(await deletePurchase(db, 'amazon.com|C')).toBe(true);
    s = await summarize(db, '2026-11-28');
    expect(s.allTime.kg).toBe(15);
    expect(await db.months.get('2025-12')).toBeUndefined();
    expect(await deletePurchase(db, 'amazon.com|C')).toBe(false);
  });

  it('lists newest first with items in page order', async () => {
    await recordPurchase(db, input(order({ orderId: 'old', date: '2020-01-01' })));
    await recordPurchase(db, input(order({ orderId: 'new', date: '2026-01-01' })));
    const list = await listPurchases(db, 0, 10);
    expect(list.map((p) => p.orderId)).toEqual(['new', 'old']);
    expect(list[0]!.items.map((i) => i.title)).toEqual(['Laptop stand', 'Cable']);
  });

  it('wipes every table', async () => {
    await recordPurchase(db, input(order()));
    await db.settings.put({ key: 'capturePaused', value: true });
    await wipeAll(db);
    expect(await Promise.all([db.purchases.count(), db.months.count(), db.settings.count()])).toEqual([0, 0, 0]);
  });
});
