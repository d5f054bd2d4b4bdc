import { describe, expect, it } from 'vitest';
import { FootprintDB } from '../../../src/store/db';
import { decodePurchase, encodePurchase, type PurchaseRow } from '../../../src/store/purchase-codec';
import type { StoredEstimate, StoredItem, StoredPurchase } from '../../../src/store/records';

const est = (over: Partial<StoredEstimate> = {}): StoredEstimate => ({ kg: 2, low: 1, high: 4, method: 'spend', category: 'Home & Garden', factor: 0.3, dataVersion: 'dv-1', rule: 'lamp', ...over });
const item = (position: number, over: Partial<StoredItem> = {}): StoredItem => ({
  position,
  title: `Thing ${position}`,
  quantity: 1,
  price: 10,
  currency: 'EUR',
  category: 'Home & Garden',
  estimate: est(),
  edited: false,
  ...over,
});
const purchase = (over: Partial<StoredPurchase> = {}): StoredPurchase => ({
  id: 'shop.example|A-1',
  shop: 'shop.example',
  orderId: 'A-1',
  date: '2026-03-04',
  month: '2026-03',
  currency: 'EUR',
  total: 10,
  kg: 2,
  low: 1,
  high: 4,
  itemCount: 1,
  unknownItems: 0,
  source: 'page',
  createdAt: 1,
  updatedAt: 2,
  items: [item(0)],
  ...over,
});

describe('purchases as IndexedDB rows', () => {
  it.each<[string, StoredPurchase]>([
    ['a usual purchase', purchase()],
    ['no items', purchase({ items: [], itemCount: 0, kg: 0, low: 0, high: 0 })],
    ['a month that is not the date\'s', purchase({ month: '2020-01' })],
    ['items of two data versions', purchase({ items: [item(0), item(2, { estimate: est({ dataVersion: 'dv-0' }) })] })],
    ['unknown estimate, no rule, no category', purchase({ items: [item(0, { category: '', price: null, currency: null, estimate: est({ kg: null, low: null, high: null, method: 'unknown', category: null, factor: null, rule: undefined }) })] })],
    ['an estimate category that is not the item\'s', purchase({ items: [item(0, { category: 'Edited > Path', estimate: est({ category: null }) })] })],
    ['an empty estimate category', purchase({ items: [item(0, { category: '', estimate: est({ category: '' }) })] })],
    ['a kept estimate with every field', purchase({ items: [item(0, { edited: true, estimate: est({ kept: true, factorUnit: 'u', source: 's', comparison: null, hint: 'h', note: '<b>x</b>', inputs: { a: 1, b: null, c: true } }) })] })],
    ['overrides only', purchase({ items: [item(0, { estimate: est({ note: null, inputs: { matched: 'laptop' } }) })] })],
    ['manual, with no order number and odd text', purchase({ id: 'manual|x', shop: 'manual', orderId: null, total: null, currency: null, source: 'manual', items: [item(0, { title: 'Multi\nline "quoted" — é' })] })],
  ])('%s: written and read back unchanged', async (_name, p) => {
    const row = encodePurchase(p);
    expect(decodePurchase(JSON.parse(JSON.stringify(row)) as PurchaseRow)).toStrictEqual(JSON.parse(JSON.stringify(p)));
    expect(JSON.stringify(row).length).toBeLessThan(JSON.stringify(p).length);
  });

  it('is what the database holds: the store reads and writes purchases, IndexedDB holds rows packed by day', async () => {
    const db = new FootprintDB(`codec-${Math.random().toString(36).slice(2)}`);
    await db.open();
    const p = purchase({ items: [item(0), item(1, { estimate: est({ kept: true, factorUnit: null, source: 'x', inputs: {} }) })], itemCount: 2 });
    await db.purchases.put(p);
    expect(await db.purchases.get(p.id)).toStrictEqual(p);
    await db.purchases.put({ ...p, total: 11 });
    expect((await db.purchases.get(p.id))?.total).toBe(11);
    const day = await db.days.get('2026-03-04');
    expect(day?.r).toHaveLength(1);
    expect(day!.r[0]).toMatchObject({ id: p.id, date: '2026-03-04', kg: 2, v: 'dv-1' });
    expect(Object.keys(day!.r[0]!).sort()).toEqual(['date', 'i', 'id', 'kg', 'p', 'v']);
    const shards = await db.idx.toArray();
    expect(shards.map((s) => [s.ids, s.dates, s.kgs])).toEqual([[[p.id], ['2026-03-04'], [2]]]);
    db.close();
    await db.delete();
  });
});
