import type { PurchaseQuery } from '../messages/protocol';
import { datePage } from './date-page';
import type { FootprintDB } from './db';
import { decodePurchase } from './purchase-codec';
import type { StoredPurchase } from './records';
import { rollupCounts } from './purchases';
import { topCategory } from './rollups';
import { viewOf, type PurchaseWithItems } from './views';

/** A month (YYYY-MM) as a range of day keys: dates are YYYY-MM-DD, so it is exact. */
export function monthRange(month: string): [string, string] {
  return [`${month}-01`, `${month}-31`];
}

/** Whether a purchase passes the category and text filters (items are inside it, so one record decides). */
function matcher(q: PurchaseQuery): ((p: StoredPurchase) => boolean) | null {
  const search = q.search?.trim().toLowerCase() || null;
  const category = q.category ?? null;
  if (!search && !category) return null;
  return (p) => {
    if (category && !p.items.some((it) => topCategory(it.category) === category)) return false;
    if (search && !p.shop.includes(search) && !(p.orderId ?? '').toLowerCase().includes(search) && !p.items.some((it) => it.title.toLowerCase().includes(search))) return false;
    return true;
  };
}

/**
 * One page of history. Unfiltered pages read only the days they show (`datePage`), or, sorted by
 * footprint, the kg kept beside each id (`idx`) and then the page's purchases; a month reads its days;
 * text search and category filters scan what they must.
 */
export async function queryPurchases(db: FootprintDB, q: PurchaseQuery): Promise<{ purchases: PurchaseWithItems[]; total: number }> {
  const sort = q.sort ?? 'date-desc';
  const byKg = sort.startsWith('kg');
  const desc = sort.endsWith('desc');
  const match = matcher(q);

  return db.transaction('r', [...db.purchases.tables, db.months], async () => {
    if (q.month || match) {
      const days = q.month ? await db.days.where(':id').between(...monthRange(q.month), true, true).toArray() : await db.days.toArray();
      let all = days.flatMap((d) => d.r.map(decodePurchase));
      if (match) all = all.filter(match);
      if (byKg) all.sort(byKgThenId);
      if (desc) all.reverse();
      return { purchases: all.slice(q.offset, q.offset + q.limit).map(viewOf), total: all.length };
    }
    if (byKg) {
      const entries = (await db.purchases.allEntries()).sort(byKgThenId);
      if (desc) entries.reverse();
      const page = await db.purchases.bulkGet(entries.slice(q.offset, q.offset + q.limit).map((e) => e.id));
      return { purchases: page.filter((p) => p !== undefined).map(viewOf), total: entries.length };
    }
    const page = await datePage(db, desc, q.offset, q.limit);
    return { purchases: page.map(viewOf), total: (await rollupCounts(db)).purchases };
  });
}

function byKgThenId(a: { kg: number; id: string }, b: { kg: number; id: string }): number {
  return a.kg - b.kg || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export async function purchaseWithItems(db: FootprintDB, id: string): Promise<PurchaseWithItems | null> {
  const p = await db.purchases.get(id);
  return p ? viewOf(p) : null;
}
