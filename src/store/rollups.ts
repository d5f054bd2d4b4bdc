import type { FootprintDB } from './db';
import type { ItemRecord, MonthRollup, PurchaseRecord } from './records';

export function emptyRollup(month: string): MonthRollup {
  return { month, kg: 0, low: 0, high: 0, purchases: 0, items: 0, unknownItems: 0, byCategory: {} };
}

/** Adds (sign 1) or removes (sign -1) a purchase and its items from its month; call inside a rw transaction on `months`. */
export async function applyToRollup(
  db: FootprintDB,
  purchase: PurchaseRecord,
  items: readonly ItemRecord[],
  sign: 1 | -1,
): Promise<void> {
  const r = (await db.months.get(purchase.month)) ?? emptyRollup(purchase.month);
  r.kg = clean(r.kg + sign * purchase.kg);
  r.low = clean(r.low + sign * purchase.low);
  r.high = clean(r.high + sign * purchase.high);
  r.purchases += sign;
  r.items += sign * items.length;
  r.unknownItems += sign * purchase.unknownItems;
  for (const it of items) {
    const kg = it.estimate.kg;
    if (kg === null) continue;
    const cat = topCategory(it.category);
    const next = clean((r.byCategory[cat] ?? 0) + sign * kg);
    if (Math.abs(next) < 1e-9) delete r.byCategory[cat];
    else r.byCategory[cat] = next;
  }
  if (r.purchases <= 0) await db.months.delete(r.month);
  else await db.months.put(r);
}

/** The monthly rollups for a set of purchases and their items, computed from scratch. */
export function rollupsOf(purchases: Iterable<PurchaseRecord>, items: Iterable<ItemRecord>): MonthRollup[] {
  const itemsByPurchase = new Map<string, ItemRecord[]>();
  for (const it of items) {
    const list = itemsByPurchase.get(it.purchaseId);
    if (list) list.push(it);
    else itemsByPurchase.set(it.purchaseId, [it]);
  }
  const byMonth = new Map<string, MonthRollup>();
  for (const p of purchases) {
    const r = byMonth.get(p.month) ?? emptyRollup(p.month);
    r.kg += p.kg;
    r.low += p.low;
    r.high += p.high;
    r.purchases += 1;
    r.unknownItems += p.unknownItems;
    for (const it of itemsByPurchase.get(p.id) ?? []) {
      r.items += 1;
      if (it.estimate.kg === null) continue;
      const cat = topCategory(it.category);
      r.byCategory[cat] = (r.byCategory[cat] ?? 0) + it.estimate.kg;
    }
    byMonth.set(p.month, r);
  }
  return [...byMonth.values()];
}

/** Rebuilds every month from the purchases: the repair path after an import or a failed write. */
export async function rebuildRollups(db: FootprintDB): Promise<void> {
  await db.transaction('rw', db.purchases, db.items, db.months, async () => {
    await db.months.clear();
    const [purchases, items] = await Promise.all([db.purchases.toArray(), db.items.toArray()]);
    await db.months.bulkPut(rollupsOf(purchases, items));
  });
}

/** The first level of a taxonomy path ("Electronics > Computers" → "Electronics"); "Unknown" when none. */
export function topCategory(path: string | null | undefined): string {
  if (!path) return 'Unknown';
  const i = path.indexOf(' > ');
  return i < 0 ? path : path.slice(0, i);
}

/** Keeps sums free of float dust such as 1e-15 after add/remove cycles. */
function clean(n: number): number {
  return Math.abs(n) < 1e-9 ? 0 : n;
}
