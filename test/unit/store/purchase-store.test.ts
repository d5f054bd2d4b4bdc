import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvPage } from '../../../src/data-io/export-csv';
import { exportPage } from '../../../src/data-io/export-page';
import { datePage } from '../../../src/store/date-page';
import { FootprintDB } from '../../../src/store/db';
import { packPurchases, shardOf } from '../../../src/store/packs';
import { purchaseCodec } from '../../../src/store/purchase-codec';
import { queryPurchases } from '../../../src/store/query';
import type { StoredPurchase } from '../../../src/store/records';
import { storeOrder } from '../../../src/store/rollups';
import { V1 } from '../../../src/store/versions/2026-11-28-v1';
import { V2 } from '../../../src/store/versions/2026-11-28-v2';
import { V3 } from '../../../src/store/versions/2026-11-28-v3';

/** A purchase with one item; `kg` and `date` are what the packing sorts and groups by. */
function make(i: number, date: string, kg: number, over: Partial<StoredPurchase> = {}): StoredPurchase {
  const id = `shop.example|${String(i).padStart(5, '0')}`;
  return {
    id,
    shop: 'shop.example',
    orderId: String(i),
    date,
    month: date.slice(0, 7),
    currency: 'EUR',
    total: 10 + i,
    kg,
    low: kg / 2,
    high: kg * 2,
    itemCount: 1,
    unknownItems: 0,
    source: 'page',
    createdAt: 1,
    updatedAt: 1,
    items: [
      {
        position: 0,
        title: `Thing ${i}`,
        quantity: 1,
        price: 10 + i,
        currency: 'EUR',
        category: i % 3 ? 'Electronics' : 'Food',
        edited: false,
        estimate: { kg, low: kg / 2, high: kg * 2, method: 'spend', category: i % 3 ? 'Electronics' : 'Food', factor: 0.3, dataVersion: 'dv' },
      },
    ],
    ...over,
  };
}

/** 1,500 purchases: most days hold a few, one day holds 400 (pages must split it), kg with ties. */
function many(): StoredPurchase[] {
  const out: StoredPurchase[] = [];
  for (let i = 0; i < 1500; i++) {
    const date = i < 400 ? '2025-06-15' : `202${4 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    out.push(make(i, date, (i * 37) % 101));
  }
  return out;
}

let db: FootprintDB;
let n = 0;
beforeEach(async () => {
  db = new FootprintDB(`store-${n++}-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const ids = (ps: ReadonlyArray<{ id: string }>) => ps.map((p) => p.id);

describe('purchases packed by day', () => {
  it('reads back what it wrote, by id, in date then id order', async () => {
    const ps = [make(3, '2026-01-02', 1), make(1, '2026-01-02', 5), make(2, '2025-12-31', 2)];
    await db.purchases.bulkPut(ps);
    expect(await db.purchases.get(ps[1]!.id)).toStrictEqual(ps[1]);
    expect(await db.purchases.bulkGet([ps[2]!.id, 'shop.example|nope', ps[0]!.id])).toStrictEqual([ps[2], undefined, ps[0]]);
    expect(ids(await db.purchases.toArray())).toEqual(ids([ps[2]!, ps[1]!, ps[0]!]));
    expect(await db.purchases.primaryKeys()).toEqual(ids(ps).sort());
    expect(await db.purchases.count()).toBe(3);
    expect(await db.days.count()).toBe(2);
  });

  it('moves a purchase whose date changes, and drops days and shards left empty', async () => {
    const p = make(1, '2026-01-02', 1);
    await db.purchases.bulkPut([p, make(2, '2026-01-02', 2)]);
    await db.purchases.put({ ...p, date: '2026-02-03', month: '2026-02', kg: 9 });
    expect((await db.days.get('2026-01-02'))?.r.map((r) => r.id)).toEqual(['shop.example|00002']);
    expect((await db.days.get('2026-02-03'))?.r.map((r) => r.id)).toEqual([p.id]);
    expect(await db.purchases.entries([p.id])).toEqual(new Map([[p.id, { id: p.id, date: '2026-02-03', kg: 9 }]]));
    await db.purchases.bulkDelete([p.id, 'shop.example|00002', 'shop.example|never']);
    expect(await db.days.count()).toBe(0);
    expect(await db.idx.count()).toBe(0);
    expect(await db.kgs.count()).toBe(0);
    expect(await db.purchases.dayCounts()).toEqual(new Map());
  });

  it('keeps each shard\'s kg figures, and the count of each day, in step through puts, moves and deletes', async () => {
    const ps = many().slice(0, 600);
    await db.purchases.bulkPut(ps);
    await db.purchases.bulkPut(ps.slice(0, 200).map((p) => ({ ...p, kg: p.kg + 0.5, date: '2026-02-02', month: '2026-02' })));
    await db.purchases.bulkDelete(ps.slice(300, 450).map((p) => p.id));
    const [shards, figures] = await Promise.all([db.idx.toArray(), db.kgs.toArray()]);
    expect(figures.map((f) => [f.s, [...f.kgs]])).toEqual(shards.map((s) => [s.s, s.kgs]));
    expect(figures.reduce((n, f) => n + f.kgs.length, 0)).toBe(450);
    const days = await db.days.toArray();
    expect(await db.purchases.dayCounts()).toEqual(new Map(days.map((d) => [d.d, d.r.length])));
    expect((await db.purchases.dayCounts()).get('2026-02-02')).toBe(200);
  });

  it('refuses to add a purchase twice and changes nothing', async () => {
    const p = make(1, '2026-01-02', 1);
    await db.purchases.add(p);
    await expect(db.purchases.add({ ...p, kg: 7 })).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.purchases.get(p.id)).toStrictEqual(p);
  });

  it('spreads ids over shards by a stable hash, sorted inside each', async () => {
    const ps = many();
    await db.purchases.bulkPut(ps);
    const shards = await db.idx.toArray();
    expect(shards.length).toBeGreaterThan(200);
    for (const s of shards) {
      expect(s.ids.every((id) => shardOf(id) === s.s)).toBe(true);
      expect([...s.ids].sort()).toEqual(s.ids);
    }
    expect(shardOf('amazon.com|A1')).toBe(shardOf('amazon.com|A1'));
  });

  it('packs into an empty store exactly as writes through the store do', async () => {
    const ps = many();
    await db.purchases.bulkPut(ps.slice(0, 700));
    await db.purchases.bulkPut(ps.slice(700));
    const packed = packPurchases(ps);
    const bySortKey = <T extends { d?: string; s?: number }>(xs: T[]) => xs.sort((a, b) => String(a.d ?? a.s).localeCompare(String(b.d ?? b.s)));
    expect(bySortKey(await db.days.toArray())).toEqual(bySortKey(packed.days));
    expect(bySortKey(await db.idx.toArray())).toEqual(bySortKey(packed.shards));
    expect(bySortKey(await db.kgs.toArray())).toEqual(bySortKey(packed.kgs));
    expect(await db.purchases.dayCounts()).toEqual(packed.tally.n);
  });
});

describe('pages in the order the history shows them', () => {
  const cases: Array<[string, boolean, number, number]> = [
    ['first page, newest first', true, 0, 50],
    ['inside the 400-purchase day, newest first', true, 1180, 60],
    ['just past the walk, newest first (counted from the shards)', true, 1001, 50],
    ['the last page', true, 1480, 50],
    ['past the end', true, 1500, 50],
    ['oldest first, across the big day', false, 300, 200],
    ['oldest first, deep', false, 1200, 99],
  ];
  it.each(cases)('%s', async (_name, desc, offset, limit) => {
    const ps = many();
    await db.purchases.bulkPut(ps);
    const ref = [...ps].sort(storeOrder);
    if (desc) ref.reverse();
    expect(ids(await datePage(db, desc, offset, limit))).toEqual(ids(ref.slice(offset, offset + limit)));
  });

  it.each<[string, Parameters<typeof queryPurchases>[1], (ps: StoredPurchase[]) => StoredPurchase[]]>([
    ['heaviest first', { sort: 'kg-desc', offset: 10, limit: 30 }, (ps) => ps.sort((a, b) => a.kg - b.kg || (a.id < b.id ? -1 : 1)).reverse()],
    ['lightest first', { sort: 'kg-asc', offset: 0, limit: 30 }, (ps) => ps.sort((a, b) => a.kg - b.kg || (a.id < b.id ? -1 : 1))],
    ['heaviest first, the last page (every purchase sorted)', { sort: 'kg-desc', offset: 1480, limit: 50 }, (ps) => ps.sort((a, b) => a.kg - b.kg || (a.id < b.id ? -1 : 1)).reverse()],
    ['lightest first, a page ending inside a run of equal footprints', { sort: 'kg-asc', offset: 7, limit: 9 }, (ps) => ps.sort((a, b) => a.kg - b.kg || (a.id < b.id ? -1 : 1))],
    ['one month, newest first', { month: '2025-06', offset: 5, limit: 20 }, (ps) => ps.filter((p) => p.month === '2025-06').sort(storeOrder).reverse()],
    ['one month by kg', { month: '2024-04', sort: 'kg-desc', offset: 0, limit: 20 }, (ps) => ps.filter((p) => p.month === '2024-04').sort((a, b) => a.kg - b.kg || (a.id < b.id ? -1 : 1)).reverse()],
    ['a search', { search: 'thing 12', offset: 0, limit: 50 }, (ps) => ps.filter((p) => p.items[0]!.title.toLowerCase().includes('thing 12')).sort(storeOrder).reverse()],
    ['a category, oldest first', { category: 'Food', sort: 'date-asc', offset: 40, limit: 25 }, (ps) => ps.filter((p) => p.items[0]!.category === 'Food').sort(storeOrder)],
  ])('queries: %s', async (_name, q, expected) => {
    const ps = many();
    await db.purchases.bulkPut(ps);
    const want = expected([...ps]);
    const r = await queryPurchases(db, q);
    expect(ids(r.purchases)).toEqual(ids(want.slice(q.offset, q.offset + q.limit)));
    if (q.month || q.search || q.category) expect(r.total).toBe(want.length);
  });

  it('exports every purchase once, in date then id order, with pages that split a day', async () => {
    const ps = many();
    await db.purchases.bulkPut(ps);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await exportPage(db, after, 170);
      const rows = JSON.parse(`[${page.texts[0]}]`) as Array<{ id: string }>;
      expect(rows).toHaveLength(page.count);
      seen.push(...ids(rows));
      after = page.next;
      pages++;
    } while (after !== null);
    expect(pages).toBe(Math.ceil(1500 / 170));
    expect(seen).toEqual(ids([...ps].sort(storeOrder)));
  });

  it('writes the CSV in the same order, with pages that split a day', async () => {
    const ps = many();
    await db.purchases.bulkPut(ps);
    let rows = 0;
    let after = null;
    let lastTitle = '';
    do {
      const page = await csvPage(db, after, 130);
      rows += page.count;
      lastTitle = page.texts[0].trim().split('\n').at(-1) ?? lastTitle;
      after = page.next;
    } while (after !== null);
    expect(rows).toBe(1500);
    const last = [...ps].sort(storeOrder).at(-1)!;
    expect(lastTitle).toContain(last.items[0]!.title);
  });
});

describe('the upgrade from schema 3', () => {
  it.each([0, 1, 1500])('packs %i purchases written one per record, losing none', async (count) => {
    const name = `v3-${count}-${Math.random().toString(36).slice(2)}`;
    const legacy = new Dexie(name);
    for (const v of [V1, V2, V3]) legacy.version(v.version).stores(v.stores);
    legacy.use(purchaseCodec);
    const ps = many().slice(0, count);
    await legacy.table('purchases').bulkAdd(ps);
    legacy.close();

    const up = new FootprintDB(name);
    await up.open();
    expect(await up.purchases.toArray()).toStrictEqual([...ps].sort(storeOrder));
    expect(await up.purchases.count()).toBe(count);
    up.close();
    await up.delete();
  });
});
