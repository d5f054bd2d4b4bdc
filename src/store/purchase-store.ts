import Dexie, { type Table } from 'dexie';
import { decodePurchase, encodePurchase, type PurchaseRow } from './purchase-codec';
import { byId, DAY_COUNTS, kgShardOf, search, shardFrom, shardOf, type DayCounts, type DayRecord, type IdShard, type KgShard } from './packs';
import type { StoredPurchase } from './records';

interface PackTables {
  days: Table<DayRecord, string>;
  idx: Table<IdShard, number>;
  kgs: Table<KgShard, number>;
  tally: Table<DayCounts, string>;
  transaction: Dexie['transaction'];
}

/** Where a stored purchase is: its day, and its footprint (for the sort by kg). */
export interface Entry {
  id: string;
  date: string;
  kg: number;
}

/**
 * The purchases, over the packed tables (`packs.ts`), with the calls the store needs from a table: by id,
 * in date order, written and deleted. Every call runs in the caller's transaction when there is one
 * (it must include `days`, `idx`, `kgs` and `tally`), else in its own, so a read-modify-write of a day is never split.
 */
export class PurchaseStore {
  constructor(private readonly db: PackTables) {}

  get tables(): [Table<DayRecord, string>, Table<IdShard, number>, Table<KgShard, number>, Table<DayCounts, string>] {
    return [this.db.days, this.db.idx, this.db.kgs, this.db.tally];
  }

  /** Purchases per day (YYYY-MM-DD → count), days without any absent. */
  dayCounts(): Promise<Map<string, number>> {
    return this.tx('r', async () => (await this.db.tally.get(DAY_COUNTS))?.n ?? new Map());
  }

  /**
   * Every public call returns the transaction's own (Dexie) promise, never a native one: a caller awaiting
   * it inside a transaction whose scope is not an `async` function keeps its transaction.
   */
  private tx<T>(mode: 'r' | 'rw', fn: () => Promise<T>): Promise<T> {
    return this.db.transaction(mode, this.tables, fn);
  }

  /** The shards holding these ids, by shard number (absent shards are not in the map). */
  private async shardsFor(ids: Iterable<string>): Promise<Map<number, IdShard>> {
    const nums = [...new Set([...ids].map(shardOf))];
    const got = await this.db.idx.bulkGet(nums);
    const out = new Map<number, IdShard>();
    got.forEach((s, i) => s && out.set(nums[i]!, s));
    return out;
  }

  /** Each stored id's entry; ids not stored are absent. */
  entries(ids: readonly string[]): Promise<Map<string, Entry>> {
    return this.tx('r', () => this.entriesIn(ids));
  }

  private async entriesIn(ids: readonly string[]): Promise<Map<string, Entry>> {
    return entriesOf(await this.shardsFor(ids), ids);
  }

  get(id: string): Promise<StoredPurchase | undefined> {
    return this.tx('r', async () => (await this.bulkGet([id]))[0]);
  }

  /** The purchases with these ids, in the same order; undefined where there is none. */
  bulkGet(ids: readonly string[]): Promise<Array<StoredPurchase | undefined>> {
    return this.tx('r', async () => {
      const where = await this.entriesIn(ids);
      return this.at(ids.map((id) => where.get(id)));
    });
  }

  /** The purchases at these entries (from `entries`, or the shards), reading only their days; undefined where there is none. */
  at(entries: ReadonlyArray<Pick<Entry, 'id' | 'date'> | undefined>): Promise<Array<StoredPurchase | undefined>> {
    return this.tx('r', async () => {
      const dates = [...new Set(entries.flatMap((e) => (e ? [e.date] : [])))];
      const days = new Map<string, DayRecord>();
      (await this.db.days.bulkGet(dates)).forEach((d) => d && days.set(d.d, d));
      return entries.map((e) => {
        const day = e && days.get(e.date);
        const i = day ? search(day.r, e.id, (r) => r.id) : -1;
        return day && i >= 0 ? decodePurchase(day.r[i]!) : undefined;
      });
    });
  }

  /** Every id, sorted. */
  primaryKeys(): Promise<string[]> {
    return this.tx('r', async () => (await this.db.idx.toArray()).flatMap((s) => s.ids).sort());
  }

  count(): Promise<number> {
    return this.tx('r', async () => (await this.db.idx.toArray()).reduce((n, s) => n + s.ids.length, 0));
  }

  /** Every purchase, in date then id order. */
  toArray(): Promise<StoredPurchase[]> {
    return this.tx('r', async () => (await this.db.days.toArray()).flatMap((d) => d.r.map(decodePurchase)));
  }

  put(p: StoredPurchase): Promise<void> {
    return this.bulkPut([p]);
  }

  /** Like `put`, but fails (a `ConstraintError`, as a table's `add`) when the id is stored already. */
  add(p: StoredPurchase): Promise<void> {
    return this.tx('rw', async () => {
      if ((await this.entriesIn([p.id])).size) throw new Dexie.ConstraintError(`Purchase ${p.id} exists already`);
      await this.write([p], []);
    });
  }

  /** Writes purchases over any stored with the same ids (which leave their old day if the date changed). */
  bulkPut(ps: readonly StoredPurchase[]): Promise<void> {
    return this.tx('rw', () => this.write(ps, []));
  }

  delete(id: string): Promise<void> {
    return this.bulkDelete([id]);
  }

  bulkDelete(ids: readonly string[]): Promise<void> {
    return this.tx('rw', () => this.write([], ids));
  }

  clear(): Promise<void> {
    return this.tx('rw', async () => {
      await Promise.all([this.db.days.clear(), this.db.idx.clear(), this.db.kgs.clear(), this.db.tally.clear()]);
    });
  }

  /** The days touched are read once and written once; so are the shards. */
  private async write(puts: readonly StoredPurchase[], deletes: readonly string[]): Promise<void> {
    if (puts.length === 0 && deletes.length === 0) return;
    const last = new Map<string, StoredPurchase>();
    for (const p of puts) last.set(p.id, p);
    const ids = [...last.keys(), ...deletes.filter((id) => !last.has(id))];
    const shards = await this.shardsFor(ids);
    const where = entriesOf(shards, ids);

    // Per day: rows leaving it (deleted, or moved to another date) and rows written to it.
    const leave = new Map<string, Set<string>>();
    const enter = new Map<string, PurchaseRow[]>();
    const leaving = (d: string, id: string) => {
      const set = leave.get(d);
      if (set) set.add(id);
      else leave.set(d, new Set([id]));
    };
    for (const id of deletes) {
      const d = where.get(id)?.date;
      if (!last.has(id) && d !== undefined) leaving(d, id);
    }
    for (const p of last.values()) {
      const old = where.get(p.id)?.date;
      if (old !== undefined && old !== p.date) leaving(old, p.id);
      const rows = enter.get(p.date);
      if (rows) rows.push(encodePurchase(p));
      else enter.set(p.date, [encodePurchase(p)]);
    }

    const touched = [...new Set([...leave.keys(), ...enter.keys()])];
    // A restore into an empty store reads no day.
    const [stored, tally] = await Promise.all([(await this.db.idx.count()) === 0 ? [] : this.db.days.bulkGet(touched), this.db.tally.get(DAY_COUNTS)]);
    const perDay = tally?.n ?? new Map<string, number>();
    const putDays: DayRecord[] = [];
    const dropDays: string[] = [];
    touched.forEach((d, k) => {
      const gone = leave.get(d);
      const rows = new Map<string, PurchaseRow>();
      for (const r of stored[k]?.r ?? []) if (!gone?.has(r.id)) rows.set(r.id, r);
      for (const r of enter.get(d) ?? []) rows.set(r.id, r);
      if (rows.size === 0) dropDays.push(d);
      else putDays.push({ d, r: [...rows.values()].sort(byId) });
      if (rows.size === 0) perDay.delete(d);
      else perDay.set(d, rows.size);
    });

    // Shards: entries of deleted ids go, written ones are set.
    const changes = new Map<number, Map<string, Entry | null>>();
    const change = (id: string, e: Entry | null) => {
      const s = shardOf(id);
      let m = changes.get(s);
      if (!m) changes.set(s, (m = new Map()));
      m.set(id, e);
    };
    for (const id of deletes) if (!last.has(id) && where.has(id)) change(id, null);
    for (const p of last.values()) change(p.id, { id: p.id, date: p.date, kg: p.kg });
    const putShards: IdShard[] = [];
    const dropShards: number[] = [];
    for (const [s, m] of changes) {
      const entries: Array<[string, string, number]> = [];
      const old = shards.get(s);
      if (old) for (let i = 0; i < old.ids.length; i++) if (!m.has(old.ids[i]!)) entries.push([old.ids[i]!, old.dates[i]!, old.kgs[i]!]);
      for (const e of m.values()) if (e) entries.push([e.id, e.date, e.kg]);
      if (entries.length === 0) dropShards.push(s);
      else putShards.push(shardFrom(s, entries));
    }

    await Promise.all([
      putDays.length ? this.db.days.bulkPut(putDays) : null,
      dropDays.length ? this.db.days.bulkDelete(dropDays) : null,
      putShards.length ? this.db.idx.bulkPut(putShards) : null,
      putShards.length ? this.db.kgs.bulkPut(putShards.map(kgShardOf)) : null,
      dropShards.length ? this.db.idx.bulkDelete(dropShards) : null,
      dropShards.length ? this.db.kgs.bulkDelete(dropShards) : null,
      this.db.tally.put({ k: DAY_COUNTS, n: perDay }),
    ]);
  }
}

/** Where each of these ids is, from the shards holding them; ids not stored are absent. */
function entriesOf(shards: ReadonlyMap<number, IdShard>, ids: readonly string[]): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const id of ids) {
    const s = shards.get(shardOf(id));
    const i = s ? search(s.ids, id, (x) => x) : -1;
    if (s && i >= 0) out.set(id, { id, date: s.dates[i]!, kg: s.kgs[i]! });
  }
  return out;
}
