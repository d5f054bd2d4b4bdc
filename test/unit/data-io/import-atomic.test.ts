import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportJson } from '../../../src/data-io/export-json.ts';
import { applyImport, parseImport } from '../../../src/data-io/index.ts';
import { FootprintDB } from '../../../src/store/db.ts';
import { closeDb, dump, FIXED_NOW, openDb, seed } from './helpers.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Which writes fail: `table` gets a put/add/delete rejected when `when(request)` says so. */
const poison: { table: string | null; when: (req: DBCoreMutateRequest) => boolean; hits: number } = { table: null, when: () => true, hits: 0 };

/** A database whose low-level writes can be made to fail, the way a full disk or a broken record would. */
async function poisonedDb(): Promise<FootprintDB> {
  const db = new FootprintDB(`atomic-${Math.random().toString(36).slice(2)}`);
  db.use({
    stack: 'dbcore',
    name: 'poison',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name: string): DBCoreTable {
        const t = down.table(name);
        return {
          ...t,
          mutate(req) {
            if (name === poison.table && poison.when(req)) {
              poison.hits++;
              return Promise.reject(new Error(`poisoned write to ${name}`));
            }
            return t.mutate(req);
          },
        };
      },
    }),
  });
  await db.open();
  return db;
}

/** A write of a purchase holding an item with this title (items are stored inside their purchase). */
/** A write of a day (`store/packs.ts`) holding a purchase with an item of this title (an item row's second field). */
const hasItemTitled = (title: string) => (req: DBCoreMutateRequest) =>
  (req.type === 'put' || req.type === 'add') && req.values.some((v: { r?: Array<{ i: unknown[][] }> }) => v.r?.some((row) => row.i.some((it) => it[1] === title)));

let db: FootprintDB;
let text: string;
beforeEach(async () => {
  poison.table = null;
  poison.hits = 0;
  const src = await openDb('atomic-src');
  await seed(src, 8);
  const f = JSON.parse(await exportJson(src, FIXED_NOW)) as Json;
  await closeDb(src);
  // Newer than the device's copies, so the import has purchases to replace, items to delete, settings to change.
  for (const p of f.tables.purchases) p.updatedAt += 1000;
  f.tables.items[f.tables.items.length - 1].title = 'POISON';
  f.tables.settings.push({ key: 'poisonSetting', value: 'POISON' });
  f.tables.viewed[0].seenAt += 1000;
  f.counts.settings += 1;
  text = JSON.stringify(f);
  db = await poisonedDb();
  await seed(db, 4);
});
afterEach(() => closeDb(db));

describe('an import is all or nothing', () => {
  it.each<[string, string, (req: DBCoreMutateRequest) => boolean]>([
    ['the write of the purchases and their items', 'days', hasItemTitled('POISON')],
    ['the write of the purchase ids', 'idx', (req) => req.type === 'put'],
    ['the write of the kg figures', 'kgs', (req) => req.type === 'put'],
    ['the write of the day counts', 'tally', (req) => req.type === 'put'],
    ['a viewed-product write (after the purchases)', 'viewed', () => true],
    ['a settings write (after purchases and viewed)', 'settings', () => true],
    ['the monthly totals (the last step)', 'months', (req) => req.type === 'put'],
  ])('a failure in %s leaves the database exactly as it was', async (_name, table, when) => {
    const before = await dump(db);
    const plan = parseImport(text);
    if (!plan.ok) throw new Error(plan.error);
    poison.table = table;
    poison.when = when;
    const r = await applyImport(db, plan);
    expect(poison.hits).toBeGreaterThan(0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^The import failed and nothing was changed \(.*poisoned write to /);
    poison.table = null;
    expect(await dump(db)).toBe(before);

    // The database still works, and the same plan goes through once the fault is gone.
    const ok = await applyImport(db, plan);
    expect(ok.ok).toBe(true);
    expect(await db.purchases.count()).toBe(11); // 8 + the "=cmd" order + a manual purchase from each side
    expect(await dump(db)).not.toBe(before);
  });
});
