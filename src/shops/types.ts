import type { PageKind, Product } from '../types';

export interface ShopAdapter {
  id: string;
  /** Registrable host suffixes, matched on the parsed URL.hostname: equal, or ends with '.' + suffix. Never substrings. */
  hosts?: readonly string[];
  /** Platform signature on any domain (Shopify, WooCommerce): cheap DOM checks. */
  detect?(document: Document, url: URL): boolean;
  /** Page kind when the shop's URL/DOM makes it clear (e.g. Amazon /dp/ = product, /gp/cart = cart, /s? = search → 'other'), else null. */
  kind?(document: Document, url: URL): PageKind | null;
  /** Fields as the shopper sees them; partial; null when no product found. */
  product?(document: Document, url: URL): Partial<Product> | null;
}
