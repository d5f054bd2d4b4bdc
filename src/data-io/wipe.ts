import type { FootprintDB } from '../store/db';
import type { DateRange } from './format';

export interface WipeSummary {
  /** Rows per kind, monthly totals included. */
  counts: { purchases: number; items: number; viewed: number; settings: number; months: number };
  /** Every row that "Delete everything" removes. */
  total: number;
  /** Oldest and newest purchase date; null when there is no purchase. */
  dateRange: DateRange | null;
}

/**
 * What "Delete everything" (`wipeAll` in store/purchases) would remove, for the confirmation dialog.
 * Read in one transaction; items are counted from the monthly totals (they live inside their purchases)
 * and the date range from the first and last day's keys, so it stays cheap at 100k purchases.
 */
export async function describeWipe(db: FootprintDB): Promise<WipeSummary> {
  return db.transaction('r', [...db.purchases.tables, db.viewed, db.settings, db.months], async () => {
    const [purchases, viewed, settings, months, first, last] = await Promise.all([
      db.purchases.count(),
      db.viewed.count(),
      db.settings.count(),
      db.months.toArray(),
      db.days.toCollection().firstKey(),
      db.days.toCollection().lastKey(),
    ]);
    const items = months.reduce((n, m) => n + m.items, 0);
    return {
      counts: { purchases, items, viewed, settings, months: months.length },
      total: purchases + items + viewed + settings + months.length,
      dateRange: first !== undefined && last !== undefined ? { from: String(first), to: String(last) } : null,
    };
  });
}
