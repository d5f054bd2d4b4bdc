import { decodePurchase } from '../store/purchase-codec';
import { itemRows, purchaseRow } from '../store/stored-purchase';
import type { ItemRecord, PurchaseRecord } from '../store/records';
import { MAX_IMPORT_ROWS, TABLES, zeroCounts, type TableCounts, type TableName } from './format';
import { checkHeader, parseImport, PlanBuilder, tooManyRows, type ImportPlan } from './parse-import';
import { PipeReader } from './pipe';

/**
 * The background's half of a staged import. The options page has checked the whole file; it then sends
 * the records in chunks, which are checked again here (the background trusts no sender with its
 * database) and held in memory. Nothing touches the database until the commit, which writes everything
 * in one transaction (`applyImport`).
 *
 * Chunks are JSON text (one string crosses the message channel far faster than thousands of objects), in
 * the message or, where the page has one, on a pipe (`pipe.ts`) the message points to.
 * Purchases travel with their items inside, as compact rows (`purchase-codec.ts`): half the bytes of the
 * file's two lists, and the message channel's cost grows with its bytes. They are turned back into the
 * file's rows and checked like any file's. `items` chunks carry only items whose purchase is not in the
 * file (they merge into a purchase on the device).
 *
 * Where the page has a pipe, it sends the file's text whole instead (`begin` without a start, then
 * `file`): the file is then parsed and checked once, here, with the same `parseImport` the page would
 * use, rather than checked in the page, sent as rows and checked again (at 100k purchases that was
 * 3.7 s of a 6.3 s import on the bench machine).
 *
 * Only one import is staged at a time (a new one drops the old), so memory stays bounded. Held records
 * live as long as the service worker: if the browser stops it between two messages, the next one finds
 * no staged import and says so, and the page asks the user to try again. Nothing was written by then.
 */

/** A problem with a staged import, worded for the user. */
export class ImportFailure extends Error {}

export const INTERRUPTED =
  'The import was interrupted (the extension was restarted or another import began). Nothing was changed: choose the file again to try again.';

/** Most records one chunk may carry. */
export const MAX_CHUNK_ROWS = 20_000;

export interface StageStart {
  schemaVersion: number;
  exportedAt: string | null;
  app: string | null;
  /** Records in the file, per table. */
  counts: TableCounts;
  /** Of `counts.items`, those whose purchase is not in the file: sent in `items` chunks; the rest come inside their purchases. */
  outside: number;
  /** Monthly totals the file carried (never imported; the plan warns about them). */
  months: number;
}

interface Staged {
  id: string;
  /** Null for a file sent whole (`file`), which gets its plan at once. */
  builder: PlanBuilder | null;
  counts: TableCounts;
  /** Records each kind of chunk brings, and how many have been checked, in order. */
  expected: TableCounts;
  done: TableCounts;
  months: number;
  touched: number;
  plan: ImportPlan | null;
  /** Chunks that came before the one they follow (the page may send several at once), by kind and start. */
  early: Record<TableName, Map<number, readonly unknown[]>>;
  /** Where the page posts its chunks' texts, when it uses a pipe (`pipe.ts`). */
  pipe: PipeReader | null;
}

export class ImportStaging {
  private current: Staged | null = null;

  constructor(
    private readonly now: () => number = Date.now,
    /** Held records are dropped after this long without a message. */
    private readonly idleMs = 10 * 60_000,
  ) {}

  /**
   * Starts holding a new import (dropping any other); `pipe` names the page's channel for chunk texts.
   * Without a start, the page will send the file whole on its pipe (`file`).
   */
  begin(start: StageStart | null, pipe?: string): string {
    this.release();
    if (!start) {
      if (!pipe) throw new ImportFailure('The import went wrong (a file announced on no channel). Nothing was changed: try again.');
      return this.hold(null, zeroCounts(), zeroCounts(), 0, pipe);
    }
    const header = checkHeader({ schemaVersion: start.schemaVersion, exportedAt: start.exportedAt ?? undefined, app: start.app ?? undefined });
    if ('ok' in header) throw new ImportFailure(header.error);
    const rows = TABLES.reduce((n, t) => n + start.counts[t], 0) + start.months;
    if (rows > MAX_IMPORT_ROWS) throw new ImportFailure(tooManyRows(rows, MAX_IMPORT_ROWS).error);
    if (start.outside > start.counts.items) throw new ImportFailure('The import went wrong (bad counts). Nothing was changed: try again.');
    return this.hold(new PlanBuilder(header), { ...start.counts }, { ...start.counts, items: start.outside }, start.months, pipe);
  }

  private hold(builder: PlanBuilder | null, counts: TableCounts, expected: TableCounts, months: number, pipe: string | undefined): string {
    const id = crypto.randomUUID();
    this.current = {
      id,
      builder,
      counts,
      expected,
      done: zeroCounts(),
      months,
      touched: this.now(),
      plan: null,
      early: { purchases: new Map(), items: new Map(), viewed: new Map(), settings: new Map() },
      pipe: pipe ? new PipeReader(pipe, INTERRUPTED) : null,
    };
    return id;
  }

  private release(): void {
    this.current?.pipe?.close();
    this.current = null;
  }

  /** The text of chunk `seq` of import `id`, posted on its pipe. */
  async piped(id: string, seq: number): Promise<string> {
    let texts: string[];
    const pipe = this.get(id).pipe;
    if (!pipe) this.fail('The import went wrong (a piece was announced on no channel). Nothing was changed: try again.');
    try {
      texts = await pipe.take(seq);
    } catch {
      // The page posted nothing under that number (it was closed, or it is not ours): drop everything held.
      if (this.current?.pipe === pipe) this.fail(INTERRUPTED);
      throw new ImportFailure(INTERRUPTED);
    }
    if (texts.length !== 1) this.fail('The import went wrong (a piece arrived damaged). Nothing was changed: try again.');
    return texts[0]!;
  }

  private get(id: string): Staged {
    const s = this.current;
    if (!s || s.id !== id || this.now() - s.touched > this.idleMs) {
      if (s && s.id === id) this.release();
      throw new ImportFailure(INTERRUPTED);
    }
    s.touched = this.now();
    return s;
  }

  private fail(message: string): never {
    this.release();
    throw new ImportFailure(message);
  }

  /** Parses and checks the whole file posted as piece `seq` on the import's pipe, and holds its plan; returns its counts. */
  async file(id: string, seq: number): Promise<TableCounts> {
    const held = this.get(id);
    if (held.builder || held.plan) this.fail('The import went wrong (a file sent twice, or into an import in pieces). Nothing was changed: try again.');
    const text = await this.piped(id, seq);
    const s = this.get(id);
    const plan = parseImport(text);
    if (!plan.ok) this.fail(plan.error);
    s.plan = plan;
    s.pipe?.close();
    s.pipe = null;
    return plan.counts;
  }

  /**
   * Checks and holds the next records of one kind (a list, or its JSON text as the page sends it); `start`
   * is the index of the first one among that kind's records. Returns what is held, per table.
   */
  chunk(id: string, table: TableName, start: number, records: readonly unknown[] | string): TableCounts {
    const held = this.get(id);
    if (!held.builder) this.fail('The import went wrong (a piece of a file sent whole). Nothing was changed: try again.');
    const s = held as Staged & { builder: PlanBuilder };
    const rows = typeof records === 'string' ? parseRows(records) : records;
    if (!rows || rows.length > MAX_CHUNK_ROWS) this.fail(`The import went wrong (a piece of ${table} arrived damaged). Nothing was changed: try again.`);
    const have = s.done[table];
    if (s.plan || start < have || start + rows.length > s.expected[table] || s.early[table].has(start)) {
      this.fail(`The import went wrong (${table} ${start}–${start + rows.length} arrived twice or out of range). Nothing was changed: try again.`);
    }
    // Records are checked in file order, so that messages name the first problem and duplicates are found.
    if (start > have) s.early[table].set(start, rows);
    else {
      this.check(s, table, rows);
      for (let next = s.early[table].get(s.done[table]); next; next = s.early[table].get(s.done[table])) {
        s.early[table].delete(s.done[table]);
        this.check(s, table, next);
      }
    }
    const bad = s.builder.error();
    if (bad) this.fail(bad.error);
    return s.builder.counts;
  }

  private check(s: Staged & { builder: PlanBuilder }, table: TableName, rows: readonly unknown[]): void {
    s.done[table] += rows.length;
    if (table !== 'purchases') {
      s.builder.add(table, rows);
      return;
    }
    // Compact rows back into the file's two lists; a row that is not one is damage, not a record to check.
    const purchases: PurchaseRecord[] = [];
    const items: ItemRecord[] = [];
    try {
      for (const row of rows) {
        const p = decodePurchase(row as Parameters<typeof decodePurchase>[0]);
        purchases.push(purchaseRow(p));
        for (const it of itemRows(p)) items.push(it);
      }
    } catch {
      this.fail('The import went wrong (a piece of purchases arrived damaged). Nothing was changed: try again.');
    }
    s.builder.add('purchases', purchases);
    s.builder.add('items', items);
  }

  /** The checked plan, once every announced record has arrived. */
  plan(id: string): ImportPlan {
    const s = this.get(id);
    if (s.plan) return s.plan;
    if (!s.builder) this.fail('The import is incomplete (the file has not arrived). Nothing was changed: try again.');
    const have = s.builder.counts;
    const missing = TABLES.filter((t) => have[t] !== s.counts[t] || s.done[t] !== s.expected[t]);
    if (missing.length) {
      this.fail(`The import is incomplete (${missing.map((t) => `${have[t]} of ${s.counts[t]} ${t}`).join(', ')} arrived). Nothing was changed: try again.`);
    }
    const plan = s.builder.finish(s.months);
    if (!plan.ok) this.fail(plan.error);
    s.plan = plan;
    return plan;
  }

  /** Whether an import is still held (the page asks while its dialog is open, which also keeps the worker awake). */
  alive(id: string): boolean {
    try {
      this.get(id);
      return true;
    } catch {
      return false;
    }
  }

  drop(id: string): boolean {
    if (this.current?.id !== id) return false;
    this.release();
    return true;
  }
}

function parseRows(text: string): unknown[] | null {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

export type { TableName };
