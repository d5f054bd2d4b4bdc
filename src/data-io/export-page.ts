import type { FootprintDB } from '../store/db';
import type { SettingRecord, StoredPurchase, ViewedRecord } from '../store/records';
import { decodePurchase, isPurchaseRow, type PurchaseRow } from '../store/purchase-codec';
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
  /** Id of the last purchase sent, to ask for the next page with; null after the last page. */
  next: string | null;
}

/**
 * Up to `limit` purchases with ids after `after` (primary-key order), with their items. Read raw with one
 * `getAll`, below Dexie, so that the next page's read can be started outside any transaction while this
 * one is written out; the rows are decoded once, straight into the file's rows.
 */
export async function exportPage(db: FootprintDB, after: string | null, limit: number): Promise<ExportPage & { texts: [string, string] }> {
  // One more than asked says whether the range goes on, without a request that comes back empty.
  const page = await (takeAhead(db, after, limit) ?? readRows(db, after, limit + 1));
  const more = page.length > limit;
  if (more) page.pop();
  const last = page[page.length - 1];
  // The next page is read while this one is turned into text: IndexedDB reads on its own thread, and the
  // page asks for the next page as soon as it has this reply.
  if (more && last) readAhead(db, last.id, limit);
  const purchases = page.map(asStored);
  const items = purchases.flatMap(itemRows);
  return {
    texts: [JSON.stringify(purchases.map(purchaseRow)).slice(1, -1), JSON.stringify(items).slice(1, -1)],
    count: page.length,
    itemCount: items.length,
    next: more && last ? last.id : null,
  };
}

type Rows = Array<PurchaseRow | StoredPurchase>;

async function readRows(db: FootprintDB, after: string | null, count: number): Promise<Rows> {
  if (!db.isOpen()) await db.open();
  const store = db.backendDB().transaction('purchases', 'readonly').objectStore('purchases');
  return request(store.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), count) as IDBRequest<Rows>);
}

/** The page read ahead of its request: one at a time, kept only for the request that follows. */
let ahead: { db: FootprintDB; after: string; limit: number; rows: Promise<Rows> } | null = null;

function readAhead(db: FootprintDB, after: string, limit: number): void {
  const rows = readRows(db, after, limit + 1);
  // A read nobody asks for (the export was abandoned) must not fail unobserved.
  rows.catch(() => {});
  ahead = { db, after, limit, rows };
}

function takeAhead(db: FootprintDB, after: string | null, limit: number): Promise<Rows> | null {
  const a = ahead;
  ahead = null;
  return a && a.db === db && a.after === after && a.limit === limit ? a.rows : null;
}

/** A stored row decoded; anything else the table could hold (a purchase not yet in row shape) as it is. */
function asStored(v: PurchaseRow | StoredPurchase): StoredPurchase {
  return isPurchaseRow(v) ? decodePurchase(v) : v;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** A page's reply, its texts sent on the page's pipe when it asked for one. */
export function piped<P extends { texts: string[] | null }>(page: P & { texts: string[] }, pipe: PipeTarget | undefined): P {
  if (!pipe) return page;
  postOnPipe(pipe, page.texts);
  return { ...page, texts: null };
}
