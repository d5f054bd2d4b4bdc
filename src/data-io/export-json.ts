import type { FootprintDB } from '../store/db';
import { SCHEMA_VERSION } from '../store/schema';
import { itemRows, purchaseRow } from '../store/stored-purchase';
import { EXPORT_FORMAT, type ExportFile } from './format';

export interface ExportOptions {
  /** Version of the extension writing the file (e.g. `browser.runtime.getManifest().version`). */
  app?: string;
  /** Also write the derived monthly totals (ignored on import, which recomputes them). Default false. */
  includeMonths?: boolean;
}

/**
 * Reads every table in one read-only transaction, so the file is a consistent snapshot even while a
 * purchase is being recorded in another tab. Holds the whole database in memory: the options page
 * builds its file from pages instead (`export-page.ts`); this serves tests, small databases and the
 * `data/export` message.
 */
export async function buildExport(db: FootprintDB, now: number, options: ExportOptions = {}): Promise<ExportFile> {
  const tables = [...db.purchases.tables, db.viewed, db.settings, ...(options.includeMonths ? [db.months] : [])];
  return db.transaction('r', tables, async () => {
    const [stored, viewed, settings, months] = await Promise.all([
      db.purchases.toArray(),
      db.viewed.toArray(),
      db.settings.toArray(),
      options.includeMonths ? db.months.toArray() : Promise.resolve(undefined),
    ]);
    const purchases = stored.map(purchaseRow);
    const items = stored.flatMap(itemRows);
    const file: ExportFile = {
      format: EXPORT_FORMAT,
      schemaVersion: SCHEMA_VERSION,
      exportedAt: new Date(now).toISOString(),
      app: options.app ?? 'unknown',
      counts: { purchases: purchases.length, items: items.length, viewed: viewed.length, settings: settings.length },
      tables: months ? { purchases, items, viewed, settings, months } : { purchases, items, viewed, settings },
    };
    return file;
  });
}

/** The whole database as one JSON document (see `format.ts`); compact, UTF-8 when saved as a file. */
export async function exportJson(db: FootprintDB, now: number, options: ExportOptions = {}): Promise<string> {
  return JSON.stringify(await buildExport(db, now, options));
}

/** A file name such as `local-footprint-2026-11-28.json`. */
export function exportFileName(now: number, ext: 'json' | 'csv' | 'backup.json' = 'json'): string {
  return `local-footprint-${new Date(now).toISOString().slice(0, 10)}.${ext}`;
}
