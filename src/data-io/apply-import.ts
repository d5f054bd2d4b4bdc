import type { FootprintDB } from '../store/db';
import { compactEstimate } from '../store/compact-estimate';
import { totalsOf } from '../store/purchases';
import { itemContext } from '../store/rederive';
import type { ItemRecord, PurchaseRecord, SettingRecord, StoredItem, StoredPurchase, ViewedRecord } from '../store/records';
import { inStoreOrder, MonthChanges } from '../store/rollups';
import { nest, storedItem } from '../store/stored-purchase';
import type { Estimate } from '../types';
import { zeroCounts, type TableCounts } from './format';
import {
  isIssuedPlan,
  parseImport,
  single,
  type ImportError,
  type ImportOptions,
  type ImportPlan,
  type ImportPreview,
  type ImportResult,
  type ParseOptions,
} from './parse-import';
import { COMPACT_ESTIMATES_SINCE, show } from './validate-records';

/**
 * What a checked plan (see `parse-import.ts`) does to a database, and doing it.
 *
 * `previewImport(db, plan)` says what would change (for the confirmation dialog); `applyImport(db, plan)`
 * writes everything in ONE read-write transaction, monthly totals included: either all of it is written
 * or, on any failure, none of it.
 *
 * Merge rules (records are matched by their keys):
 * - Purchases: same `id` = same purchase. The version with the larger `updatedAt` wins, as a whole with
 *   its items; on a tie the device's copy is kept, so importing the same file twice changes nothing.
 *   When the file's version wins, the device's items of that purchase are replaced by the file's.
 * - Items: follow their purchase. Items whose purchase is not in the file but is on the device are merged
 *   by `id` (the device's copy wins), and that purchase's totals are recomputed from its items.
 * - Viewed products: same `id`; the larger `seenAt` wins (tie: the device's copy).
 * - Settings: same `key`; the file's value wins (`settings: 'keep'` keeps the device's values instead).
 * - Monthly totals: never imported (a `tables.months` in the file is ignored); the months the import
 *   touches are recomputed in memory from the records written and the versions they replace.
 *
 * Speed (100,000 purchases): the device's purchases are looked up only when there are any, and then by
 * their keys first; everything is written with one `bulkPut` per table (purchases packed by date, see store/packs.ts); nothing
 * written is read back.
 */

interface Decisions {
  /** Purchases to write: new, replacing the device's, or the device's grown by items from the file. */
  write: StoredPurchase[];
  /** The device's versions of purchases in `write`, whose share of the monthly totals goes. */
  replaced: StoredPurchase[];
  viewedWrite: ViewedRecord[];
  settingsWrite: SettingRecord[];
  missingPurchase: { itemIndex: number; purchaseId: string } | null;
  add: TableCounts;
  update: TableCounts;
  unchanged: TableCounts;
  removedItems: number;
}

/** Rows of a keyed table: added when the device has none, written over the device's copy when `wins`. */
function mergeKeyed<T>(d: Decisions, table: 'viewed' | 'settings', rows: readonly T[], device: ReadonlyArray<T | undefined>, write: T[], wins: (row: T, old: T) => boolean): void {
  rows.forEach((row, i) => {
    const old = device[i];
    if (!old) d.add[table]++;
    else if (wins(row, old)) d.update[table]++;
    else {
      d.unchanged[table]++;
      return;
    }
    write.push(row);
  });
}

/** The file's items per purchase id, with the place of each purchase's first item in the file (for messages). */
interface ItemGroups {
  byPurchase: Map<string, ItemRecord[]>;
  firstIndex: Map<string, number>;
}

const groups = new WeakMap<ImportPlan, ItemGroups>();

function itemGroups(plan: ImportPlan): ItemGroups {
  let g = groups.get(plan);
  if (g) return g;
  g = { byPurchase: new Map(), firstIndex: new Map() };
  plan.data.items.forEach((it, i) => {
    const list = g!.byPurchase.get(it.purchaseId);
    if (list) list.push(it);
    else {
      g!.byPurchase.set(it.purchaseId, [it]);
      g!.firstIndex.set(it.purchaseId, i);
    }
  });
  groups.set(plan, g);
  return g;
}

/** The file's purchases as they would be stored, made once per plan: the preview and the commit both need them. */
const nested = new WeakMap<ImportPlan, Map<string, StoredPurchase>>();

function storedOf(plan: ImportPlan, p: PurchaseRecord, items: readonly ItemRecord[]): StoredPurchase {
  let cache = nested.get(plan);
  if (!cache) nested.set(plan, (cache = new Map()));
  let s = cache.get(p.id);
  if (!s) cache.set(p.id, (s = nest(p, toStored(plan, p, items))));
  return s;
}

/** Items as stored; whole estimates from files before schema 3 are compacted against their purchase. */
function toStored(plan: ImportPlan, purchase: Pick<PurchaseRecord, 'date' | 'shop'>, items: readonly ItemRecord[]): StoredItem[] {
  if (plan.schemaVersion >= COMPACT_ESTIMATES_SINCE) return items.map(storedItem);
  return items.map((it) => storedItem({ ...it, estimate: compactEstimate(it.estimate as Estimate, itemContext(purchase, it)) }));
}

/**
 * The device's copies of these purchases. Keys first (one request): a restore into an empty or unrelated
 * database reads no record, and no purchase is looked up one by one.
 */
async function devicePurchases(db: FootprintDB, ids: readonly string[]): Promise<Map<string, StoredPurchase>> {
  const out = new Map<string, StoredPurchase>();
  if (ids.length === 0) return out;
  const keys = new Set(await db.purchases.primaryKeys());
  if (keys.size === 0) return out;
  const shared = ids.filter((id) => keys.has(id));
  if (shared.length === 0) return out;
  // One read of the table beats many single reads once a good share of it is needed.
  const rows = shared.length * 4 > keys.size ? await db.purchases.toArray() : await db.purchases.bulkGet(shared);
  const wanted = new Set(shared);
  for (const p of rows) if (p && wanted.has(p.id)) out.set(p.id, p);
  return out;
}

/** What the plan does to this database. Reads only; call inside a transaction over all tables. */
async function decide(db: FootprintDB, plan: ImportPlan, options: ImportOptions, now: number): Promise<Decisions> {
  const { purchases, viewed, settings } = plan.data;
  const { byPurchase, firstIndex } = itemGroups(plan);
  const d: Decisions = {
    write: [],
    replaced: [],
    viewedWrite: [],
    settingsWrite: [],
    missingPurchase: null,
    add: zeroCounts(),
    update: zeroCounts(),
    unchanged: zeroCounts(),
    removedItems: 0,
  };
  const device = await devicePurchases(db, [...purchases.map((p) => p.id), ...plan.externalPurchaseIds]);

  // Purchases: newer updatedAt wins as a whole, with its items; a tie keeps the device's copy.
  for (const p of purchases) {
    const items = byPurchase.get(p.id) ?? [];
    const old = device.get(p.id);
    if (!old) {
      d.add.purchases++;
      d.add.items += items.length;
      d.write.push(storedOf(plan, p, items));
    } else if (p.updatedAt > old.updatedAt) {
      d.update.purchases++;
      const oldPositions = new Set(old.items.map((it) => it.position));
      for (const it of items) {
        if (oldPositions.delete(it.position)) d.update.items++;
        else d.add.items++;
      }
      d.removedItems += oldPositions.size;
      d.write.push(storedOf(plan, p, items));
      d.replaced.push(old);
    } else {
      d.unchanged.purchases++;
      d.unchanged.items += items.length;
    }
  }

  // Items whose purchase is only on the device: merged by id, the device's copy wins, totals follow.
  for (const id of plan.externalPurchaseIds) {
    const items = byPurchase.get(id)!;
    const old = device.get(id);
    if (!old) {
      d.missingPurchase ??= { itemIndex: firstIndex.get(id)!, purchaseId: id };
      continue;
    }
    const have = new Set(old.items.map((it) => it.position));
    const fresh = items.filter((it) => !have.has(it.position));
    d.unchanged.items += items.length - fresh.length;
    if (fresh.length === 0) continue;
    d.add.items += fresh.length;
    const merged = [...old.items, ...toStored(plan, old, fresh)].sort((a, b) => a.position - b.position);
    d.write.push({ ...old, ...totalsOf(merged), items: merged, updatedAt: Math.max(now, old.updatedAt) });
    d.replaced.push(old);
  }
  if (d.missingPurchase) {
    // Report the first such item in file order.
    let first = d.missingPurchase;
    for (const id of plan.externalPurchaseIds) {
      const i = firstIndex.get(id)!;
      if (!device.has(id) && i < first.itemIndex) first = { itemIndex: i, purchaseId: id };
    }
    d.missingPurchase = first;
  }

  // Viewed products: newer seenAt wins; a tie keeps the device's copy.
  const oldViewed = viewed.length ? await db.viewed.bulkGet(viewed.map((v) => v.id)) : [];
  mergeKeyed(d, 'viewed', viewed, oldViewed, d.viewedWrite, (v, old) => v.seenAt > old.seenAt);
  // Settings: the file wins unless told to keep the device's values.
  const oldSettings = settings.length ? await db.settings.bulkGet(settings.map((s) => s.key)) : [];
  mergeKeyed(d, 'settings', settings, oldSettings, d.settingsWrite, (s, old) => options.settings !== 'keep' && JSON.stringify(old.value) !== JSON.stringify(s.value));
  return d;
}

function missingError(m: NonNullable<Decisions['missingPurchase']>): ImportError {
  return single(`The file was not imported: items[${m.itemIndex}].purchaseId (${show(m.purchaseId)}) is a purchase that is neither in the file nor on this device.`);
}

function notAPlan(): ImportError {
  return single('Nothing was imported: the import must be checked with parseImport first.');
}

/** What `applyImport` would do, for the confirmation dialog. Reads only. */
export async function previewImport(db: FootprintDB, plan: ImportPlan, options: ImportOptions = {}): Promise<ImportPreview | ImportError> {
  if (!isIssuedPlan(plan)) return notAPlan();
  const now = options.now ?? Date.now();
  const d = await db.transaction('r', [...db.purchases.tables, db.viewed, db.settings], () => decide(db, plan, options, now));
  if (d.missingPurchase) return missingError(d.missingPurchase);
  return { ...outcome(plan, d), warnings: plan.warnings };
}

/** What the preview and the result both report. */
function outcome(plan: ImportPlan, d: Decisions) {
  return { ok: true as const, counts: plan.counts, dateRange: plan.dateRange, add: d.add, update: d.update, unchanged: d.unchanged, removedItems: d.removedItems };
}

/** `parseImport` then `previewImport`: what the confirmation dialog needs, plus the plan to apply. */
export async function prepareImport(
  db: FootprintDB,
  text: string,
  options: ImportOptions & ParseOptions = {},
): Promise<{ ok: true; plan: ImportPlan; preview: ImportPreview } | ImportError> {
  const plan = parseImport(text, options);
  if (!plan.ok) return plan;
  const preview = await previewImport(db, plan, options);
  if (!preview.ok) return preview;
  return { ok: true, plan, preview };
}

class Abort extends Error {
  constructor(readonly result: ImportError) {
    super(result.error);
  }
}

/**
 * Writes the plan in one read-write transaction over every table, monthly totals included. Decisions are
 * taken again inside the transaction (the device may have changed since the preview). On any failure the
 * transaction is aborted, the database is exactly as before, and an error is returned.
 */
export async function applyImport(db: FootprintDB, plan: ImportPlan, options: ImportOptions = {}): Promise<ImportResult | ImportError> {
  if (!isIssuedPlan(plan)) return notAPlan();
  const now = options.now ?? Date.now();
  try {
    return await db.transaction('rw', [...db.purchases.tables, db.viewed, db.settings, db.months], async (): Promise<ImportResult> => {
      const d = await decide(db, plan, options, now);
      if (d.missingPurchase) throw new Abort(missingError(d.missingPurchase));
      if (d.write.length) await db.purchases.bulkPut(d.write);
      if (d.viewedWrite.length) await db.viewed.bulkPut(d.viewedWrite);
      if (d.settingsWrite.length) await db.settings.bulkPut(d.settingsWrite);
      let months = 0;
      if (d.write.length) {
        const changes = new MonthChanges(await db.months.toArray());
        for (const old of d.replaced) changes.apply(old, -1);
        // The store's order: a month that is new gets exactly the sums a rebuild would make.
        for (const p of inStoreOrder(d.write)) changes.apply(p, 1);
        const { put, remove } = changes.result();
        if (put.length) await db.months.bulkPut(put);
        if (remove.length) await db.months.bulkDelete(remove);
        months = await db.months.count();
      }
      return { ...outcome(plan, d), months };
    });
  } catch (e) {
    if (e instanceof Abort) return e.result;
    const why = e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 200) : 'unknown error';
    return single(`The import failed and nothing was changed (${why}).`);
  }
}
