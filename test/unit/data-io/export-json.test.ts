import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildExport, exportFileName, exportJson } from '../../../src/data-io/export-json.ts';
import { EXPORT_FORMAT } from '../../../src/data-io/format.ts';
import { applyImport, parseImport } from '../../../src/data-io/index.ts';
import { SCHEMA_VERSION, type FootprintDB } from '../../../src/store/db.ts';
import * as legacy from '../../../src/store/export.ts';
import { wipeAll } from '../../../src/store/purchases.ts';
import { rebuildRollups } from '../../../src/store/rollups.ts';
import { allItems, closeDb, dump, FIXED_NOW, openDb, seed, tables } from './helpers.ts';

let db: FootprintDB;
beforeEach(async () => {
  db = await openDb('export');
  await seed(db);
});
afterEach(() => closeDb(db));

describe('JSON export', () => {
  it('is versioned, complete and counted: every field of every record, settings included', async () => {
    const file = JSON.parse(await exportJson(db, FIXED_NOW, { app: '1.2.3' })) as Record<string, unknown>;
    const t = await tables(db);
    expect(file).toStrictEqual({
      format: EXPORT_FORMAT,
      schemaVersion: SCHEMA_VERSION,
      exportedAt: '2026-11-28T12:00:00.000Z',
      app: '1.2.3',
      counts: { purchases: 14, items: 28, viewed: 2, settings: 5 },
      tables: { purchases: t.purchases, items: t.items, viewed: t.viewed, settings: t.settings },
    });
    expect(Object.keys(file)).toEqual(['format', 'schemaVersion', 'exportedAt', 'app', 'counts', 'tables']);
  });

  it('leaves the derived monthly totals out unless asked', async () => {
    expect((await buildExport(db, FIXED_NOW)).tables.months).toBeUndefined();
    const withMonths = await buildExport(db, FIXED_NOW, { includeMonths: true });
    expect(withMonths.tables.months).toStrictEqual(await db.months.toArray());
    expect(withMonths.app).toBe('unknown');
  });

  it('keeps the old store/export entry point working', async () => {
    expect(legacy.EXPORT_FORMAT).toBe('local-footprint-export');
    const a = JSON.parse(await legacy.exportJson(db, FIXED_NOW)) as { tables: unknown };
    expect(a.tables).toStrictEqual((await buildExport(db, FIXED_NOW)).tables);
  });

  it('names files by date', () => {
    expect(exportFileName(FIXED_NOW)).toBe('local-footprint-2026-11-28.json');
    expect(exportFileName(FIXED_NOW, 'csv')).toBe('local-footprint-2026-11-28.csv');
  });
});

describe('round trip', () => {
  it('export → wipe → import gives every table back, deep-equal, byte for byte', async () => {
    await rebuildRollups(db); // the import rebuilds the monthly totals; compare with rebuilt ones
    const before = await dump(db);
    const beforeTables = await tables(db);
    const json = await exportJson(db, FIXED_NOW, { app: '0.1.0' });
    await wipeAll(db);
    expect(await db.purchases.count()).toBe(0);
    const plan = parseImport(json);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.counts).toEqual({ purchases: 14, items: 28, viewed: 2, settings: 5 });
    expect(plan.dateRange).toEqual({ from: '2024-02-29', to: '2026-12-12' });
    expect(plan.app).toBe('0.1.0');
    expect(plan.warnings).toEqual([]);
    const r = await applyImport(db, plan);
    if (!r.ok) throw new Error(r.error);
    expect(r.add).toEqual({ purchases: 14, items: 28, viewed: 2, settings: 5 });
    expect(r.months).toBe(beforeTables.months.length);
    expect(await tables(db)).toStrictEqual(beforeTables);
    expect(await dump(db)).toBe(before);
  });

  it('restores into a new, empty database too, and the incremental totals match the rebuilt ones', async () => {
    const incremental = await db.months.toArray();
    const json = await exportJson(db, FIXED_NOW);
    const other = await openDb('export-target');
    try {
      const plan = parseImport(json);
      if (!plan.ok) throw new Error(plan.error);
      const r = await applyImport(other, plan);
      expect(r.ok).toBe(true);
      const a = await tables(db);
      const b = await tables(other);
      expect(b.purchases).toStrictEqual(a.purchases);
      expect(b.items).toStrictEqual(a.items);
      expect(b.viewed).toStrictEqual(a.viewed);
      expect(b.settings).toStrictEqual(a.settings);
      expect(b.months.map((m) => m.month)).toEqual(incremental.map((m) => m.month));
      b.months.forEach((m, i) => {
        const o = incremental[i]!;
        expect(m.purchases).toBe(o.purchases);
        expect(m.items).toBe(o.items);
        expect(m.kg).toBeCloseTo(o.kg, 9);
        expect(Object.keys(m.byCategory).sort()).toEqual(Object.keys(o.byCategory).sort());
      });
    } finally {
      await closeDb(other);
    }
  });

  it('keeps HTML and odd text as inert, verbatim strings', async () => {
    const json = await exportJson(db, FIXED_NOW);
    await wipeAll(db);
    const plan = parseImport(json);
    if (!plan.ok) throw new Error(plan.error);
    await applyImport(db, plan);
    const titles = (await allItems(db)).map((i) => i.title);
    expect(titles).toContain('<img src=x onerror=alert(1)> Café crème — 100 % coton, « bio »');
    expect(titles).toContain('Multi\nline "quoted", title');
    expect((await db.viewed.get('amazon.com|b0abc'))?.title).toBe('Laptop stand <b>aluminium</b>');
    expect(document.querySelector('img')).toBeNull();
  });
});
