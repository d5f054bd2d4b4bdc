import type { Estimate } from '../types';

/** One purchase (an order, a hand-added purchase or a trip). Key: see `purchaseKey`. */
export interface PurchaseRecord {
  id: string;
  /** Shop host without `www.`, or `manual`. */
  shop: string;
  orderId: string | null;
  /** YYYY-MM-DD */
  date: string;
  /** YYYY-MM, for monthly views (the month filter reads a range of days; this field is the file's and the rollups'). */
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

/**
 * An estimate as stored (schema 3): the figures, and only what the shipped data tables cannot give back.
 *
 * The citation, factor unit, comparison, hint, note and inputs of an estimate made with this version's data
 * are derived again when shown, by re-running the engine on the item (see `expand-estimate.ts`); what the
 * re-run does not reproduce exactly is stored here as an override. When no re-run reproduces the figures
 * (another data version, a price converted with a date the purchase does not carry...), every descriptive
 * field is kept as made and `kept` is true.
 */
export type StoredEstimate = Pick<Estimate, 'kg' | 'low' | 'high' | 'method' | 'category' | 'factor' | 'dataVersion'> &
  Partial<Pick<Estimate, 'factorUnit' | 'source' | 'comparison' | 'hint' | 'note' | 'inputs'>> & {
    /** Rule of src/data/categories.ts the engine classified the item as (its `inputs.rule`). */
    rule?: string;
    /**
     * The descriptive fields (factorUnit ... inputs) are complete copies, not overrides of derived ones.
     * Otherwise `inputs` holds only the inputs whose value the re-run does not give back.
     */
    kept?: true;
  };

/** An item as stored, inside its purchase. Its id is `${purchaseId}#${position}`. */
export interface StoredItem {
  position: number;
  title: string;
  quantity: number;
  /** Unit price. */
  price: number | null;
  currency: string | null;
  /** Taxonomy path used for the estimate; '' when unknown. */
  category: string;
  estimate: StoredEstimate;
  edited: boolean;
}

/**
 * A row of the `purchases` table: the purchase and its items in one record, so a purchase is one write
 * (IndexedDB in Chromium pays per record far more than per byte) and needs no item index.
 */
export interface StoredPurchase extends PurchaseRecord {
  items: StoredItem[];
}

/** An item as a row of its own: the export file's `items` table, and what the pages are sent. */
export interface ItemRecord extends StoredItem {
  /** `${purchaseId}#${position}` */
  id: string;
  purchaseId: string;
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
