import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportJson } from '../../../src/data-io/export-json.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../../src/data-io/format.ts';
import { applyImport, checkFileSize, parseImport, previewImport, utf8Length, type ImportError } from '../../../src/data-io/index.ts';
import { SCHEMA_VERSION, type FootprintDB } from '../../../src/store/db.ts';
import { allItems, closeDb, dump, FIXED_NOW, openDb, seed } from './helpers.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let db: FootprintDB;
let base: string;
let before: string;

/** A valid export of a different database, to be broken in many ways. */
beforeAll(async () => {
  const src = await openDb('bad-src');
  await seed(src, 4);
  base = await exportJson(src, FIXED_NOW, { app: 'test' });
  await closeDb(src);
});

beforeEach(async () => {
  db = await openDb('bad');
  await seed(db, 3);
  before = await dump(db);
});
afterEach(() => closeDb(db));

/** The base file, changed by `fn`; counts follow the tables unless `keepCounts`. */
function edit(fn: (f: Json) => void, keepCounts = false): string {
  const f = JSON.parse(base) as Json;
  fn(f);
  if (!keepCounts && f.counts) for (const t of ['purchases', 'items', 'viewed', 'settings']) f.counts[t] = f.tables[t]?.length;
  return JSON.stringify(f);
}

/** Parses, previews and applies; returns the first error met (the test expects one). */
async function tryImport(text: string): Promise<ImportError | null> {
  const plan = parseImport(text);
  if (!plan.ok) return plan;
  const preview = await previewImport(db, plan);
  const result = await applyImport(db, plan);
  if (!preview.ok) {
    expect(result.ok).toBe(false); // apply must refuse what preview refused
    return preview;
  }
  return result.ok ? null : result;
}

const FMT = '"format":"local-footprint-export","schemaVersion":1';

const cases: Array<[string, () => string, RegExp]> = [
  ['not JSON', () => 'hello, this is not JSON', /not valid JSON/],
  ['a JSON file cut short', () => base.slice(0, base.length >> 1), /not valid JSON/],
  ['an empty file', () => '', /empty/],
  ['only white space and a BOM', () => '\uFEFF \n\t', /empty/],
  ['an array', () => '[]', /holds a list, not an object/],
  ['a string', () => '"local-footprint-export"', /holds a text/],
  ['a number', () => '42', /holds a number/],
  ['null', () => 'null', /holds null/],
  ['an empty object', () => '{}', /not a Local Footprint export \(format is missing/],
  ['another format', () => '{"format":"other-app-export","schemaVersion":1,"tables":{}}', /not a Local Footprint export \(format is "other-app-export"/],
  ['a future schemaVersion', () => edit((f) => (f.schemaVersion = SCHEMA_VERSION + 1)), /newer version of Local Footprint .*Update the extension/],
  ['schemaVersion as text', () => edit((f) => (f.schemaVersion = '1')), /schemaVersion must be a whole number/],
  ['no tables', () => `{${FMT}}`, /tables must be an object/],
  ['a table that is not a list', () => edit((f) => (f.tables.items = {})), /tables\.items must be a list/],
  ['a missing table', () => edit((f) => delete f.tables.viewed), /tables\.viewed must be a list, not missing/],
  ['counts that do not match', () => edit((f) => (f.counts.items += 1), true), /counts\.items says 13 but the file holds 12 items: the file is incomplete or was edited/],
  ['a duplicate purchase id', () => edit((f) => f.tables.purchases.push(f.tables.purchases[1])), /purchases\[6\] has the same id as purchases\[1\]/],
  ['a duplicate item id', () => edit((f) => (f.tables.items[3] = { ...f.tables.items[2] })), /items\[3\] has the same id as items\[2\]/],
  ['a duplicate setting key', () => edit((f) => f.tables.settings.push({ key: 'badgeMode', value: 'page' })), /settings\[5\] has the same key as settings\[0\]/],
  ['an impossible date', () => edit((f) => Object.assign(f.tables.purchases[0], { date: '2026-02-30', month: '2026-02' })), /purchases\[0\]\.date is not a real calendar date \("2026-02-30"\)/],
  ['29 February of a common year', () => edit((f) => Object.assign(f.tables.purchases[0], { date: '2025-02-29', month: '2025-02' })), /purchases\[0\]\.date is not a real calendar date/],
  ['a date in words', () => edit((f) => (f.tables.purchases[0].date = 'yesterday')), /purchases\[0\]\.date must be a date written YYYY-MM-DD, not "yesterday"/],
  ['a month that is not the date\'s', () => edit((f) => (f.tables.purchases[0].month = '2020-01')), /purchases\[0\]\.month \("2020-01"\) must be the month of the date/],
  ['a negative amount', () => edit((f) => (f.tables.items[0].price = -5)), /items\[0\]\.price must be ≥ 0, not -5/],
  ['"NaN" as an amount', () => edit((f) => (f.tables.purchases[2].total = 'NaN')), /purchases\[2\]\.total must be a number, not a text \("NaN"\)/],
  ['1e999 (Infinity) as kg', () => base.replace('"kg":', '"kg":1e999,"x":'), /purchases\[0\]\.kg must be a finite number, not Infinity/],
  ['a negative kg in an estimate', () => edit((f) => (f.tables.items[0].estimate.kg = -1)), /items\[0\]\.estimate\.kg must be ≥ 0/],
  ['low above kg', () => edit((f) => (f.tables.items[0].estimate.low = 1e6)), /items\[0\]\.estimate\.low \(1000000\) must not be above kg/],
  ['high without kg', () => edit((f) => (f.tables.items.find((it: { estimate: { kg: unknown } }) => it.estimate.kg === null).estimate.high = 3)), /items\[\d+\]\.estimate has a low or high value but no central kg value/],
  ['a fractional quantity', () => edit((f) => (f.tables.items[4].quantity = 1.5)), /items\[4\]\.quantity must be a whole number from 1 to 100000, not 1\.5/],
  ['a zero quantity', () => edit((f) => (f.tables.items[4].quantity = 0)), /items\[4\]\.quantity must be a whole number from 1 to 100000, not 0/],
  ['a currency spelled out', () => edit((f) => (f.tables.purchases[0].currency = 'EURO')), /purchases\[0\]\.currency must be a three-letter ISO 4217 currency code such as "EUR", not "EURO"/],
  ['a lower-case currency', () => edit((f) => (f.tables.items[0].currency = 'eur')), /items\[0\]\.currency must be a three-letter ISO 4217 currency code .*"eur"/],
  ['an unknown estimate method', () => edit((f) => (f.tables.items[0].estimate.method = 'magic')), /items\[0\]\.estimate\.method must be one of device, product, .*not "magic"/],
  ['an incomplete estimate', () => edit((f) => delete f.tables.items[2].estimate.dataVersion), /items\[2\]\.estimate\.dataVersion is missing/],
  ['an id as a number', () => edit((f) => (f.tables.purchases[0].id = 12)), /purchases\[0\]\.id must be a text, not a number \(12\)/],
  ['a purchase id of another shop', () => edit((f) => (f.tables.purchases[0].id = 'evil.example|1')), /purchases\[0\]\.id must be the shop, "\|" and the order key/],
  ['an item id that does not match its position', () => edit((f) => (f.tables.items[0].position = 7)), /items\[0\]\.id must be the purchase id, "#" and the position/],
  ['a shop with upper case and a path', () => edit((f) => (f.tables.viewed[0].host = 'Evil.example/x')), /viewed\[0\]\.host must be a shop host in lower case/],
  ['an over-long title', () => edit((f) => (f.tables.items[0].title = 'x'.repeat(5000))), /items\[0\]\.title is too long \(5000 characters; at most 1000\)/],
  ['an empty title', () => edit((f) => (f.tables.items[0].title = '')), /items\[0\]\.title must not be empty/],
  ['a bad setting value', () => edit((f) => (f.tables.settings[0].value = 'sideways')), /settings\[0\]\.value is not a valid value for the setting "badgeMode"/],
  ['a record that is a list', () => edit((f) => (f.tables.viewed[1] = [])), /viewed\[1\] must be an object, not a list/],
  ['an item whose purchase is nowhere', () => edit((f) => {
    f.tables.items.push({ ...f.tables.items[0], id: 'nowhere.example|404#0', purchaseId: 'nowhere.example|404' });
  }), /items\[12\]\.purchaseId \("nowhere\.example\|404"\) is a purchase that is neither in the file nor on this device/],
  ['a __proto__ key at the top', () => `{${FMT},"__proto__":{"polluted":"yes"},"tables":{"purchases":[],"items":[],"viewed":[],"settings":[]}}`, /forbidden key "__proto__"/],
  ['a __proto__ key in tables', () => `{${FMT},"tables":{"__proto__":{"polluted":"yes"},"purchases":[],"items":[],"viewed":[],"settings":[]}}`, /tables has a forbidden key "__proto__"/],
  ['a __proto__ key in a purchase', () => base.replace('{"id":"amazon', '{"__proto__":{"polluted":"yes"},"id":"amazon'), /purchases\[\d+\] has a forbidden key "__proto__"/],
  ['a __proto__ key in estimate inputs', () => base.replace('"inputs":{', '"inputs":{"__proto__":{"polluted":"yes"},'), /estimate\.inputs has a forbidden key "__proto__"/],
  ['a constructor key in a setting value', () => edit((f) => (f.tables.settings[3].value = JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'))), /settings\[3\]\.value has a forbidden key "constructor"/],
  ['a prototype setting name', () => edit((f) => f.tables.settings.push({ key: 'prototype', value: 1 })), /settings\[5\]\.key is not an allowed setting name/],
];

describe('bad files: a clear error, and the database unchanged byte for byte', () => {
  it.each(cases)('%s', async (_name, make, message) => {
    const r = await tryImport(make());
    expect(r?.ok).toBe(false);
    expect(r!.error).toMatch(message);
    expect(r!.problems.length).toBeGreaterThan(0);
    expect(await dump(db)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a file over the byte limit before parsing (ASCII)', async () => {
    const limit = 1024 * 1024;
    const big = `{${FMT},"pad":"${'x'.repeat(limit)}"}`;
    const r = parseImport(big, { maxBytes: limit });
    expect(r.ok).toBe(false);
    expect((r as ImportError).error).toMatch(/too large \(more than 1 MB\)/);
    expect(await dump(db)).toBe(before);
  });

  it('counts bytes, not characters: 0.6 M accented letters are 1.2 MB', () => {
    const limit = 1024 * 1024;
    const big = 'é'.repeat(600 * 1024);
    expect(big.length).toBeLessThan(limit);
    expect(utf8Length(big)).toBe(1200 * 1024);
    expect((parseImport(big, { maxBytes: limit }) as ImportError).error).toMatch(/too large/);
    expect(utf8Length('a€😀')).toBe(1 + 3 + 4);
  });

  it('lets the file picker refuse a file by its size, before reading it', () => {
    expect(checkFileSize(0)?.error).toMatch(/empty/);
    expect(checkFileSize(MAX_IMPORT_BYTES + 1)?.error).toMatch(/too large \(256 MB; the limit is 256 MB\)/);
    expect(checkFileSize(1024)).toBeNull();
  });

  it('takes an export of 100,000 purchases (about 95 MB) with room to spare, and refuses absurd sizes', () => {
    expect(MAX_IMPORT_BYTES).toBeGreaterThanOrEqual(2 * 95 * 1024 * 1024);
    expect(checkFileSize(100 * 1024 * 1024)).toBeNull();
    expect(checkFileSize(2 * 1024 * 1024 * 1024)?.error).toMatch(/too large \(2048 MB/);
  });

  it('refuses a file of more than a million rows before checking any record', async () => {
    const rows = `${'{},'.repeat(MAX_IMPORT_ROWS)}{}`;
    const text = `{${FMT},"tables":{"purchases":[],"items":[${rows}],"viewed":[],"settings":[]}}`;
    const t0 = performance.now();
    const r = parseImport(text);
    expect(r.ok).toBe(false);
    expect((r as ImportError).error).toBe('The file has too many rows (1,000,001; the limit is 1,000,000). Nothing was imported.');
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(await dump(db)).toBe(before);
  });

  it('stops after 20 problems on a million bad rows (bounded work, bounded message)', () => {
    const text = `{${FMT},"tables":{"purchases":[${'{},'.repeat(MAX_IMPORT_ROWS - 1)}{}],"items":[],"viewed":[],"settings":[]}}`;
    const r = parseImport(text);
    expect(r.ok).toBe(false);
    const e = r as ImportError;
    expect(e.problems).toHaveLength(20);
    expect(e.more).toBe(true);
    expect(e.error).toBe('The file was not imported: purchases[0].id is missing (and more than 19 other problems).');
  });

  it('lists several problems, the first in the headline', () => {
    const r = parseImport(edit((f) => {
      f.tables.items[0].quantity = -1;
      f.tables.viewed[0].currency = 'eur';
    })) as ImportError;
    expect(r.error).toBe('The file was not imported: items[0].quantity must be a whole number from 1 to 100000, not -1 (and 1 other problem).');
    expect(r.problems).toEqual([
      'items[0].quantity must be a whole number from 1 to 100000, not -1',
      'viewed[0].currency must be a three-letter ISO 4217 currency code such as "EUR", not "eur"',
    ]);
  });

  it('refuses a plan that parseImport did not issue (a clone, a hand-made object)', async () => {
    const plan = parseImport(base);
    if (!plan.ok) throw new Error(plan.error);
    const clone = structuredClone(plan);
    expect((await applyImport(db, clone)).ok).toBe(false);
    expect((await previewImport(db, clone)).ok).toBe(false);
    expect(await dump(db)).toBe(before);
  });
});

describe('odd but acceptable files', () => {
  it('accepts a UTF-8 BOM', async () => {
    const plan = parseImport(`\uFEFF${base}`);
    expect(plan.ok).toBe(true);
    const r = await applyImport(db, plan as Exclude<typeof plan, ImportError>);
    expect(r.ok).toBe(true);
  });

  it('accepts HTML in text as plain text, stored verbatim and never interpreted', async () => {
    const html = '<script>document.body.dataset.pwned = "1"</script><img src=x onerror="globalThis.pwned=1">';
    const text = edit((f) => {
      f.tables.purchases[0].updatedAt += 1000; // newer than the device's copy, so it replaces it
      f.tables.items[0].title = html;
      f.tables.viewed[0].title = html;
      f.tables.items[0].estimate.note = html;
    });
    const plan = parseImport(text);
    if (!plan.ok) throw new Error(plan.error);
    expect((await applyImport(db, plan)).ok).toBe(true);
    const id = (JSON.parse(base) as Json).tables.items[0].id as string;
    const item = (await allItems(db)).find((i) => i.id === id);
    expect(item?.title).toBe(html);
    expect(item?.estimate.note).toBe(html);
    expect(document.body.dataset.pwned).toBeUndefined();
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    expect(JSON.parse(await exportJson(db, FIXED_NOW)).tables.items.some((i: Json) => i.title === html)).toBe(true);
  });

  it('accepts a file of the first, minimal exporter (no app, no counts)', async () => {
    const plan = parseImport(edit((f) => {
      delete f.app;
      delete f.counts;
    }));
    expect(plan.ok).toBe(true);
    if (plan.ok) expect(plan.app).toBeNull();
  });

  it('drops fields it does not know, with a warning, and ignores monthly totals', async () => {
    const plan = parseImport(edit((f) => {
      f.tables.purchases[0].mood = 'happy';
      f.tables.items[1].estimate.extra = 1;
      f.tables.months = [{ month: '1999-01', kg: 1e9 }];
    }));
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.warnings).toEqual([
      '2 fields this version does not know will be left out (first: purchases[0].mood).',
      'The monthly totals in the file are not imported; they are recomputed from the purchases.',
    ]);
    expect(plan.data.purchases[0]).not.toHaveProperty('mood');
    expect((await applyImport(db, plan)).ok).toBe(true);
    expect(await db.months.get('1999-01')).toBeUndefined();
  });

  it('accepts an empty export', async () => {
    const plan = parseImport(`{${FMT},"tables":{"purchases":[],"items":[],"viewed":[],"settings":[]}}`);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.counts).toEqual({ purchases: 0, items: 0, viewed: 0, settings: 0 });
    expect(plan.dateRange).toBeNull();
    const r = await applyImport(db, plan);
    expect(r.ok && r.months).toBe(0);
    expect(await dump(db)).toBe(before);
  });
});

afterAll(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
