import type { Product } from '../types';

/** What one tier read about the page's product. */
export interface ProductFacts extends Partial<Product> {
  /** Prices the markup itself declares as list / strikethrough / "standard" prices. */
  listPrices?: number[];
  /** Every price the markup names for this product (all offers / variants), the chosen one included. */
  knownPrices?: number[];
}

/** What a structured-data tier saw, besides the product it read. */
export interface TierReading {
  /** The page's product as this tier reads it, or null. */
  product: ProductFacts | null;
  /** One product entity, or one that names the page (url, h1, title) among several. */
  identified: boolean;
  /** Distinct product entities outside lists (variants of one product count once). */
  distinctProducts: number;
  /** Products inside an ItemList / OfferCatalog: a listing page. */
  listedProducts: number;
  /** schema.org types seen on entities anywhere (short names). */
  types: Set<string>;
}
