/**
 * Shared shapes. These mirror the public `inspect` contract (see README, "Inspect tool"):
 * fields may be added, never renamed or removed.
 */

export type PageKind = 'product' | 'order' | 'checkout' | 'cart' | 'other';

export type Availability = 'InStock' | 'OutOfStock';

export interface Product {
  title: string | null;
  /** The price the shopper sees, as a number in `currency`. */
  price: number | null;
  /** ISO 4217. */
  currency: string | null;
  brand: string | null;
  sku: string | null;
  gtin: string | null;
  /** The page's own category text (schema.org `category`, or the deepest breadcrumb). */
  category: string | null;
  breadcrumbs: string[] | null;
  availability: Availability | null;
}

export interface OrderItem {
  title: string;
  quantity: number;
  /** Unit price in `currency`. */
  price: number | null;
  currency: string | null;
}

export interface Order {
  orderId: string | null;
  /** YYYY-MM-DD */
  date: string | null;
  currency: string | null;
  total: number | null;
  items: OrderItem[];
}

export interface PageReading {
  kind: PageKind;
  product: Product | null;
  /** The (first) order on an order page. */
  order: Order | null;
  /** Every order when one page covers several (e.g. an e-mail for a purchase split into two orders). */
  orders?: Order[];
}

export interface ParsedPrice {
  amount: number | null;
  currency: string | null;
}

export type EstimateMethod = 'device' | 'product' | 'garment' | 'food' | 'spend' | 'flight' | 'manual' | 'unknown';

/** What the engine needs to know about a thing; everything but the title is optional. */
export interface EstimateInput {
  title: string | null;
  brand?: string | null;
  price?: number | null;
  currency?: string | null;
  category?: string | null;
  breadcrumbs?: string[] | null;
  quantity?: number | null;
  /** YYYY-MM-DD of purchase; defaults to the latest data year. */
  date?: string | null;
  /** Host name of the shop, for VAT and currency defaults. */
  site?: string | null;
  condition?: 'new' | 'used' | 'refurbished' | null;
}

export interface Estimate {
  /** Central estimate, kg CO2e for the whole quantity; null = unknown. */
  kg: number | null;
  low: number | null;
  high: number | null;
  method: EstimateMethod;
  /** Google product taxonomy path, or null when unknown. */
  category: string | null;
  /** The factor that was multiplied, in `factorUnit`. */
  factor: number | null;
  factorUnit: string | null;
  /** Citation of the data behind `factor`. */
  source: string | null;
  dataVersion: string;
  /** The inputs actually used (after parsing, conversion, deflation). */
  inputs: Record<string, string | number | boolean | null>;
  /** Plain-language comparison with the typical product of the category, if the method has a distribution. */
  comparison?: string | null;
  /** e.g. second-hand advice; information only. */
  hint?: string | null;
  /** Why it is unknown, or what limits it. */
  note?: string | null;
}
