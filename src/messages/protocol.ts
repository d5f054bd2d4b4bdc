import type { Estimate, Order, PageKind, Product } from '../types';
import type { Settings } from '../store/settings';
import type { PurchaseWithItems, Summary } from '../store/purchases';
import type { SenderRole } from './senders';
import type { ViewedRecord } from '../store/records';
import type { Trip } from '../flights/types';
import type { ImportPreview, ImportResult, WipeSummary } from '../data-io';
import type { CsvCursor, CsvPage } from '../data-io/export-csv';
import type { ExportPage, ExportStart } from '../data-io/export-page';
import type { PipeTarget } from '../data-io/pipe';
import type { TableCounts, TableName } from '../data-io/format';
import type { StageStart } from '../data-io/staging';

/** What a content script may say: only what it saw, and undo of what it just added. */
export type ContentMessage =
  | { type: 'page/seen'; kind: PageKind; product: Product | null }
  | { type: 'orders/seen'; orders: Order[] }
  | { type: 'trips/seen'; trips: Trip[] }
  | { type: 'purchase/undo'; purchaseId: string }
  /** The gate saw something for the page reader: inject it into this tab's frame (src/content/gate.ts). */
  | { type: 'reader/load' };

export type SortOrder = 'date-desc' | 'date-asc' | 'kg-desc' | 'kg-asc';

export interface PurchaseQuery {
  offset: number;
  limit: number;
  /** YYYY-MM */
  month?: string | null;
  /** Top-level category ("Electronics"), or "Unknown". */
  category?: string | null;
  /** Case-insensitive text in shop, order number or item titles. */
  search?: string | null;
  sort?: SortOrder;
}

export interface ItemPatch {
  /** Taxonomy path; null = let the engine classify from the title again. */
  category?: string | null;
  quantity?: number;
  price?: number | null;
  currency?: string | null;
}

export interface ManualPurchase {
  title: string;
  price: number | null;
  currency: string | null;
  /** YYYY-MM-DD */
  date: string;
  category: string | null;
  quantity: number;
  shop?: string | null;
}

/** Import and wipe previews are the data-io module's own shapes (src/data-io). */
export type { ImportPreview, ImportResult, WipeSummary } from '../data-io';

/**
 * Privileged requests, accepted only from the extension's own pages.
 *
 * Export and import of a whole history go in pieces, so that no message comes near Chrome's 64 MB limit
 * (100,000 purchases are about 95 MB of JSON): `data/export-start` then `data/export-page` (and
 * `data/export-csv-page`) until `next` is null; `data/import-begin`, `data/import-chunk` for every few
 * thousand checked records (as JSON text: one string crosses the message channel far faster than
 * thousands of objects), or, where the page has a pipe (`data-io/pipe.ts`), `data/import-begin` without
 * a start and `data/import-file` with the whole file's text on the pipe, checked once in the background;
 * then `data/import-check` (what would change), then `data/import-commit` (one
 * transaction) or `data/import-abort`. `data/export` and `data/import` carry a whole file in one message:
 * for small databases only.
 */
export type PageMessage =
  | { type: 'summary/get' }
  | { type: 'purchases/list'; offset: number; limit: number }
  | { type: 'purchases/query'; query: PurchaseQuery }
  | { type: 'purchase/delete'; id: string }
  | { type: 'purchase/add'; purchase: ManualPurchase }
  | { type: 'item/update'; itemId: string; patch: ItemPatch }
  | { type: 'item/delete'; itemId: string }
  | { type: 'categories/list' }
  | { type: 'settings/get' }
  | { type: 'settings/set'; patch: Partial<Settings> }
  | { type: 'status/get' }
  | { type: 'viewed/list' }
  | { type: 'viewed/clear' }
  | { type: 'tab/estimate' }
  | { type: 'data/export' }
  | { type: 'data/export-start' }
  | { type: 'data/export-page'; after: string | null; limit: number; pipe?: PipeTarget }
  | { type: 'data/export-csv-page'; after: CsvCursor | null; limit: number; pipe?: PipeTarget }
  | { type: 'data/import-preview'; text: string; passphrase?: string | null }
  | { type: 'data/import'; text: string; passphrase?: string | null }
  | { type: 'data/import-begin'; start: StageStart; pipe?: string }
  | { type: 'data/import-begin'; start?: undefined; pipe: string }
  | { type: 'data/import-file'; importId: string; pipe: PipeTarget }
  | { type: 'data/import-chunk'; importId: string; table: TableName; start: number; rows: string; pipe?: undefined }
  | { type: 'data/import-chunk'; importId: string; table: TableName; start: number; rows?: undefined; pipe: PipeTarget }
  | { type: 'data/import-check'; importId: string }
  | { type: 'data/import-commit'; importId: string }
  | { type: 'data/import-ping'; importId: string }
  | { type: 'data/import-abort'; importId: string }
  | { type: 'data/wipe-preview' }
  | { type: 'data/wipe' };

export type Message = ContentMessage | PageMessage;

export const ALLOWED: Readonly<Record<Exclude<SenderRole, 'untrusted'>, readonly Message['type'][]>> = {
  'content-script': ['page/seen', 'orders/seen', 'trips/seen', 'purchase/undo', 'reader/load'],
  'extension-page': [
    'summary/get',
    'purchases/list',
    'purchases/query',
    'purchase/delete',
    'purchase/add',
    'item/update',
    'item/delete',
    'categories/list',
    'settings/get',
    'settings/set',
    'status/get',
    'viewed/list',
    'viewed/clear',
    'tab/estimate',
    'data/export',
    'data/export-start',
    'data/export-page',
    'data/export-csv-page',
    'data/import-preview',
    'data/import',
    'data/import-begin',
    'data/import-chunk',
    'data/import-file',
    'data/import-check',
    'data/import-commit',
    'data/import-ping',
    'data/import-abort',
    'data/wipe-preview',
    'data/wipe',
  ],
};

/** Problems the background could not solve alone (quota, a closed database): shown in the popup. */
export interface StoreStatus {
  pendingWrites: number;
  lastError: { at: number; message: string } | null;
}

export interface Replies {
  'page/seen': { estimate: Estimate | null; showBadge: boolean };
  'orders/seen': { results: Array<{ status: 'added' | 'exists' | 'skipped' | 'pending'; purchaseId: string | null; kg: number | null; reason?: string }> };
  'trips/seen': Replies['orders/seen'];
  'purchase/undo': { removed: boolean };
  'reader/load': { loaded: true };
  'summary/get': { summary: Summary; count: number };
  'purchases/list': { purchases: PurchaseWithItems[] };
  'purchases/query': { purchases: PurchaseWithItems[]; total: number };
  'purchase/delete': { removed: boolean };
  'purchase/add': { purchase: PurchaseWithItems };
  'item/update': { purchase: PurchaseWithItems };
  'item/delete': { purchase: PurchaseWithItems | null };
  'categories/list': { categories: Array<{ path: string; method: Estimate['method'] }> };
  'settings/get': { settings: Settings };
  'settings/set': { settings: Settings };
  'status/get': { status: StoreStatus };
  'viewed/list': { viewed: ViewedRecord[] };
  'viewed/clear': { cleared: number };
  'tab/estimate': {
    kind: PageKind | null;
    product: Product | null;
    estimate: Estimate | null;
    reason?: string;
    /** The tab's host, and whether the content script already runs there on its own. */
    host?: string | null;
    builtIn?: boolean;
    alwaysOn?: boolean;
  };
  'data/export': { json: string };
  'data/export-start': ExportStart;
  'data/export-page': ExportPage;
  'data/export-csv-page': CsvPage;
  'data/import-preview': { preview: ImportPreview };
  'data/import': { result: ImportResult };
  'data/import-begin': { importId: string };
  'data/import-chunk': { staged: TableCounts };
  'data/import-file': { counts: TableCounts };
  'data/import-check': { preview: ImportPreview };
  'data/import-commit': { result: ImportResult };
  'data/import-ping': { alive: boolean };
  'data/import-abort': { aborted: boolean };
  'data/wipe-preview': { preview: WipeSummary };
  'data/wipe': { wiped: true };
}

export type Reply<T extends Message['type']> = ({ ok: true } & Replies[T]) | { ok: false; error: string };
