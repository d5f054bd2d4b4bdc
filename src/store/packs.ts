import { encodePurchase, type PurchaseRow } from './purchase-codec';
import type { StoredPurchase } from './records';

/**
 * How purchases lie in IndexedDB since schema 4: packed, many to a record.
 *
 * Chromium's IndexedDB pays per record written (about 60–80 µs for a bare put on the benchmark machine,
 * twice that with two indexes) far more than per byte, so one record per purchase could not import
 * 100k purchases in under 13 s. Packed, the same import writes ~2,000 records.
 *
 * - `days`: one record per purchase date (`d`, YYYY-MM-DD), its purchases as rows (`purchase-codec.ts`)
 *   sorted by id. Date order, month ranges and the history's pages are ranges of this table's keys.
 * - `idx`: the purchases' ids, spread over `SHARDS` records by a hash of the id; each holds its ids
 *   sorted, with each purchase's date (to find its day) and kg (the history's sort by footprint).
 *   Reading all of them is one 5 MB read at 100k purchases; a lookup by id reads one.
 * - `kgs`: each shard's kg figures again, alone (`KgShard`), in the shard's order: the history's sort by
 *   footprint reads these (0.8 MB at 100k) and then only the shards holding the page's purchases; reading
 *   all of `idx` took 45–64 ms of that page's ~95.
 * - `tally`: one record, the number of purchases on each day (`DayCounts`), so that a history page deep in
 *   the list finds its first day without reading every shard (85–94 ms at 100k when it did).
 */
export interface DayRecord {
  d: string;
  /** Sorted by id. */
  r: PurchaseRow[];
}

export interface IdShard {
  s: number;
  /** Sorted. */
  ids: string[];
  dates: string[];
  kgs: number[];
}

/** A shard's kg figures, in the shard's id order; always written with its shard. */
export interface KgShard {
  s: number;
  kgs: Float64Array;
}

export function kgShardOf(shard: IdShard): KgShard {
  return { s: shard.s, kgs: Float64Array.from(shard.kgs) };
}

/** Purchases per day, kept by every write with the days it writes. */
export interface DayCounts {
  k: typeof DAY_COUNTS;
  n: Map<string, number>;
}

export const DAY_COUNTS = 'days';

export const SHARDS = 256;

/** FNV-1a over the id, to a shard number: stable across browsers and runs. */
export function shardOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SHARDS;
}

export const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Position of `id` in a sorted list of ids (or rows), or -1. */
export function search<T>(list: readonly T[], id: string, key: (t: T) => string): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = key(list[mid]!);
    if (k < id) lo = mid + 1;
    else if (k > id) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Day records and shards for purchases, each id once, written into an empty store (an upgrade, a seeded bench). */
export function packPurchases(purchases: Iterable<StoredPurchase>): { days: DayRecord[]; shards: IdShard[]; kgs: KgShard[]; tally: DayCounts } {
  const days = new Map<string, PurchaseRow[]>();
  const shards = new Map<number, Array<[string, string, number]>>();
  for (const p of purchases) {
    const rows = days.get(p.date);
    const row = encodePurchase(p);
    if (rows) rows.push(row);
    else days.set(p.date, [row]);
    const s = shardOf(p.id);
    const entries = shards.get(s);
    if (entries) entries.push([p.id, p.date, p.kg]);
    else shards.set(s, [[p.id, p.date, p.kg]]);
  }
  const idShards = [...shards].map(([s, entries]) => shardFrom(s, entries));
  const dayRecords = [...days].map(([d, r]) => ({ d, r: r.sort(byId) }));
  return {
    days: dayRecords,
    shards: idShards,
    kgs: idShards.map(kgShardOf),
    tally: { k: DAY_COUNTS, n: new Map(dayRecords.map((d) => [d.d, d.r.length])) },
  };
}

/** A shard of these entries (each id once), sorted by id. */
export function shardFrom(s: number, entries: Array<[id: string, date: string, kg: number]>): IdShard {
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { s, ids: entries.map((e) => e[0]), dates: entries.map((e) => e[1]), kgs: entries.map((e) => e[2]) };
}
