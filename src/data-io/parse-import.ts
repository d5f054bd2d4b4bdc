import { isPlainObject } from '../messages/validate';
import { SCHEMA_VERSION } from '../store/schema';
import type { ItemRecord, PurchaseRecord, SettingRecord, ViewedRecord } from '../store/records';
import { BACKUP_FORMAT } from './backup-format';
import { EXPORT_FORMAT, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, TABLES, type DateRange, type TableCounts, type TableName } from './format';
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
 * Checking an import file, before anything is written. No database here: this runs in the options page,
 * which reads and checks the whole file before it sends any of it to the background (and again in the
 * background, on each chunk it receives, see `staging.ts`).
 *
 * `parseImport(text)` checks the WHOLE file, synchronously: size, format, schema version, row count, every
 * field of every record, duplicate ids, and item → purchase links. It returns a plan (fresh, validated
 * copies of the records, counts, date range) or an error saying what is wrong and where. What a plan does
 * to a database is `apply-import.ts`'s business.
 *
 * Limits: files over `MAX_IMPORT_BYTES` (256 MB, above any real history: 100,000 purchases export to
 * about 95 MB) are refused before parsing, and files with more than 1,000,000 rows in all
 * (`MAX_IMPORT_ROWS`) are refused before any record is checked, which bounds the memory and time an import
 * can take. Checking stops after 20 problems.
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
  /** The file's schema: from 3 on, estimates are compact; before, whole (the import compacts them). */
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
  /** Monthly totals the file carried: never imported (they are recomputed), only warned about. */
  monthRows: number;
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

/** Plans handed out by `PlanBuilder`: `applyImport` takes nothing else (a plan cannot be forged or cloned). */
const issued = new WeakSet<ImportPlan>();

export function isIssuedPlan(plan: ImportPlan): boolean {
  return issued.has(plan);
}

export function importError(problems: string[], more = false, headline?: string): ImportError {
  const first = problems[0] ?? 'The file could not be read.';
  return { ok: false, error: headline ?? first, problems, more };
}

export function single(message: string): ImportError {
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

export function mb(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** For the file picker: refuse a file by its size before reading it into memory. Null when fine. */
export function checkFileSize(bytes: number, maxBytes = MAX_IMPORT_BYTES): ImportError | null {
  if (bytes === 0) return single('The file is empty.');
  if (bytes > maxBytes) return single(`The file is too large (${mb(bytes)}; the limit is ${mb(maxBytes)}).`);
  return null;
}

/** The file's header fields, checked. */
export interface ImportHeader {
  schemaVersion: number;
  exportedAt: string | null;
  app: string | null;
}

/** Checks a header; the same rules for a whole file and for the start of a staged import. */
export function checkHeader(root: Record<string, unknown>): ImportHeader | ImportError {
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
  return { schemaVersion: version, exportedAt, app };
}

export function tooManyRows(rows: number, maxRows: number): ImportError {
  return single(`The file has too many rows (${rows.toLocaleString('en-US')}; the limit is ${maxRows.toLocaleString('en-US')}). Nothing was imported.`);
}

type Checker<T> = (v: unknown, path: string, ctx: CheckContext) => T;

const CHECKERS: { [K in TableName]: [Checker<ImportPlan['data'][K][number]>, (r: ImportPlan['data'][K][number]) => string] } = {
  purchases: [checkPurchase, (r) => r.id],
  items: [checkItem, (r) => r.id],
  viewed: [checkViewed, (r) => r.id],
  settings: [checkSetting, (r) => r.key],
};

/**
 * Checks records table by table, in as many pieces as they come (the whole file at once, or chunk after
 * chunk in the background), and makes the plan once everything is in. Paths in messages are the records'
 * places in the file (`items[1234].quantity`), whatever the piece they came in.
 */
export class PlanBuilder {
  readonly data: ImportPlan['data'] = { purchases: [], items: [], viewed: [], settings: [] };
  readonly problems: string[] = [];
  more = false;
  private readonly ctx: CheckContext;
  private readonly seen: { [K in TableName]: Map<string, number> } = { purchases: new Map(), items: new Map(), viewed: new Map(), settings: new Map() };
  private readonly received: TableCounts = { purchases: 0, items: 0, viewed: 0, settings: 0 };

  constructor(readonly header: ImportHeader) {
    this.ctx = newContext(header.schemaVersion);
  }

  /** Records received so far, per table (valid or not). */
  get counts(): TableCounts {
    return { ...this.received };
  }

  /** Checks `rows`, the next records of `table`. False once there are too many problems to go on. */
  add<T extends TableName>(table: T, rows: readonly unknown[]): boolean {
    const [check, keyOf] = CHECKERS[table] as unknown as [Checker<ImportPlan['data'][T][number]>, (r: ImportPlan['data'][T][number]) => string];
    const out = this.data[table] as Array<ImportPlan['data'][T][number]>;
    const seen = this.seen[table];
    const start = this.received[table];
    this.received[table] += rows.length;
    for (let j = 0; j < rows.length && !this.more; j++) {
      const i = start + j;
      try {
        const r = check(rows[j], `${table}[${i}]`, this.ctx);
        const k = keyOf(r);
        const first = seen.get(k);
        if (first !== undefined) throw new FieldError(`${table}[${i}] has the same ${table === 'settings' ? 'key' : 'id'} as ${table}[${first}] (${show(k)})`);
        seen.set(k, i);
        out.push(r);
      } catch (e) {
        if (!(e instanceof FieldError)) throw e;
        if (this.problems.length >= MAX_PROBLEMS) this.more = true;
        else this.problems.push(e.message);
      }
    }
    return !this.more;
  }

  /** The problems so far as one error, or null. */
  error(): ImportError | null {
    const { problems, more } = this;
    if (problems.length === 0) return null;
    const others = problems.length - 1;
    const tail = others > 0 || more ? ` (and ${more ? 'more than ' : ''}${others} other problem${others === 1 && !more ? '' : 's'})` : '';
    return importError(problems, more, `The file was not imported: ${problems[0]}${tail}.`);
  }

  /** The plan, once every record is in; `monthRows` = monthly totals the file carried (never imported). */
  finish(monthRows = 0): ImportPlan | ImportError {
    const bad = this.error();
    if (bad) return bad;
    const { data } = this;
    // Links: items → purchases in the file, or (checked later, against the database) purchases outside it.
    const purchaseIds = new Set<string>();
    for (const p of data.purchases) purchaseIds.add(p.id);
    const external = new Set<string>();
    const itemsPer = new Map<string, number>();
    for (const it of data.items) {
      if (purchaseIds.has(it.purchaseId)) itemsPer.set(it.purchaseId, (itemsPer.get(it.purchaseId) ?? 0) + 1);
      else external.add(it.purchaseId);
    }

    const warnings: string[] = [];
    if (this.ctx.unknownFields > 0) {
      const n = this.ctx.unknownFields;
      warnings.push(`${n} field${n === 1 ? '' : 's'} this version does not know will be left out (first: ${this.ctx.firstUnknownField}).`);
    }
    let short = 0;
    let firstShort = '';
    data.purchases.forEach((p, i) => {
      if ((itemsPer.get(p.id) ?? 0) !== p.itemCount) {
        if (short++ === 0) firstShort = `purchases[${i}] says ${p.itemCount} items, the file has ${itemsPer.get(p.id) ?? 0}`;
      }
    });
    if (short > 0) warnings.push(`${short} purchase${short === 1 ? ' does' : 's do'} not have all the items they list (first: ${firstShort}).`);
    if (monthRows > 0) warnings.push('The monthly totals in the file are not imported; they are recomputed from the purchases.');

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
      ...this.header,
      counts: { purchases: data.purchases.length, items: data.items.length, viewed: data.viewed.length, settings: data.settings.length },
      dateRange,
      warnings,
      data,
      externalPurchaseIds: [...external],
      monthRows,
    };
    issued.add(plan);
    return plan;
  }
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
  const header = checkHeader(root);
  if ('ok' in header) return header;

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
  if (rows > maxRows) return tooManyRows(rows, maxRows);
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

  const builder = new PlanBuilder(header);
  try {
    for (const t of TABLES) if (!builder.add(t, raw[t])) break;
  } catch (e) {
    // Not a FieldError: e.g. a RangeError on absurd input. Still nothing is written.
    return single(`The file could not be checked (${e instanceof Error ? e.message.slice(0, 160) : 'unknown error'}).`);
  }
  return builder.finish(months?.length ?? 0);
}
