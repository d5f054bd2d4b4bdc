import type { Estimate, Order, PageKind, Product } from '../types';
import type { Settings } from '../store/settings';
import type { PurchaseWithItems, Summary } from '../store/purchases';
import type { SenderRole } from './senders';

/** What a content script may say: only what it saw, and undo of what it just added. */
export type ContentMessage =
  | { type: 'page/seen'; kind: PageKind; product: Product | null }
  | { type: 'orders/seen'; orders: Order[] }
  | { type: 'purchase/undo'; purchaseId: string };

/** Privileged requests, accepted only from the extension's own pages. */
export type PageMessage =
  | { type: 'summary/get' }
  | { type: 'purchases/list'; offset: number; limit: number }
  | { type: 'purchase/delete'; id: string }
  | { type: 'settings/get' }
  | { type: 'settings/set'; patch: Partial<Settings> }
  | { type: 'data/export' }
  | { type: 'data/wipe' };

export type Message = ContentMessage | PageMessage;

export const ALLOWED: Readonly<Record<Exclude<SenderRole, 'untrusted'>, readonly Message['type'][]>> = {
  'content-script': ['page/seen', 'orders/seen', 'purchase/undo'],
  'extension-page': ['summary/get', 'purchases/list', 'purchase/delete', 'settings/get', 'settings/set', 'data/export', 'data/wipe'],
};

export interface Replies {
  'page/seen': { estimate: Estimate | null; showBadge: boolean };
  'orders/seen': { results: Array<{ status: 'added' | 'exists' | 'skipped'; purchaseId: string | null; kg: number | null; reason?: string }> };
  'purchase/undo': { removed: boolean };
  'summary/get': { summary: Summary; count: number };
  'purchases/list': { purchases: PurchaseWithItems[] };
  'purchase/delete': { removed: boolean };
  'settings/get': { settings: Settings };
  'settings/set': { settings: Settings };
  'data/export': { json: string };
  'data/wipe': { wiped: true };
}

export type Reply<T extends Message['type']> = ({ ok: true } & Replies[T]) | { ok: false; error: string };
