import type { FootprintDB } from '../store/db';
import type { DayRecord } from '../store/packs';
import type { SettingRecord, ViewedRecord } from '../store/records';
import { decodePurchase, type PurchaseRow } from '../store/purchase-codec';
import { itemRows, purchaseRow } from '../store/stored-purchase';
import { rollupCounts } from '../store/purchases';
import { SCHEMA_VERSION } from '../store/schema';
import { postOnPipe, type PipeTarget } from './pipe';

/**
 * The background's half of the paged export: the options page asks for the small tables once, then for
 * purchases a few thousand at a time (each page well under Chrome's 64 MB limit on one message), and
 * writes the file from the pieces (`paged-export.ts`).
 *
 * Each page goes out as the file's own text, the inside of its two lists, so the page only has to put the
 * pieces together: turned into text here, from the rows just read, rather than sent as rows and parsed
 * and turned in the page (at 100k purchases that round trip through JSON cost more than the reads). The
 * texts travel on the page's pipe (`pipe.ts`). A purchase and its items always travel together, read in
 * the same transaction, so a purchase recorded during the export is in the file whole or not at all.
 */

export interface ExportStart {
  schemaVersion: number;
  /** ISO date-time of the export. */
  exportedAt: string;
  viewed: ViewedRecord[];
  settings: SettingRecord[];
  /** Purchases at the start (for progress only: the file counts what its pages hold). */
  purchases: number;
}

export async function exportStart(db: FootprintDB, now: number): Promise<ExportStart> {
  return db.transaction('r', [db.viewed, db.settings, db.months], async () => {
    const [viewed, settings, { purchases }] = await Promise.all([db.viewed.toArray(), db.settings.toArray(), rollupCounts(db)]);
    return { schemaVersion: SCHEMA_VERSION, exportedAt: new Date(now).toISOString(), viewed, settings, purchases };
  });
}

export interface ExportPage {
  /**
   * The page's purchases and their items as the file writes them: the inside of the file's `purchases`
   * and `items` lists (no brackets; empty when there are none); null when they went on the page's pipe.
   */
  texts: [purchases: string, items: string] | null;
  count: number;
  /** Items of the page's purchases. */
  itemCount: number;
  /** Where the next page starts (the last purchase sent), to ask for it with; null after the last page. */
  next: string | null;
}

/**
 * Up to `limit` purchases after the cursor `after` (date then id order: the store's own), with their
 * items. Read raw, below Dexie, so that the next page's read can be started outside any transaction while
 * this one is written out; the rows are decoded once, straight into the file's rows.
 */
export async function exportPage(db: FootprintDB, after: string | null, limit: number): Promise<ExportPage & { texts: [string, string] }> {
  // One more than asked says whether the range goes on, without a request that comes back empty.
  const page = await (takeAhead(db, after, limit) ?? readRows(db, after, limit + 1));
  const more = page.length > limit;
  if (more) page.pop();
  const last = page[page.length - 1];
  const next = more && last ? cursorAfter(last) : null;
  // The next page is read while this one is turned into text: IndexedDB reads on its own thread, and the
  // page asks for the next page as soon as it has this reply.
  if (next) readAhead(db, next, limit);
  const purchases = page.map(decodePurchase);
  const items = purchases.flatMap(itemRows);
  return {
    texts: [JSON.stringify(purchases.map(purchaseRow)).slice(1, -1), JSON.stringify(items).slice(1, -1)],
    count: page.length,
    itemCount: items.length,
    next,
  };
}

/** A page's cursor: the last purchase sent, as its date and id (a date never holds a line break). */
function cursorAfter(row: PurchaseRow): string {
  return `${row.date}\n${row.id}`;
}

/**
 * Up to `count` rows after the cursor, walking the days with one cursor (a day holds many purchases: a
 * page is a few dozen days at 100k purchases). A cursor the background did not write starts at its date.
 */
async function readRows(db: FootprintDB, after: string | null, count: number): Promise<PurchaseRow[]> {
  if (!db.isOpen()) await db.open();
  const cut = after === null ? -1 : after.indexOf('\n');
  const fromDate = after === null ? null : cut < 0 ? after : after.slice(0, cut);
  const afterId = after !== null && cut >= 0 ? after.slice(cut + 1) : null;
  const store = db.backendDB().transaction('days', 'readonly').objectStore('days');
  const rows: PurchaseRow[] = [];
  return new Promise((resolve, reject) => {
    const r = store.openCursor(fromDate === null ? null : IDBKeyRange.lowerBound(fromDate));
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
    r.onsuccess = () => {
      const c = r.result;
      if (!c) return resolve(rows);
      const day = c.value as DayRecord;
      for (const row of day.r) {
        if (day.d === fromDate && afterId !== null && row.id <= afterId) continue;
        rows.push(row);
        if (rows.length >= count) return resolve(rows);
      }
      c.continue();
    };
  });
}

/** The page read ahead of its request: one at a time, kept only for the request that follows. */
let ahead: { db: FootprintDB; after: string; limit: number; rows: Promise<PurchaseRow[]> } | null = null;

function readAhead(db: FootprintDB, after: string, limit: number): void {
  const rows = readRows(db, after, limit + 1);
  // A read nobody asks for (the export was abandoned) must not fail unobserved.
  rows.catch(() => {});
  ahead = { db, after, limit, rows };
}

function takeAhead(db: FootprintDB, after: string | null, limit: number): Promise<PurchaseRow[]> | null {
  const a = ahead;
  ahead = null;
  return a && a.db === db && a.after === after && a.limit === limit ? a.rows : null;
}

/** A page's reply, its texts sent on the page's pipe when it asked for one. */
export function piped<P extends { texts: string[] | null }>(page: P & { texts: string[] }, pipe: PipeTarget | undefined): P {
  if (!pipe) return page;
  postOnPipe(pipe, page.texts);
  return { ...page, texts: null };
}
