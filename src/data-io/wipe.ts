import type { FootprintDB } from '../store/db';
import type { DateRange } from './format';

export interface WipeSummary {
  /** Rows per table, monthly totals included. */
  counts: { purchases: number; items: number; viewed: number; settings: number; months: number };
  /** Every row that "Delete everything" removes. */
  total: number;
  /** Oldest and newest purchase date; null when there is no purchase. */
  dateRange: DateRange | null;
}

/**
 * What "Delete everything" (`wipeAll` in store/purchases) would remove, for the confirmation dialog.
 * Read in one transaction; the date range comes from the `date` index, so it stays cheap at 100k purchases.
 */
export async function describeWipe(db: FootprintDB): Promise<WipeSummary> {
  return db.transaction('r', [db.purchases, db.items, db.viewed, db.settings, db.months], async () => {
    const [purchases, items, viewed, settings, months, first, last] = await Promise.all([
      db.purchases.count(),
      db.items.count(),
      db.viewed.count(),
      db.settings.count(),
      db.months.count(),
      db.purchases.orderBy('date').first(),
      db.purchases.orderBy('date').last(),
    ]);
    return {
      counts: { purchases, items, viewed, settings, months },
      total: purchases + items + viewed + settings + months,
      dateRange: first && last ? { from: first.date, to: last.date } : null,
    };
  });
}
