import type { FootprintDB } from '../store/db';
import type { SettingRecord, StoredPurchase, ViewedRecord } from '../store/records';
import { encodePurchase, isPurchaseRow, type PurchaseRow } from '../store/purchase-codec';
import { rollupCounts } from '../store/purchases';
import { SCHEMA_VERSION } from '../store/schema';
import { postOnPipe, type PipeTarget } from './pipe';

/**
 * The background's half of the paged export: the options page asks for the small tables once, then for
 * purchases a few thousand at a time (each page well under Chrome's 64 MB limit on one message), and
 * writes the file from the pieces (`paged-export.ts`).
 *
 * Purchases go out as JSON text of their compact rows (`purchase-codec.ts`), less than half the size of
 * the file's rows: the message channel's cost grows with the bytes it carries, and the page turns rows
 * into the file's shape as fast as it would parse them. A purchase and its items always travel together,
 * read in the same transaction, so a purchase recorded during the export is in the file whole or not at all.
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
  /** The page's purchases as a JSON list of compact rows (`PurchaseRow`, items inside); null when they went on the page's pipe (`pipe.ts`). */
  rows: string | null;
  count: number;
  /** Id of the last purchase sent, to ask for the next page with; null after the last page. */
  next: string | null;
}

/**
 * Up to `limit` purchases with ids after `after` (primary-key order), with their items. Read raw, below
 * Dexie: the rows are stored in the very shape the page is sent (`PurchaseRow`), so decoding them into
 * purchases only to encode them again would cost the background, the slower end of the export's pipeline,
 * a fifth of its time at 100k purchases.
 */
export async function exportPage(db: FootprintDB, after: string | null, limit: number): Promise<ExportPage & { rows: string }> {
  if (!db.isOpen()) await db.open();
  const store = db.backendDB().transaction('purchases', 'readonly').objectStore('purchases');
  // One more than asked says whether the range goes on, without a request that comes back empty.
  const page = await request(store.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), limit + 1));
  const more = page.length > limit;
  if (more) page.pop();
  return {
    rows: JSON.stringify(page.map(asRow)),
    count: page.length,
    next: more ? page[page.length - 1]!.id : null,
  };
}

/** A stored row as it is; anything else the table could hold (a purchase not yet in row shape) encoded. */
function asRow(v: PurchaseRow | StoredPurchase): PurchaseRow {
  return isPurchaseRow(v) ? v : encodePurchase(v);
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** A page's reply, its text sent on the page's pipe when it asked for one. */
export function piped<P extends { rows: string | null }>(page: P & { rows: string }, pipe: PipeTarget | undefined): P {
  if (!pipe) return page;
  postOnPipe(pipe, page.rows);
  return { ...page, rows: null };
}
