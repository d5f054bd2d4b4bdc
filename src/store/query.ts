import type { Collection } from 'dexie';
import type { PurchaseQuery } from '../messages/protocol';
import type { FootprintDB } from './db';
import type { ItemRecord, PurchaseRecord } from './records';
import type { PurchaseWithItems } from './purchases';

async function withItems(db: FootprintDB, page: PurchaseRecord[]): Promise<PurchaseWithItems[]> {
  const items = await db.items.where('purchaseId').anyOf(page.map((p) => p.id)).toArray();
  const byId = new Map<string, ItemRecord[]>();
  for (const it of items) {
    const list = byId.get(it.purchaseId);
    if (list) list.push(it);
    else byId.set(it.purchaseId, [it]);
  }
  return page.map((p) => ({ ...p, items: (byId.get(p.id) ?? []).sort((a, b) => a.position - b.position) }));
}

/** Purchase ids having an item in a top-level category ("Unknown" = items without a category). */
async function idsInCategory(db: FootprintDB, top: string): Promise<Set<string>> {
  const coll = top === 'Unknown' ? db.items.where('category').equals('') : db.items.where('category').equals(top).or('category').startsWith(`${top} > `);
  const ids = new Set<string>();
  await coll.each((it) => void ids.add(it.purchaseId));
  return ids;
}

/**
 * One page of history. Unfiltered and month-filtered pages walk an index with offset/limit, so the
 * popup stays fast at 100k purchases; text search and category filters scan what they must.
 */
export async function queryPurchases(db: FootprintDB, q: PurchaseQuery): Promise<{ purchases: PurchaseWithItems[]; total: number }> {
  const sort = q.sort ?? 'date-desc';
  const byKg = sort.startsWith('kg');
  const desc = sort.endsWith('desc');
  const search = q.search?.trim().toLowerCase() || null;
  const catIds = q.category ? await idsInCategory(db, q.category) : null;

  let coll: Collection<PurchaseRecord, string>;
  if (q.month) {
    coll = db.purchases.where('month').equals(q.month);
  } else {
    coll = db.purchases.orderBy(byKg ? 'kg' : 'date');
    if (desc) coll = coll.reverse();
  }

  let titleIds: Set<string> | null = null;
  if (search) {
    titleIds = new Set<string>();
    await db.items.each((it) => {
      if (it.title.toLowerCase().includes(search)) titleIds!.add(it.purchaseId);
    });
  }
  const filtered = catIds || search;
  if (filtered) {
    coll = coll.filter((p) => {
      if (catIds && !catIds.has(p.id)) return false;
      if (search && !titleIds!.has(p.id) && !p.shop.includes(search) && !(p.orderId ?? '').toLowerCase().includes(search)) return false;
      return true;
    });
  }

  if (q.month) {
    // The month index gives no order of its own: sort the month's purchases (a month is small).
    const all = await coll.toArray();
    all.sort((a, b) => (byKg ? a.kg - b.kg : a.date.localeCompare(b.date)) * (desc ? -1 : 1));
    return { purchases: await withItems(db, all.slice(q.offset, q.offset + q.limit)), total: all.length };
  }
  const total = filtered ? await coll.clone().count() : await db.purchases.count();
  const page = await coll.offset(q.offset).limit(q.limit).toArray();
  return { purchases: await withItems(db, page), total };
}

export async function purchaseWithItems(db: FootprintDB, id: string): Promise<PurchaseWithItems | null> {
  const p = await db.purchases.get(id);
  if (!p) return null;
  return (await withItems(db, [p]))[0] ?? null;
}
