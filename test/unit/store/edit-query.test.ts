import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FootprintDB } from '../../../src/store/db';
import { addManualPurchase, deleteItem, updateItem } from '../../../src/store/edit';
import { queryPurchases } from '../../../src/store/query';
import { recordPurchase, summarize } from '../../../src/store/purchases';
import { rebuildRollups } from '../../../src/store/rollups';
import { estimate } from '../../../src/engine/estimate';
import type { PurchaseQuery } from '../../../src/messages/protocol';
import { itemRows } from '../../../src/store/stored-purchase';

const allItems = async (db: FootprintDB) => (await db.purchases.toArray()).flatMap(itemRows);

/** Rollups after incremental updates equal a full rebuild, up to float rounding. */
function rounded(months: readonly object[]): unknown {
  return JSON.parse(JSON.stringify(months, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v)));
}

let db: FootprintDB;
let n = 0;
beforeEach(async () => {
  db = new FootprintDB(`edit-${n++}`);
  await db.open();
  const seed = [
    { id: 'A1', date: '2026-10-03', title: 'Apple MacBook Air 13" laptop M2 8GB 256GB', price: 999 },
    { id: 'A2', date: '2026-11-12', title: "Levi's 501 Original jeans", price: 89 },
    { id: 'A3', date: '2026-11-20', title: 'Lavazza coffee beans 1 kg', price: 18 },
  ];
  for (const s of seed) {
    const order = { orderId: s.id, date: s.date, currency: 'USD', total: s.price, items: [{ title: s.title, quantity: 1, price: s.price, currency: 'USD' }] };
    await recordPurchase(db, { shop: 'www.amazon.com', order, estimates: order.items.map((it) => estimate({ title: it.title, price: it.price, currency: 'USD', site: 'www.amazon.com' })), source: 'page', today: '2026-11-28' });
  }
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('history queries', () => {
  it.each([
    [{}, ['A3', 'A2', 'A1']],
    [{ sort: 'date-asc' as const }, ['A1', 'A2', 'A3']],
    [{ month: '2026-11' }, ['A3', 'A2']],
    [{ search: 'jeans' }, ['A2']],
    [{ search: 'a1' }, ['A1']],
    [{ category: 'Electronics' }, ['A1']],
    [{ sort: 'kg-desc' as const }, ['A1']],
  ] as Array<[Partial<PurchaseQuery>, string[]]>)('%j → %j', async (q, ids) => {
    const r = await queryPurchases(db, { offset: 0, limit: q.sort === 'kg-desc' ? 1 : 10, ...q });
    expect(r.purchases.map((p) => p.orderId)).toEqual(ids);
  });

  it('pages with offset and limit and reports the total', async () => {
    const r = await queryPurchases(db, { offset: 1, limit: 1 });
    expect(r.total).toBe(3);
    expect(r.purchases.map((p) => p.orderId)).toEqual(['A2']);
  });
});

describe('editing history', () => {
  it('re-estimates an edited item, marks it edited and keeps the month totals right', async () => {
    const item = (await allItems(db)).find((i) => i.title.includes('coffee'))!;
    const before = item.estimate.kg!;
    const updated = await updateItem(db, item.id, { quantity: 3 }, estimate, 5);
    const it = updated.items[0]!;
    expect(it.edited).toBe(true);
    expect(it.quantity).toBe(3);
    expect(it.estimate.kg).toBeCloseTo(before * 3, 5);
    const s = await summarize(db, '2026-11-28');
    const monthsBefore = rounded(await db.months.toArray());
    await rebuildRollups(db);
    expect(rounded(await db.months.toArray())).toEqual(monthsBefore);
    expect(s.thisMonth.kg).toBeCloseTo(updated.kg + (await db.purchases.get('amazon.com|A2'))!.kg, 6);
  });

  it('changing the category changes the method', async () => {
    const item = (await allItems(db)).find((i) => i.title.includes('jeans'))!;
    const cat = 'Home & Garden > Household Appliances';
    const updated = await updateItem(db, item.id, { category: cat }, estimate, 5);
    expect(updated.items[0]!.estimate.category).toBe(cat);
    expect(updated.items[0]!.estimate.category).not.toBe(item.estimate.category);
  });

  it('deleting the last item deletes the purchase and its share of the totals', async () => {
    const item = (await allItems(db)).find((i) => i.title.includes('coffee'))!;
    expect(await deleteItem(db, item.id, 5)).toBeNull();
    expect(await db.purchases.get('amazon.com|A3')).toBeUndefined();
    const monthsBefore = rounded(await db.months.toArray());
    await rebuildRollups(db);
    expect(rounded(await db.months.toArray())).toEqual(monthsBefore);
  });

  it('adds a purchase by hand, estimated like any other', async () => {
    const p = await addManualPurchase(db, { title: 'Samsung 55" QLED TV', price: 700, currency: 'EUR', date: '2026-11-01', category: null, quantity: 1 }, estimate, 5);
    expect(p.source).toBe('manual');
    expect(p.id).toMatch(/^manual\|/);
    expect(p.items[0]!.estimate.kg).toBeGreaterThan(50);
    expect((await summarize(db, '2026-11-28')).thisMonth.purchases).toBe(3);
  });
});
