import type { PurchaseQuery } from '../messages/protocol';
import { datePage } from './date-page';
import type { FootprintDB } from './db';
import { decodePurchase, type PurchaseRow } from './purchase-codec';
import type { Entry } from './purchase-store';
import { rollupCounts } from './purchases';
import { topCategory } from './rollups';
import { viewOf, type PurchaseWithItems } from './views';

/** A month (YYYY-MM) as a range of day keys: dates are YYYY-MM-DD, so it is exact. */
export function monthRange(month: string): [string, string] {
  return [`${month}-01`, `${month}-31`];
}

/**
 * Whether a purchase passes the category and text filters, asked of its stored row (items are inside it,
 * so one row decides): a scan of 100k purchases then decodes only the page it shows.
 */
function matcher(q: PurchaseQuery): ((r: PurchaseRow) => boolean) | null {
  const search = q.search?.trim().toLowerCase() || null;
  const category = q.category ?? null;
  if (!search && !category) return null;
  return (r) => {
    if (category && !r.i.some((it) => topCategory(it[5]) === category)) return false;
    if (search && !r.p[0].includes(search) && !(r.p[1] ?? '').toLowerCase().includes(search) && !r.i.some((it) => it[1].toLowerCase().includes(search))) return false;
    return true;
  };
}

/**
 * One page of history. Unfiltered pages read only the days they show (`datePage`), or, sorted by
 * footprint, the kg figures (`kgs`), the shards of the page's purchases and their days; a month reads its days;
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
      let rows = days.flatMap((d) => d.r);
      if (match) rows = rows.filter(match);
      if (byKg) rows.sort(byKgThenId);
      if (desc) rows.reverse();
      return { purchases: rows.slice(q.offset, q.offset + q.limit).map((r) => viewOf(decodePurchase(r))), total: rows.length };
    }
    if (byKg) {
      const { entries, total } = await heaviest(db, desc, q.offset + q.limit);
      // The shards said which day holds each: read those days, not the shards again.
      const page = await db.purchases.at(entries.slice(q.offset, q.offset + q.limit));
      return { purchases: page.filter((p) => p !== undefined).map(viewOf), total };
    }
    const page = await datePage(db, desc, q.offset, q.limit);
    return { purchases: page.map(viewOf), total: (await rollupCounts(db)).purchases };
  });
}

function byKgThenId(a: { kg: number; id: string }, b: { kg: number; id: string }): number {
  return a.kg - b.kg || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The first `want` purchases by footprint (then id), heaviest first when `desc`. The kg figures alone
 * (`kgs`, 0.8 MB at 100k) give the page's threshold with a native sort; only the shards holding purchases
 * up to it are read for their ids and dates, and only those purchases become objects and are sorted (at
 * 100k, sorting every entry as an object took ~150 ms, and reading every shard 45–64 ms).
 */
async function heaviest(db: FootprintDB, desc: boolean, want: number): Promise<{ entries: Entry[]; total: number }> {
  const figures = await db.kgs.toArray();
  const total = figures.reduce((n, f) => n + f.kgs.length, 0);
  let keep: (kg: number) => boolean = () => true;
  if (want < total) {
    const all = new Float64Array(total);
    let k = 0;
    for (const f of figures) {
      all.set(f.kgs, k);
      k += f.kgs.length;
    }
    all.sort();
    const edge = desc ? all[total - want]! : all[want - 1]!;
    keep = desc ? (kg) => kg >= edge : (kg) => kg <= edge;
  }
  const wanted = figures.filter((f) => f.kgs.some(keep)).map((f) => f.s);
  const picked: Entry[] = [];
  for (const s of await db.idx.bulkGet(wanted)) {
    if (!s) continue;
    for (let i = 0; i < s.ids.length; i++) if (keep(s.kgs[i]!)) picked.push({ id: s.ids[i]!, date: s.dates[i]!, kg: s.kgs[i]! });
  }
  picked.sort(byKgThenId);
  if (desc) picked.reverse();
  return { entries: picked.slice(0, want), total };
}

export async function purchaseWithItems(db: FootprintDB, id: string): Promise<PurchaseWithItems | null> {
  const p = await db.purchases.get(id);
  return p ? viewOf(p) : null;
}
