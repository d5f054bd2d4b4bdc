import type { Estimate } from '../types';

/** One purchase (an order, a hand-added purchase or a trip). Key: see `purchaseKey`. */
export interface PurchaseRecord {
  id: string;
  /** Shop host without `www.`, or `manual`. */
  shop: string;
  orderId: string | null;
  /** YYYY-MM-DD */
  date: string;
  /** YYYY-MM, indexed for monthly views. */
  month: string;
  currency: string | null;
  total: number | null;
  /** Sums over the items whose estimate is known. */
  kg: number;
  low: number;
  high: number;
  itemCount: number;
  unknownItems: number;
  source: 'page' | 'manual' | 'import';
  createdAt: number;
  updatedAt: number;
}

export interface ItemRecord {
  /** `${purchaseId}#${position}` */
  id: string;
  purchaseId: string;
  position: number;
  title: string;
  quantity: number;
  /** Unit price. */
  price: number | null;
  currency: string | null;
  /** Taxonomy path used for the estimate; '' when unknown (IndexedDB cannot index null). */
  category: string;
  estimate: Estimate;
  edited: boolean;
}

/** A product the user looked at, kept briefly on the device to classify order lines later. */
export interface ViewedRecord {
  /** `${host}|${sku or title}` */
  id: string;
  host: string;
  title: string;
  category: string | null;
  breadcrumbs: string[] | null;
  price: number | null;
  currency: string | null;
  seenAt: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** Incrementally maintained totals per month, so the popup never scans all purchases. */
export interface MonthRollup {
  month: string;
  kg: number;
  low: number;
  high: number;
  purchases: number;
  items: number;
  unknownItems: number;
  byCategory: Record<string, number>;
}
