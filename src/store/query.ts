import type { Collection } from 'dexie';
import type { PurchaseQuery } from '../messages/protocol';
import type { FootprintDB } from './db';
import type { StoredPurchase } from './records';
import { rollupCounts } from './purchases';
import { topCategory } from './rollups';
import { viewOf, type PurchaseWithItems } from './views';

/** A month (YYYY-MM) as a range of the `date` index: dates are YYYY-MM-DD, so it is exact. */
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
 * One page of history. Unfiltered and month-filtered pages walk the `date` or `kg` index with
 * offset/limit, so the popup stays fast at 100k purchases; text search and category filters scan what
 * they must, one record per purchase.
 */
export async function queryPurchases(db: FootprintDB, q: PurchaseQuery): Promise<{ purchases: PurchaseWithItems[]; total: number }> {
  const sort = q.sort ?? 'date-desc';
  const byKg = sort.startsWith('kg');
  const desc = sort.endsWith('desc');
  const match = matcher(q);

  let coll: Collection<StoredPurchase, string>;
  if (q.month) {
    const [from, to] = monthRange(q.month);
    coll = db.purchases.where('date').between(from, to, true, true);
  } else {
    coll = db.purchases.orderBy(byKg ? 'kg' : 'date');
    if (desc) coll = coll.reverse();
  }
  if (match) coll = coll.filter(match);

  if (q.month && byKg) {
    // The date index gives a month in date order only: sort its purchases by kg (a month is small).
    const all = await coll.toArray();
    all.sort((a, b) => (a.kg - b.kg) * (desc ? -1 : 1));
    return { purchases: all.slice(q.offset, q.offset + q.limit).map(viewOf), total: all.length };
  }
  if (q.month && desc) coll = coll.reverse();
  const total = match || q.month ? await coll.clone().count() : (await rollupCounts(db)).purchases;
  const page = await coll.offset(q.offset).limit(q.limit).toArray();
  return { purchases: page.map(viewOf), total };
}

export async function purchaseWithItems(db: FootprintDB, id: string): Promise<PurchaseWithItems | null> {
  const p = await db.purchases.get(id);
  return p ? viewOf(p) : null;
}
