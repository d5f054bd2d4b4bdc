/**
 * Files of the previous format (schemas 1 and 2: whole estimates in every item) are still imported, and
 * compacted on the way in; what they said is what is shown afterwards.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportJson } from '../../../src/data-io/export-json';
import { EXPORT_FORMAT } from '../../../src/data-io/format';
import { applyImport, parseImport, type ImportError } from '../../../src/data-io';
import { estimate } from '../../../src/engine/estimate';
import { SCHEMA_VERSION, type FootprintDB } from '../../../src/store/db';
import { listPurchases } from '../../../src/store/purchases';
import type { Estimate } from '../../../src/types';
import { closeDb, dump, FIXED_NOW, openDb } from './helpers';

const OLD: Estimate = {
  kg: 12,
  low: 6,
  high: 24,
  method: 'spend',
  category: 'Home & Garden',
  factor: 0.3,
  factorUnit: 'kg CO2e per USD (2021)',
  source: 'US EPA v1.2 (an older table)',
  dataVersion: '2025.01-old',
  inputs: { naics: '335210', price: 40 },
  note: 'as it was',
};

/** A file as version 2 wrote it: items with their whole estimate. */
function v2File(schemaVersion: 1 | 2): { text: string; estimates: Estimate[] } {
  const lines = [
    { title: 'Apple MacBook Air 13" laptop M2 8GB 256GB', price: 999 },
    { title: 'Lavazza coffee beans 1 kg', price: 18 },
    { title: 'Zzyzx qwerty widget', price: null },
  ];
  const estimates = lines.map((l) => estimate({ title: l.title, price: l.price, currency: 'USD', quantity: 1, date: '2026-03-03', site: 'amazon.com' }));
  estimates.push({ ...OLD, note: 'edited by hand' });
  const id = 'amazon.com|112-1';
  const items = [...lines, { title: 'Desk lamp', price: 40 }].map((l, position) => ({
    id: `${id}#${position}`,
    purchaseId: id,
    position,
    title: l.title,
    quantity: 1,
    price: l.price,
    currency: 'USD',
    category: estimates[position]!.category ?? '',
    estimate: estimates[position],
    edited: position === 3,
  }));
  const known = estimates.filter((e) => e.kg !== null);
  const purchase = {
    id,
    shop: 'amazon.com',
    orderId: '112-1',
    date: '2026-03-03',
    month: '2026-03',
    currency: 'USD',
    total: 1057,
    kg: known.reduce((s, e) => s + e.kg!, 0),
    low: known.reduce((s, e) => s + e.low!, 0),
    high: known.reduce((s, e) => s + e.high!, 0),
    itemCount: 4,
    unknownItems: 1,
    source: 'page',
    createdAt: 1,
    updatedAt: 1,
  };
  const text = JSON.stringify({
    format: EXPORT_FORMAT,
    schemaVersion,
    exportedAt: '2026-11-01T00:00:00.000Z',
    app: '0.1.0',
    counts: { purchases: 1, items: 4, viewed: 0, settings: 0 },
    tables: { purchases: [purchase], items, viewed: [], settings: [] },
  });
  return { text, estimates };
}

let db: FootprintDB;
beforeEach(async () => {
  db = await openDb('old-format');
});
afterEach(() => closeDb(db));

describe.each([1, 2] as const)('a file of schema %i', (version) => {
  it('is imported, compacted, and shows every estimate as it was', async () => {
    const { text, estimates } = v2File(version);
    const plan = parseImport(text);
    if (!plan.ok) throw new Error(plan.error);
    const r = await applyImport(db, plan);
    expect(r.ok && r.add).toEqual({ purchases: 1, items: 4, viewed: 0, settings: 0 });
    const stored = (await db.purchases.toArray())[0]!;
    // This version's estimates are stored as figures; the older one is kept whole.
    expect(stored.items.map((it) => [it.estimate.source !== undefined, it.estimate.kept ?? false])).toEqual([
      [false, false],
      [false, false],
      [false, false],
      [true, true],
    ]);
    expect(JSON.stringify(stored).length).toBeLessThan(text.length / 2);
    const shown = (await listPurchases(db))[0]!.items.map((it) => it.estimate);
    shown.forEach((e, i) => {
      const { otherDataVersion, ...rest } = e;
      expect(rest).toEqual(estimates[i]);
      expect(otherDataVersion).toBe(i === 3);
    });
    expect(shown[3]!.note).toBe('edited by hand');
  });

  it('re-exports in the current format, which imports back to the same database', async () => {
    const plan = parseImport(v2File(version).text);
    if (!plan.ok) throw new Error(plan.error);
    await applyImport(db, plan);
    const before = await dump(db);
    const current = await exportJson(db, FIXED_NOW);
    expect(JSON.parse(current).schemaVersion).toBe(SCHEMA_VERSION);
    const other = await openDb('old-format-2');
    const again = parseImport(current);
    if (!again.ok) throw new Error(again.error);
    await applyImport(other, again);
    expect(await dump(other)).toBe(before);
    await closeDb(other);
  });
});

describe('estimates that do not fit their file\'s schema are refused', () => {
  const edit = (version: number, fn: (e: Record<string, unknown>) => void) => {
    const f = JSON.parse(v2File(2).text) as { schemaVersion: number; tables: { items: Array<{ estimate: Record<string, unknown> }> } };
    f.schemaVersion = version;
    fn(f.tables.items[0]!.estimate);
    return JSON.stringify(f);
  };
  it.each<[string, string, RegExp]>([
    ['schema 2 without a citation', edit(2, (e) => delete e.source), /items\[0\]\.estimate\.source is missing/],
    ['schema 2 without inputs', edit(2, (e) => delete e.inputs), /items\[0\]\.estimate\.inputs is missing/],
    ['schema 3, kept but without its citation', edit(3, (e) => Object.assign(e, { kept: true, source: undefined })), /items\[0\]\.estimate\.source is missing \(a kept estimate has every field\)/],
    ['schema 3, "kept" that is not true', edit(3, (e) => (e.kept = false)), /items\[0\]\.estimate\.kept must be true when present/],
    ['schema 3, a rule that is not a rule name', edit(3, (e) => (e.rule = '<script>')), /items\[0\]\.estimate\.rule must be a rule name/],
    ['schema 3, inputs that are not an object', edit(3, (e) => (e.inputs = 'x')), /items\[0\]\.estimate\.inputs must be an object/],
  ])('%s', async (_name, text, message) => {
    const before = await dump(db);
    const r = parseImport(text) as ImportError;
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(message);
    expect(await dump(db)).toBe(before);
  });
});
