import type { FootprintDB } from './db';
import type { MonthRollup, StoredPurchase } from './records';

export function emptyRollup(month: string): MonthRollup {
  return { month, kg: 0, low: 0, high: 0, purchases: 0, items: 0, unknownItems: 0, byCategory: {} };
}

/** Adds (sign 1) or removes (sign -1) a purchase and its items from a month's totals, in memory. */
export function addToRollup(r: MonthRollup, purchase: StoredPurchase, sign: 1 | -1): void {
  r.kg = clean(r.kg + sign * purchase.kg);
  r.low = clean(r.low + sign * purchase.low);
  r.high = clean(r.high + sign * purchase.high);
  r.purchases += sign;
  r.items += sign * purchase.items.length;
  r.unknownItems += sign * purchase.unknownItems;
  for (const it of purchase.items) {
    const kg = it.estimate.kg;
    if (kg === null) continue;
    const cat = topCategory(it.category);
    const next = clean((r.byCategory[cat] ?? 0) + sign * kg);
    if (Math.abs(next) < 1e-9) delete r.byCategory[cat];
    else r.byCategory[cat] = next;
  }
}

/** Adds (sign 1) or removes (sign -1) a purchase and its items from its month; call inside a rw transaction on `months`. */
export async function applyToRollup(db: FootprintDB, purchase: StoredPurchase, sign: 1 | -1): Promise<void> {
  const r = (await db.months.get(purchase.month)) ?? emptyRollup(purchase.month);
  addToRollup(r, purchase, sign);
  if (r.purchases <= 0) await db.months.delete(r.month);
  else await db.months.put(r);
}

/**
 * Monthly totals changed in memory, for writes of many purchases at once (an import): start from the
 * months as stored, remove the old versions of replaced purchases, add the new ones, then write only the
 * months that changed. No purchase is read back from the database.
 */
export class MonthChanges {
  private readonly months = new Map<string, MonthRollup>();
  private readonly touched = new Set<string>();
  /** Months not stored before: summed exactly as a rebuild sums them, so a restore gives identical totals. */
  private readonly fresh = new Set<string>();

  constructor(stored: Iterable<MonthRollup>) {
    for (const m of stored) this.months.set(m.month, m);
  }

  apply(p: StoredPurchase, sign: 1 | -1): void {
    let r = this.months.get(p.month);
    if (!r) {
      this.months.set(p.month, (r = emptyRollup(p.month)));
      this.fresh.add(p.month);
    }
    if (sign === 1 && this.fresh.has(p.month)) sumInto(r, p);
    else {
      this.fresh.delete(p.month);
      addToRollup(r, p, sign);
    }
    this.touched.add(p.month);
  }

  /** Months to write, and months left with no purchase (to delete). */
  result(): { put: MonthRollup[]; remove: string[] } {
    const put: MonthRollup[] = [];
    const remove: string[] = [];
    for (const m of this.touched) {
      const r = this.months.get(m)!;
      if (r.purchases <= 0) remove.push(m);
      else put.push(r);
    }
    return { put, remove };
  }
}

/**
 * The monthly rollups for a set of purchases, computed from scratch. Purchases are summed in the order
 * given: in date then id order (`storeOrder`, as the store reads them) the result is exactly that of
 * `rebuildRollups`.
 */
export function rollupsOf(purchases: Iterable<StoredPurchase>): MonthRollup[] {
  const byMonth = new Map<string, MonthRollup>();
  for (const p of purchases) {
    let r = byMonth.get(p.month);
    if (!r) byMonth.set(p.month, (r = emptyRollup(p.month)));
    sumInto(r, p);
  }
  return [...byMonth.values()];
}

/** Plain sums, the rebuild's arithmetic. */
function sumInto(r: MonthRollup, p: StoredPurchase): void {
  r.kg += p.kg;
  r.low += p.low;
  r.high += p.high;
  r.purchases += 1;
  r.unknownItems += p.unknownItems;
  for (const it of p.items) {
    r.items += 1;
    if (it.estimate.kg === null) continue;
    const cat = topCategory(it.category);
    r.byCategory[cat] = (r.byCategory[cat] ?? 0) + it.estimate.kg;
  }
}

/** Date then id: the order the store reads purchases in (`PurchaseStore.toArray`). */
export function storeOrder(a: Pick<StoredPurchase, 'date' | 'id'>, b: Pick<StoredPurchase, 'date' | 'id'>): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The purchases in `storeOrder`, sorted by day first: 100k purchases fall on ~2,000 days, so this sorts far less than one comparison sort. */
export function inStoreOrder<P extends Pick<StoredPurchase, 'date' | 'id'>>(ps: readonly P[]): P[] {
  const byDay = new Map<string, P[]>();
  for (const p of ps) {
    const day = byDay.get(p.date);
    if (day) day.push(p);
    else byDay.set(p.date, [p]);
  }
  const out: P[] = [];
  for (const date of [...byDay.keys()].sort()) for (const p of byDay.get(date)!.sort(storeOrder)) out.push(p);
  return out;
}

/** Rebuilds every month from the purchases: the repair path, and the reference the incremental totals must equal. */
export async function rebuildRollups(db: FootprintDB): Promise<void> {
  await db.transaction('rw', [...db.purchases.tables, db.months], async () => {
    await db.months.clear();
    await db.months.bulkPut(rollupsOf(await db.purchases.toArray()));
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
