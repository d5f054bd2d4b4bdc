import type { FootprintDB } from './db';
import { decodePurchase } from './purchase-codec';
import type { StoredPurchase } from './records';

/** Offsets up to this many purchases walk the days from the end; deeper ones find their day from the day counts. */
const WALK_UP_TO = 1000;

/**
 * Purchases `offset` .. `offset + limit - 1` in date then id order (newest first when `desc`), reading only
 * the days that hold them: the first pages walk the days from the end; a deep page (a scrollbar dragged
 * down) finds its first day from the purchases per day (one record, `tally`). Call inside a transaction
 * over the purchase tables (`db.purchases.tables`), or none.
 */
export async function datePage(db: FootprintDB, desc: boolean, offset: number, limit: number): Promise<StoredPurchase[]> {
  return db.transaction('r', db.purchases.tables, async () => {
    let skip = offset;
    let start: string | null = null;
    if (offset > WALK_UP_TO) {
      const perDay = await db.purchases.dayCounts();
      const dates = [...perDay.keys()].sort();
      if (desc) dates.reverse();
      for (const d of dates) {
        const n = perDay.get(d)!;
        if (skip < n) {
          start = d;
          break;
        }
        skip -= n;
      }
      if (start === null) return [];
    }
    let days = start === null ? db.days.toCollection() : desc ? db.days.where(':id').belowOrEqual(start) : db.days.where(':id').aboveOrEqual(start);
    if (desc) days = days.reverse();
    const out: StoredPurchase[] = [];
    await days
      .until(() => out.length >= limit)
      .each((day) => {
        const n = day.r.length;
        if (skip >= n) {
          skip -= n;
          return;
        }
        for (let k = skip; k < n && out.length < limit; k++) out.push(decodePurchase(day.r[desc ? n - 1 - k : k]!));
        skip = 0;
      });
    return out;
  });
}
