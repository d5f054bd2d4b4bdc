import type { ItemRecord, MonthRollup, PurchaseRecord, SettingRecord, ViewedRecord } from '../store/records';

/**
 * The export file format ("local-footprint-export").
 *
 * ```
 * {
 *   "format": "local-footprint-export",
 *   "schemaVersion": 3,                 // SCHEMA_VERSION of the database the file came from
 *   "exportedAt": "2026-11-28T10:00:00.000Z",
 *   "app": "0.1.0",                     // version of the extension that wrote the file
 *   "counts": { "purchases": 2, "items": 3, "viewed": 1, "settings": 4 },
 *   "tables": { "purchases": [...], "items": [...], "viewed": [...], "settings": [...] }
 * }
 * ```
 *
 * Every record is written with every field exactly as stored; items, stored inside their purchase since
 * schema 3, are written as rows of their own (`id` = purchase id, `#`, position). From schema 3 on an
 * item's `estimate` is the compact stored form (`StoredEstimate`: figures, rule, and only what the data
 * tables cannot give back); files of schemas 1 and 2 carry whole estimates and are still imported (the
 * import compacts them). The `months` table is derived from purchases and items, so it is left out by
 * default (`includeMonths` adds it for inspection); an import ignores it and recomputes the monthly
 * totals. Files from the first, minimal exporter (no `app`, no `counts`) are still accepted.
 *
 * The options page writes the file from pages of records (`data/export-page`), so a history of any size
 * is one valid document without ever being one runtime message.
 */
export const EXPORT_FORMAT = 'local-footprint-export';

/**
 * Largest import accepted (UTF-8 bytes), checked before the file is read into memory. 100,000 purchases
 * export to about 95 MB; the cap leaves room for more than twice that and still refuses absurd files
 * (the page has to hold the text and its parsed copy) before they can freeze it.
 */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/** Largest number of rows (all tables together) accepted in one file; checked before any record is validated. */
export const MAX_IMPORT_ROWS = 1_000_000;

export type TableName = 'purchases' | 'items' | 'viewed' | 'settings';
export const TABLES: readonly TableName[] = ['purchases', 'items', 'viewed', 'settings'];

export type TableCounts = Record<TableName, number>;

export interface ExportTables {
  purchases: PurchaseRecord[];
  items: ItemRecord[];
  viewed: ViewedRecord[];
  settings: SettingRecord[];
  /** Only with `includeMonths`; ignored on import. */
  months?: MonthRollup[];
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  app: string;
  counts: TableCounts;
  tables: ExportTables;
}

export interface DateRange {
  /** YYYY-MM-DD of the oldest purchase. */
  from: string;
  /** YYYY-MM-DD of the newest purchase. */
  to: string;
}

export function zeroCounts(): TableCounts {
  return { purchases: 0, items: 0, viewed: 0, settings: 0 };
}
