import { isPlainObject } from '../messages/validate';
import type { FootprintDB } from '../store/db';
import { SCHEMA_VERSION } from '../store/db';
import type { ItemRecord, PurchaseRecord, SettingRecord, ViewedRecord } from '../store/records';
import { rebuildRollups } from '../store/rollups';
import { BACKUP_FORMAT } from './backup-format';
import { EXPORT_FORMAT, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, TABLES, zeroCounts, type DateRange, type TableCounts, type TableName } from './format';
import { totalsOf } from '../store/purchases';
import {
  FieldError,
  FORBIDDEN_KEYS,
  checkItem,
  checkPurchase,
  checkSetting,
  checkViewed,
  kind,
  newContext,
  show,
  type CheckContext,
} from './validate-records';

/**
 * Import of a JSON export, in two steps:
 *
 * 1. `parseImport(text)` checks the WHOLE file, synchronously, before anything is written: size, format,
 *    schema version, row count, every field of every record, duplicate ids, and item → purchase links.
 *    It returns a plan (fresh, validated copies of the records, counts, date range) or an error saying
 *    what is wrong and where. `previewImport(db, plan)` adds what the plan would do to this database
 *    (how many records are new, how many merge with existing ones) for the confirmation dialog.
 * 2. `applyImport(db, plan)` writes everything in ONE read-write transaction over all tables and rebuilds
 *    the monthly totals inside it: either all of it is written or, on any failure, none of it.
 *
 * Merge rules (records are matched by their keys):
 * - Purchases: same `id` = same purchase. The version with the larger `updatedAt` wins, as a whole with
 *   its items; on a tie the device's copy is kept, so importing the same file twice changes nothing.
 *   When the file's version wins, the device's items of that purchase are replaced by the file's.
 * - Items: follow their purchase. Items whose purchase is not in the file but is on the device are merged
 *   by `id` (the device's copy wins), and that purchase's totals are recomputed from its items.
 * - Viewed products: same `id`; the larger `seenAt` wins (tie: the device's copy).
 * - Settings: same `key`; the file's value wins (`settings: 'keep'` keeps the device's values instead).
 * - Monthly totals: never imported (a `tables.months` in the file is ignored); rebuilt after the write.
 *
 * Limits: files over 50 MB (`MAX_IMPORT_BYTES`) are refused before parsing, and files with more than
 * 1,000,000 rows in all (`MAX_IMPORT_ROWS`) are refused before any record is checked, which bounds the
 * memory and time an import can take. Checking stops after 20 problems.
 */

export interface ImportError {
  ok: false;
  /** One sentence for the user: what is wrong and where. */
  error: string;
  /** Every problem found (at most `MAX_PROBLEMS`), the first one is also in `error`. */
  problems: string[];
  /** More problems were found than are listed. */
  more: boolean;
}

export interface ImportPlan {
  ok: true;
  schemaVersion: number;
  /** From the file, when it says. */
  exportedAt: string | null;
  app: string | null;
  /** Records in the file, per table. */
  counts: TableCounts;
  /** Oldest and newest purchase date in the file; null without purchases. */
  dateRange: DateRange | null;
  /** Things that did not stop the import (unknown fields dropped, purchases with missing items...). */
  warnings: string[];
  /** Validated copies of the records. */
  data: { purchases: PurchaseRecord[]; items: ItemRecord[]; viewed: ViewedRecord[]; settings: SettingRecord[] };
  /** Purchase ids that items refer to without being in the file: they must exist in the database. */
  externalPurchaseIds: string[];
}

export interface ImportOptions {
  /** `replace` (default): settings from the file win; `keep`: settings already on the device win. */
  settings?: 'replace' | 'keep';
  /** Time used for `updatedAt` of device purchases that gain items from the file. */
  now?: number;
}

export interface ImportPreview {
  ok: true;
  counts: TableCounts;
  dateRange: DateRange | null;
  /** Records not yet on the device. */
  add: TableCounts;
  /** Records on the device that the file's (newer) version will replace. */
  update: TableCounts;
  /**
   * Records of the file that are not written because the device's copy wins (same or newer purchase,
   * viewed product; same setting value or `settings: 'keep'`), items of such purchases included.
   */
  unchanged: TableCounts;
  /** Items on the device that disappear because their purchase is replaced by a version with fewer items. */
  removedItems: number;
  warnings: string[];
}

export interface ImportResult extends Omit<ImportPreview, 'warnings'> {
  /** Months whose totals were rebuilt (0 when no purchase or item changed). */
  months: number;
}

export const MAX_PROBLEMS = 20;

export interface ParseOptions {
  maxBytes?: number;
  maxRows?: number;
}

/** Plans handed out by `parseImport`: `applyImport` takes nothing else (a plan cannot be forged or cloned). */
const issued = new WeakSet<ImportPlan>();

function importError(problems: string[], more = false, headline?: string): ImportError {
  const first = problems[0] ?? 'The file could not be read.';
  return { ok: false, error: headline ?? first, problems, more };
}

function single(message: string): ImportError {
  return importError([message]);
}

/** UTF-8 length of a string without encoding it (lone surrogates count 3, like TextEncoder's U+FFFD). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function mb(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** For the file picker: refuse a file by its size before reading it into memory. Null when fine. */
export function checkFileSize(bytes: number, maxBytes = MAX_IMPORT_BYTES): ImportError | null {
  if (bytes === 0) return single('The file is empty.');
  if (bytes > maxBytes) return single(`The file is too large (${mb(bytes)}; the limit is ${mb(maxBytes)}).`);
  return null;
}

/** Checks the whole file; nothing is written. */
export function parseImport(text: string, options: ParseOptions = {}): ImportPlan | ImportError {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  const maxRows = options.maxRows ?? MAX_IMPORT_ROWS;
  if (typeof text !== 'string') return single('The file could not be read as text.');
  // A UTF-16 code unit is at least one UTF-8 byte, so a long string is refused without counting.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8Length(text) > maxBytes)) {
    return single(`The file is too large (more than ${mb(maxBytes)}). Nothing was imported.`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return single('The file is empty.');

  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message.slice(0, 160) : 'unreadable';
    return single(`The file is not valid JSON, so it is not a Local Footprint export (${why}).`);
  }
  if (!isPlainObject(root)) return single(`The file is not a Local Footprint export: it holds ${kind(root)}, not an object.`);
  for (const k of Object.keys(root)) if (FORBIDDEN_KEYS.has(k)) return single(`The file has a forbidden key "${k}" at the top level.`);
  const format = root.format;
  if (format === BACKUP_FORMAT) return single('This is an encrypted backup: import it with its passphrase.');
  if (format !== EXPORT_FORMAT) {
    return single(`The file is not a Local Footprint export (format is ${format === undefined ? 'missing' : show(format)}, expected "${EXPORT_FORMAT}").`);
  }
  const version = root.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return single(`The file's schemaVersion must be a whole number ≥ 1, not ${show(version)}.`);
  }
  if (version > SCHEMA_VERSION) {
    return single(
      `The file was written by a newer version of Local Footprint (data version ${version}; this one reads up to ${SCHEMA_VERSION}). Update the extension, then import again.`,
    );
  }
  const exportedAt = root.exportedAt === undefined ? null : root.exportedAt;
  if (exportedAt !== null && (typeof exportedAt !== 'string' || exportedAt.length > 64)) return single(`exportedAt must be a date text, not ${show(exportedAt)}.`);
  const app = root.app === undefined ? null : root.app;
  if (app !== null && (typeof app !== 'string' || app.length > 100)) return single(`app must be a short text, not ${show(app)}.`);

  const tables = root.tables;
  if (!isPlainObject(tables)) return single(`tables must be an object, not ${kind(tables)}.`);
  for (const k of Object.keys(tables)) if (FORBIDDEN_KEYS.has(k)) return single(`tables has a forbidden key "${k}".`);
  const raw: Record<TableName, unknown[]> = { purchases: [], items: [], viewed: [], settings: [] };
  let rows = 0;
  for (const t of TABLES) {
    const list = Object.hasOwn(tables, t) ? tables[t] : undefined;
    if (!Array.isArray(list)) return single(`tables.${t} must be a list, not ${list === undefined ? 'missing' : kind(list)}.`);
    raw[t] = list;
    rows += list.length;
  }
  const months = Object.hasOwn(tables, 'months') ? tables.months : undefined;
  if (months !== undefined && !Array.isArray(months)) return single(`tables.months must be a list, not ${kind(months)}.`);
  rows += months?.length ?? 0;
  if (rows > maxRows) {
    return single(`The file has too many rows (${rows.toLocaleString('en-US')}; the limit is ${maxRows.toLocaleString('en-US')}). Nothing was imported.`);
  }
  if (root.counts !== undefined) {
    const c = root.counts;
    if (!isPlainObject(c)) return single(`counts must be an object, not ${kind(c)}.`);
    for (const t of TABLES) {
      const n = Object.hasOwn(c, t) ? c[t] : undefined;
      if (n !== raw[t].length) {
        return single(`counts.${t} says ${show(n)} but the file holds ${raw[t].length} ${t}: the file is incomplete or was edited.`);
      }
    }
  }

  const problems: string[] = [];
  let more = false;
  const ctx = newContext();
  const note = (e: unknown): boolean => {
    if (!(e instanceof FieldError)) throw e;
    if (problems.length >= MAX_PROBLEMS) {
      more = true;
      return false;
    }
    problems.push(e.message);
    return true;
  };
  const check = <T>(t: TableName, fn: (v: unknown, path: string, ctx: CheckContext) => T, keyOf: (r: T) => string): T[] => {
    const out: T[] = [];
    const seen = new Map<string, number>();
    const list = raw[t];
    for (let i = 0; i < list.length && !more; i++) {
      try {
        const r = fn(list[i], `${t}[${i}]`, ctx);
        const k = keyOf(r);
        const j = seen.get(k);
        if (j !== undefined) throw new FieldError(`${t}[${i}] has the same ${t === 'settings' ? 'key' : 'id'} as ${t}[${j}] (${show(k)})`);
        seen.set(k, i);
        out.push(r);
      } catch (e) {
        if (!note(e)) break;
      }
    }
    return out;
  };

  let data: ImportPlan['data'];
  try {
    const purchases = check('purchases', checkPurchase, (r) => r.id);
    const items = check('items', checkItem, (r) => r.id);
    const viewed = check('viewed', checkViewed, (r) => r.id);
    const settings = check('settings', checkSetting, (r) => r.key);
    data = { purchases, items, viewed, settings };
  } catch (e) {
    // Not a FieldError: e.g. a RangeError on absurd input. Still nothing is written.
    return single(`The file could not be checked (${e instanceof Error ? e.message.slice(0, 160) : 'unknown error'}).`);
  }
  if (problems.length > 0) return importError(problems, more, `The file was not imported: ${problems[0]}${problems.length > 1 || more ? ` (and ${more ? 'more than ' : ''}${problems.length - 1} other problem${problems.length === 2 && !more ? '' : 's'})` : ''}.`);

  // Links: items → purchases in the file, or (checked later, against the database) purchases outside it.
  const purchaseIds = new Map<string, PurchaseRecord>();
  for (const p of data.purchases) purchaseIds.set(p.id, p);
  const external = new Set<string>();
  const itemsPer = new Map<string, number>();
  for (const it of data.items) {
    if (purchaseIds.has(it.purchaseId)) itemsPer.set(it.purchaseId, (itemsPer.get(it.purchaseId) ?? 0) + 1);
    else external.add(it.purchaseId);
  }

  const warnings: string[] = [];
  if (ctx.unknownFields > 0) {
    warnings.push(`${ctx.unknownFields} field${ctx.unknownFields === 1 ? '' : 's'} this version does not know will be left out (first: ${ctx.firstUnknownField}).`);
  }
  let short = 0;
  let firstShort = '';
  data.purchases.forEach((p, i) => {
    if ((itemsPer.get(p.id) ?? 0) !== p.itemCount) {
      if (short++ === 0) firstShort = `purchases[${i}] says ${p.itemCount} items, the file has ${itemsPer.get(p.id) ?? 0}`;
    }
  });
  if (short > 0) warnings.push(`${short} purchase${short === 1 ? ' does' : 's do'} not have all the items they list (first: ${firstShort}).`);
  if (months !== undefined && months.length > 0) warnings.push('The monthly totals in the file are not imported; they are recomputed from the purchases.');

  let dateRange: DateRange | null = null;
  for (const p of data.purchases) {
    if (!dateRange) dateRange = { from: p.date, to: p.date };
    else {
      if (p.date < dateRange.from) dateRange.from = p.date;
      if (p.date > dateRange.to) dateRange.to = p.date;
    }
  }

  const plan: ImportPlan = {
    ok: true,
    schemaVersion: version,
    exportedAt,
    app,
    counts: { purchases: data.purchases.length, items: data.items.length, viewed: data.viewed.length, settings: data.settings.length },
    dateRange,
    warnings,
    data,
    externalPurchaseIds: [...external],
  };
  issued.add(plan);
  return plan;
}

interface Decisions {
  purchasesWrite: PurchaseRecord[];
  /** Device purchases whose items are all replaced by the file's. */
  replacedPurchaseIds: string[];
  itemsWrite: ItemRecord[];
  /** Device purchases (not in the file) that gain items: their totals are recomputed. */
  grownPurchaseIds: string[];
  viewedWrite: ViewedRecord[];
  settingsWrite: SettingRecord[];
  missingPurchase: { itemIndex: number; purchaseId: string } | null;
  add: TableCounts;
  update: TableCounts;
  unchanged: TableCounts;
  removedItems: number;
}

/** What the plan does to this database. Reads only; call inside a transaction over all tables. */
async function decide(db: FootprintDB, plan: ImportPlan, options: ImportOptions): Promise<Decisions> {
  const { purchases, items, viewed, settings } = plan.data;
  const d: Decisions = {
    purchasesWrite: [],
    replacedPurchaseIds: [],
    itemsWrite: [],
    grownPurchaseIds: [],
    viewedWrite: [],
    settingsWrite: [],
    missingPurchase: null,
    add: zeroCounts(),
    update: zeroCounts(),
    unchanged: zeroCounts(),
    removedItems: 0,
  };

  // Purchases: newer updatedAt wins as a whole; a tie keeps the device's copy.
  const existing = await db.purchases.bulkGet(purchases.map((p) => p.id));
  const fate = new Map<string, 'add' | 'replace' | 'keep'>();
  purchases.forEach((p, i) => {
    const old = existing[i];
    if (!old) {
      fate.set(p.id, 'add');
      d.add.purchases++;
      d.purchasesWrite.push(p);
    } else if (p.updatedAt > old.updatedAt) {
      fate.set(p.id, 'replace');
      d.update.purchases++;
      d.purchasesWrite.push(p);
      d.replacedPurchaseIds.push(p.id);
    } else {
      fate.set(p.id, 'keep');
      d.unchanged.purchases++;
    }
  });

  // Items of replaced purchases: which of the device's items are overwritten, which disappear.
  const oldItemIds = new Set<string>(
    d.replacedPurchaseIds.length ? ((await db.items.where('purchaseId').anyOf(d.replacedPurchaseIds).primaryKeys()) as string[]) : [],
  );
  const outside: Array<{ item: ItemRecord; index: number }> = [];
  items.forEach((it, index) => {
    const f = fate.get(it.purchaseId);
    if (f === undefined) outside.push({ item: it, index });
    else if (f === 'keep') d.unchanged.items++;
    else {
      d.itemsWrite.push(it);
      if (f === 'replace' && oldItemIds.delete(it.id)) d.update.items++;
      else d.add.items++;
    }
  });
  d.removedItems = oldItemIds.size;

  // Items whose purchase is only on the device: merged by id, the device's copy wins.
  if (outside.length) {
    const parents = [...new Set(outside.map((o) => o.item.purchaseId))];
    const found = await db.purchases.bulkGet(parents);
    const present = new Set(parents.filter((_, i) => found[i] !== undefined));
    const missing = outside.find((o) => !present.has(o.item.purchaseId));
    if (missing) d.missingPurchase = { itemIndex: missing.index, purchaseId: missing.item.purchaseId };
    const olds = await db.items.bulkGet(outside.map((o) => o.item.id));
    const grown = new Set<string>();
    outside.forEach((o, i) => {
      if (olds[i]) d.unchanged.items++;
      else {
        d.add.items++;
        d.itemsWrite.push(o.item);
        grown.add(o.item.purchaseId);
      }
    });
    d.grownPurchaseIds = [...grown];
  }

  // Viewed products: newer seenAt wins; a tie keeps the device's copy.
  const oldViewed = await db.viewed.bulkGet(viewed.map((v) => v.id));
  viewed.forEach((v, i) => {
    const old = oldViewed[i];
    if (!old) {
      d.add.viewed++;
      d.viewedWrite.push(v);
    } else if (v.seenAt > old.seenAt) {
      d.update.viewed++;
      d.viewedWrite.push(v);
    } else d.unchanged.viewed++;
  });

  // Settings: the file wins unless told to keep the device's values.
  const oldSettings = await db.settings.bulkGet(settings.map((s) => s.key));
  settings.forEach((s, i) => {
    const old = oldSettings[i];
    if (!old) {
      d.add.settings++;
      d.settingsWrite.push(s);
    } else if (options.settings !== 'keep' && JSON.stringify(old.value) !== JSON.stringify(s.value)) {
      d.update.settings++;
      d.settingsWrite.push(s);
    } else d.unchanged.settings++;
  });
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
  if (!issued.has(plan)) return notAPlan();
  const d = await db.transaction('r', [db.purchases, db.items, db.viewed, db.settings], () => decide(db, plan, options));
  if (d.missingPurchase) return missingError(d.missingPurchase);
  return {
    ok: true,
    counts: plan.counts,
    dateRange: plan.dateRange,
    add: d.add,
    update: d.update,
    unchanged: d.unchanged,
    removedItems: d.removedItems,
    warnings: plan.warnings,
  };
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
 * Writes the plan in one read-write transaction over every table, monthly totals rebuilt inside it.
 * Decisions are taken again inside the transaction (the device may have changed since the preview).
 * On any failure the transaction is aborted, the database is exactly as before, and an error is returned.
 */
export async function applyImport(db: FootprintDB, plan: ImportPlan, options: ImportOptions = {}): Promise<ImportResult | ImportError> {
  if (!issued.has(plan)) return notAPlan();
  const now = options.now ?? Date.now();
  try {
    return await db.transaction('rw', [db.purchases, db.items, db.viewed, db.settings, db.months], async (): Promise<ImportResult> => {
      const d = await decide(db, plan, options);
      if (d.missingPurchase) throw new Abort(missingError(d.missingPurchase));
      if (d.replacedPurchaseIds.length) await db.items.where('purchaseId').anyOf(d.replacedPurchaseIds).delete();
      if (d.purchasesWrite.length) await db.purchases.bulkPut(d.purchasesWrite);
      if (d.itemsWrite.length) await db.items.bulkPut(d.itemsWrite);
      for (const id of d.grownPurchaseIds) await recomputeTotals(db, id, now);
      if (d.viewedWrite.length) await db.viewed.bulkPut(d.viewedWrite);
      if (d.settingsWrite.length) await db.settings.bulkPut(d.settingsWrite);
      let months = 0;
      if (d.purchasesWrite.length || d.itemsWrite.length) {
        // Nested in this transaction (same tables, same mode): it commits or aborts with the rest.
        await rebuildRollups(db);
        months = await db.months.count();
      }
      return {
        ok: true,
        counts: plan.counts,
        dateRange: plan.dateRange,
        add: d.add,
        update: d.update,
        unchanged: d.unchanged,
        removedItems: d.removedItems,
        months,
      };
    });
  } catch (e) {
    if (e instanceof Abort) return e.result;
    const why = e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 200) : 'unknown error';
    return single(`The import failed and nothing was changed (${why}).`);
  }
}

/** A device purchase that gained items: its sums, counts and updatedAt follow its items again. */
async function recomputeTotals(db: FootprintDB, purchaseId: string, now: number): Promise<void> {
  const p = await db.purchases.get(purchaseId);
  if (!p) return;
  const items = await db.items.where('purchaseId').equals(purchaseId).toArray();
  await db.purchases.put({ ...p, ...totalsOf(items), updatedAt: Math.max(now, p.updatedAt) });
}
