import type { FootprintDB } from './db';
import { SCHEMA_VERSION } from './db';

export const EXPORT_FORMAT = 'local-footprint-export';

/** Everything, every field of every table, settings included, with the schema version it came from. */
export async function exportJson(db: FootprintDB, now: number): Promise<string> {
  const [purchases, items, viewed, settings] = await Promise.all([
    db.purchases.toArray(),
    db.items.toArray(),
    db.viewed.toArray(),
    db.settings.toArray(),
  ]);
  return JSON.stringify({
    format: EXPORT_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: new Date(now).toISOString(),
    tables: { purchases, items, viewed, settings },
  });
}
