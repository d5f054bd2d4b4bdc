import { beforeAll, describe, expect, it } from 'vitest';
import { exportJson } from '../../../src/data-io/export-json';
import { MAX_IMPORT_ROWS, TABLES, type TableName } from '../../../src/data-io/format';
import { parseImport, type ImportPlan } from '../../../src/data-io/parse-import';
import { outgoing } from '../../../src/data-io/staged-import';
import { ImportFailure, ImportStaging, INTERRUPTED, type StageStart } from '../../../src/data-io/staging';
import type { PurchaseRow } from '../../../src/store/purchase-codec';
import { SCHEMA_VERSION } from '../../../src/store/schema';
import { closeDb, FIXED_NOW, openDb, seed } from './helpers';

let plan: ImportPlan;
/** What the page sends for the file: purchases as compact rows with their items, then the rest. */
let sent: Record<TableName, unknown[]>;

beforeAll(async () => {
  const db = await openDb('staging-src');
  await seed(db, 3);
  const p = parseImport(await exportJson(db, FIXED_NOW));
  if (!p.ok) throw new Error(p.error);
  plan = p;
  sent = outgoing(plan);
  await closeDb(db);
});

const start = (over: Partial<StageStart> = {}): StageStart => ({ schemaVersion: SCHEMA_VERSION, exportedAt: null, app: null, counts: { ...plan.counts }, outside: sent.items.length, months: 0, ...over });

/** Stages the whole file in chunks of `size`; returns the staging and the import id. */
function stageAll(size = 2, clock = { t: 0 }): { s: ImportStaging; id: string; clock: { t: number } } {
  const s = new ImportStaging(() => clock.t, 1000);
  const id = s.begin(start());
  for (const t of TABLES) for (let i = 0; i < sent[t].length; i += size) s.chunk(id, t, i, sent[t].slice(i, i + size));
  return { s, id, clock };
}

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportFailure);
    return (e as Error).message;
  }
  throw new Error('expected a failure');
}

/** A compact purchase row with one change. */
const changed = (i: number, fn: (r: PurchaseRow) => void): PurchaseRow => {
  const r = structuredClone(sent.purchases[i]) as PurchaseRow;
  fn(r);
  return r;
};

describe('staging an import in the background', () => {
  it('sends purchases with their items inside, and only the rest as item rows', () => {
    expect(sent.purchases).toHaveLength(plan.counts.purchases);
    expect(sent.items).toEqual([]);
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(plan.data).length * 0.75);
  });

  it('checks and holds chunk after chunk, and gives the same plan as the whole file', () => {
    const { s, id } = stageAll(2);
    const staged = s.plan(id);
    expect(staged.counts).toEqual(plan.counts);
    expect(JSON.stringify(staged.data)).toBe(JSON.stringify(plan.data));
    expect(s.plan(id)).toBe(staged); // check and commit use the very same plan
  });

  it('takes chunks in any order (the page may send several at once) and checks them in file order', () => {
    const s = new ImportStaging();
    const id = s.begin(start());
    const order: Array<[TableName, number]> = [];
    for (const t of TABLES) for (let i = 0; i < sent[t].length; i += 2) order.push([t, i]);
    for (const [t, i] of order.reverse()) s.chunk(id, t, i, sent[t].slice(i, i + 2));
    expect(JSON.stringify(s.plan(id).data)).toBe(JSON.stringify(plan.data));
  });

  it('names the first bad record in file order even when its chunk came late', () => {
    const s = new ImportStaging();
    const id = s.begin(start());
    const bad = (i: number) => changed(i, (r) => (r.i[0]![2] = 0)); // quantity 0
    s.chunk(id, 'purchases', 4, [bad(4)]);
    expect(failure(() => s.chunk(id, 'purchases', 0, [bad(0), ...sent.purchases.slice(1, 4)]))).toMatch(/^The file was not imported: items\[0\]\.quantity .* \(and 1 other problem\)/);
  });

  it('takes chunks as JSON text too (as the page sends them)', () => {
    const s = new ImportStaging();
    const id = s.begin(start());
    for (const t of TABLES) s.chunk(id, t, 0, JSON.stringify(sent[t]));
    expect(s.plan(id).counts).toEqual(plan.counts);
  });

  it.each<[string, (s: ImportStaging, id: string) => unknown, RegExp]>([
    ['a chunk twice', (s, id) => {
      s.chunk(id, 'purchases', 2, sent.purchases.slice(2, 4));
      s.chunk(id, 'purchases', 2, sent.purchases.slice(2, 4));
    }, /arrived twice or out of range/],
    ['a chunk again after it was checked', (s, id) => {
      s.chunk(id, 'purchases', 0, sent.purchases.slice(0, 2));
      s.chunk(id, 'purchases', 0, sent.purchases.slice(0, 2));
    }, /arrived twice or out of range/],
    ['more records than announced', (s, id) => s.chunk(id, 'viewed', 0, [...sent.viewed, ...sent.viewed]), /out of range/],
    ['items that were announced inside their purchases', (s, id) => s.chunk(id, 'items', 0, plan.data.items.slice(0, 1)), /out of range/],
    ['a bad record, named by its place in the file', (s, id) => {
      s.chunk(id, 'purchases', 0, sent.purchases.slice(0, 4));
      s.chunk(id, 'purchases', 4, [changed(4, (r) => (r.date = '2026-02-30'))]);
    }, /^The file was not imported: purchases\[4\]\.date is not a real calendar date/],
    ['a wrong type deep in a compact row', (s, id) => s.chunk(id, 'purchases', 0, [changed(0, (r) => (r.p[2] = 'euro' as never))]), /purchases\[0\]\.currency must be a three-letter ISO 4217/],
    ['a duplicate id across chunks', (s, id) => {
      s.chunk(id, 'purchases', 0, sent.purchases.slice(0, 2));
      s.chunk(id, 'purchases', 2, [sent.purchases[0]]);
    }, /purchases\[2\] has the same id as purchases\[0\]/],
    ['a row that is not a compact row', (s, id) => s.chunk(id, 'purchases', 0, [{ id: 'x|1', items: 'no' }]), /a piece of purchases arrived damaged/],
    ['a chunk that is not a JSON list', (s, id) => s.chunk(id, 'purchases', 0, '{"not":"a list"}'), /a piece of purchases arrived damaged/],
    ['a chunk cut short', (s, id) => s.chunk(id, 'purchases', 0, JSON.stringify(sent.purchases).slice(0, 100)), /arrived damaged/],
    ['a commit before every record arrived', (s, id) => {
      s.chunk(id, 'purchases', 0, sent.purchases.slice(0, 2));
      s.plan(id);
    }, /The import is incomplete \(2 of 5 purchases, \d of 10 items, 0 of 2 viewed, 0 of 5 settings arrived\)/],
  ])('refuses %s, and forgets the import', (_name, act, message) => {
    const s = new ImportStaging(() => 0);
    const id = s.begin(start());
    expect(failure(() => act(s, id))).toMatch(message);
    expect(s.alive(id)).toBe(false);
  });

  it('refuses an id it never gave (a restarted background holds nothing): "try again"', () => {
    const s = new ImportStaging();
    for (const act of [() => s.chunk('00000000-dead', 'purchases', 0, []), () => s.plan('00000000-dead')]) {
      expect(failure(act)).toBe(INTERRUPTED);
    }
    expect(INTERRUPTED).toMatch(/Nothing was changed.*try again/);
  });

  it.each<[string, Partial<StageStart>, RegExp]>([
    ['a newer schema', { schemaVersion: SCHEMA_VERSION + 1 }, /newer version of Local Footprint/],
    ['too many rows', { counts: { purchases: MAX_IMPORT_ROWS, items: 1, viewed: 0, settings: 0 } }, /too many rows/],
    ['more outside items than items', { outside: 99 }, /bad counts/],
  ])('refuses to begin with %s', (_name, over, message) => {
    expect(failure(() => new ImportStaging().begin(start(over)))).toMatch(message);
  });

  it('drops held records after a long silence, and says the import was interrupted', () => {
    const { s, id, clock } = stageAll();
    clock.t = 999;
    expect(s.alive(id)).toBe(true); // a message keeps it
    clock.t = 999 + 1001;
    expect(failure(() => s.plan(id))).toBe(INTERRUPTED);
  });

  it('holds one import at a time', () => {
    const s = new ImportStaging();
    const a = s.begin(start());
    const b = s.begin(start());
    expect([s.alive(a), s.alive(b)]).toEqual([false, true]);
    expect(s.drop(a)).toBe(false);
    expect(s.drop(b)).toBe(true);
  });
});
