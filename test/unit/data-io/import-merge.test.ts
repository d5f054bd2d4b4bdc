import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportJson } from '../../../src/data-io/export-json.ts';
import { applyImport, parseImport, prepareImport, previewImport, type ImportPlan } from '../../../src/data-io/index.ts';
import type { FootprintDB } from '../../../src/store/db.ts';
import { recordPurchase } from '../../../src/store/purchases.ts';
import { rebuildRollups } from '../../../src/store/rollups.ts';
import { getSettings } from '../../../src/store/settings.ts';
import { allItems, closeDb, dump, est, FIXED_NOW, openDb, purchaseInput, seed } from './helpers.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let db: FootprintDB;
beforeEach(async () => {
  db = await openDb('merge');
});
afterEach(() => closeDb(db));

function plan(text: string): ImportPlan {
  const p = parseImport(text);
  if (!p.ok) throw new Error(p.error);
  return p;
}

async function fileOf(fill: (db: FootprintDB) => Promise<void>, change?: (f: Json) => void): Promise<string> {
  const src = await openDb('merge-src');
  await fill(src);
  const text = await exportJson(src, FIXED_NOW);
  await closeDb(src);
  if (!change) return text;
  const f = JSON.parse(text) as Json;
  change(f);
  for (const t of ['purchases', 'items', 'viewed', 'settings']) f.counts[t] = f.tables[t].length;
  return JSON.stringify(f);
}

const zero = { purchases: 0, items: 0, viewed: 0, settings: 0 };

describe('merging by keys', () => {
  it('importing the same file twice adds nothing the second time', async () => {
    const text = await fileOf((s) => seed(s, 5));
    const first = await applyImport(db, plan(text));
    expect(first.ok && first.add).toEqual({ purchases: 7, items: 14, viewed: 2, settings: 5 });
    const after = await dump(db);
    const second = await applyImport(db, plan(text));
    if (!second.ok) throw new Error(second.error);
    expect(second.add).toEqual(zero);
    expect(second.update).toEqual(zero);
    expect(second.unchanged).toEqual({ purchases: 7, items: 14, viewed: 2, settings: 5 });
    expect(second.months).toBe(0);
    expect(await dump(db)).toBe(after);
  });

  it('importing a device\'s own export changes nothing at all', async () => {
    await seed(db, 5);
    const before = await dump(db);
    const r = await applyImport(db, plan(await exportJson(db, FIXED_NOW)));
    expect(r.ok && r.add).toEqual(zero);
    expect(await dump(db)).toBe(before);
  });

  it('merges two devices: new purchases are added, shared ones kept once', async () => {
    for (let i = 0; i < 6; i++) await recordPurchase(db, purchaseInput(i));
    const text = await fileOf(async (s) => {
      for (let i = 4; i < 10; i++) await recordPurchase(s, purchaseInput(i));
    });
    const p = plan(text);
    const preview = await previewImport(db, p);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.add).toEqual({ purchases: 4, items: 8, viewed: 0, settings: 0 });
    expect(preview.unchanged).toEqual({ purchases: 2, items: 4, viewed: 0, settings: 0 });
    expect(await db.purchases.count()).toBe(6); // the preview wrote nothing
    const r = await applyImport(db, p);
    expect(r.ok && { add: r.add, unchanged: r.unchanged }).toEqual({ add: preview.add, unchanged: preview.unchanged });
    expect(await db.purchases.count()).toBe(10);
    expect((await allItems(db)).length).toBe(20);
    // Monthly totals are those of a full rebuild.
    const months = await db.months.toArray();
    await rebuildRollups(db);
    expect(await db.months.toArray()).toStrictEqual(months);
  });

  it('a newer purchase in the file replaces the device\'s, items included', async () => {
    await recordPurchase(db, purchaseInput(1));
    const id = 'amazon.com|112-1000001';
    const text = await fileOf(
      (s) => recordPurchase(s, purchaseInput(1)).then(() => undefined),
      (f) => {
        Object.assign(f.tables.purchases[0], { updatedAt: FIXED_NOW + 10_000, kg: 99, low: 49.5, high: 198, itemCount: 1, unknownItems: 0 });
        f.tables.items = [{ ...f.tables.items[0], title: 'Edited title', edited: true, estimate: est(99) }];
      },
    );
    const r = await applyImport(db, plan(text));
    if (!r.ok) throw new Error(r.error);
    expect(r.update).toEqual({ purchases: 1, items: 1, viewed: 0, settings: 0 });
    expect(r.removedItems).toBe(1);
    expect((await db.purchases.get(id))?.kg).toBe(99);
    const items = (await allItems(db)).filter((i) => i.purchaseId === id);
    expect(items.map((i) => [i.title, i.edited])).toEqual([['Edited title', true]]);
    expect((await db.months.get('2026-02'))?.kg).toBe(99);
  });

  it('an older purchase in the file leaves the device\'s alone', async () => {
    await recordPurchase(db, purchaseInput(1));
    const before = await dump(db);
    const text = await fileOf(
      (s) => recordPurchase(s, purchaseInput(1)).then(() => undefined),
      (f) => {
        Object.assign(f.tables.purchases[0], { updatedAt: FIXED_NOW - 10_000, createdAt: FIXED_NOW - 10_000, total: 1 });
      },
    );
    const r = await applyImport(db, plan(text));
    expect(r.ok && r.unchanged.purchases).toBe(1);
    expect(await dump(db)).toBe(before);
  });

  it('viewed products: the later sighting wins', async () => {
    await db.viewed.bulkPut([
      { id: 'a.example|1', host: 'a.example', title: 'device, older', category: null, breadcrumbs: null, price: null, currency: null, seenAt: 100 },
      { id: 'a.example|2', host: 'a.example', title: 'device, newer', category: null, breadcrumbs: null, price: null, currency: null, seenAt: 300 },
    ]);
    const text = await fileOf(async (s) => {
      await s.viewed.bulkPut([
        { id: 'a.example|1', host: 'a.example', title: 'file, newer', category: null, breadcrumbs: null, price: null, currency: null, seenAt: 200 },
        { id: 'a.example|2', host: 'a.example', title: 'file, older', category: null, breadcrumbs: null, price: null, currency: null, seenAt: 200 },
      ]);
    });
    const r = await applyImport(db, plan(text));
    expect(r.ok && [r.update.viewed, r.unchanged.viewed]).toEqual([1, 1]);
    expect((await db.viewed.toArray()).map((v) => v.title)).toEqual(['file, newer', 'device, newer']);
  });

  it('settings: the file wins by default, or the device with settings: "keep"', async () => {
    await db.settings.bulkPut([{ key: 'badgeMode', value: 'page' }, { key: 'capturePaused', value: true }]);
    const text = await fileOf(async (s) => {
      await s.settings.bulkPut([{ key: 'badgeMode', value: 'toolbar' }, { key: 'displayCurrency', value: 'EUR' }]);
    });
    const kept = await applyImport(db, plan(text), { settings: 'keep' });
    expect(kept.ok && [kept.add.settings, kept.unchanged.settings]).toEqual([1, 1]);
    expect((await getSettings(db)).badgeMode).toBe('page');
    const replaced = await applyImport(db, plan(text));
    expect(replaced.ok && [replaced.update.settings, replaced.unchanged.settings]).toEqual([1, 1]);
    const s = await getSettings(db);
    expect([s.badgeMode, s.displayCurrency, s.capturePaused]).toEqual(['toolbar', 'EUR', true]);
  });

  it('items for a purchase that is only on the device are merged by id and its totals follow', async () => {
    await recordPurchase(db, purchaseInput(2)); // shop.example|112-1000002: items #0 (12 kg) and #1 (unknown)
    const id = 'shop.example|112-1000002';
    const text = await fileOf(
      (s) => recordPurchase(s, purchaseInput(2)).then(() => undefined),
      (f) => {
        f.tables.purchases = [];
        f.tables.items = [
          { ...f.tables.items[0], title: 'not taken: the device has #0' },
          { ...f.tables.items[0], id: `${id}#2`, position: 2, title: 'Mouse', estimate: est(3) },
        ];
      },
    );
    const r = await applyImport(db, plan(text), { now: FIXED_NOW + 5 });
    if (!r.ok) throw new Error(r.error);
    expect([r.add.items, r.unchanged.items]).toEqual([1, 1]);
    const items = (await allItems(db)).filter((i) => i.purchaseId === id);
    expect(items.map((i) => i.title)).toEqual(['Laptop stand #2', 'Cable, USB-C "braided" 2 m', 'Mouse']);
    const p = await db.purchases.get(id);
    expect(p).toMatchObject({ kg: 15, low: 7.5, high: 30, itemCount: 3, unknownItems: 1, updatedAt: FIXED_NOW + 5 });
    expect((await db.months.get('2026-03'))?.kg).toBe(15);
  });

  it('prepareImport gives the plan and the preview in one call', async () => {
    const text = await fileOf((s) => seed(s, 2));
    const r = await prepareImport(db, text);
    if (!r.ok) throw new Error(r.error);
    expect(r.preview.add).toEqual(r.plan.counts);
    expect(r.preview.dateRange).toEqual({ from: '2024-02-29', to: '2026-02-02' });
    expect((await prepareImport(db, 'nope')).ok).toBe(false);
  });
});
