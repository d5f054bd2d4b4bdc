import { countryFromHostname } from '../price/country';
import type { Product } from '../types';
import { hostMatches } from './host';
import { kindFromPaths, type PathRules } from './paths';
import { availabilityFrom, availabilityFromSchema, attrAt, clean, crumbs, finish, priceAt, textAt, titleAt, type PriceHint } from './read';
import type { ShopAdapter } from './types';

/**
 * Most shops need only a few selectors; this builds an adapter from them so each shop file
 * stays a short, declarative list that is easy to update when a shop changes its markup.
 */
export interface ShopSpec {
  id: string;
  hosts: readonly string[];
  /** Currency per host suffix (longest match wins), used when the price text names none. */
  currency?: Readonly<Record<string, string>>;
  /** URL path rules for the page kind, tried in this order (a shop's own are in paths.ts). */
  paths?: PathRules;
  title: readonly string[];
  /** Shopper-visible price elements, in order of preference. */
  price: readonly string[];
  brand?: readonly string[];
  /** [selector, attribute] pairs for brands kept in attributes. */
  brandAttr?: ReadonlyArray<readonly [string, string]>;
  /** The shop's own brand (IKEA, ZARA, H&M). */
  brandFixed?: string;
  breadcrumbs?: string;
  availability?: readonly string[];
  sku?: readonly string[];
  /** Cleans the title (e.g. eBay's hidden "Details about" prefix). */
  fixTitle?: (title: string) => string;
  /** Shop-specific extra reading, merged over the selector results. */
  extra?: (document: Document, url: URL) => Partial<Product>;
}

export function currencyForHost(table: Readonly<Record<string, string>> | undefined, hostname: string): string | null {
  if (!table) return null;
  let best = '';
  for (const suffix of Object.keys(table)) {
    if (suffix.length > best.length && hostMatches(hostname, suffix)) best = suffix;
  }
  return best ? table[best] ?? null : null;
}

export function brandFrom(document: Document, spec: Pick<ShopSpec, 'brand' | 'brandAttr' | 'brandFixed'>): string | null {
  const fromText = spec.brand ? textAt(document, spec.brand) : null;
  if (fromText) return fromText;
  for (const [sel, attr] of spec.brandAttr ?? []) {
    const v = attrAt(document, sel, attr);
    if (v) return v;
  }
  return spec.brandFixed ?? null;
}

/** The schema.org availability on the page (a link's href or a meta's content): one lookup, asked only when the shop's own text says nothing. */
function schemaAvailability(document: Document): string | null {
  const el = document.querySelector('[itemprop="availability"]');
  return clean(el?.getAttribute('href')) || clean(el?.getAttribute('content')) || null;
}

export function simpleAdapter(spec: ShopSpec): ShopAdapter {
  return {
    id: spec.id,
    hosts: spec.hosts,
    kind: (_document, url) => kindFromPaths(spec.paths, url),
    product(document, url) {
      let title = titleAt(document, spec.title);
      if (title && spec.fixTitle) title = spec.fixTitle(title);
      if (!title) return null;
      const hint: PriceHint = { currencyHint: currencyForHost(spec.currency, url.hostname), country: countryFromHostname(url.hostname) };
      const price = priceAt(document, spec.price, hint);
      const availText = spec.availability ? textAt(document, spec.availability) : null;
      const base: Partial<Product> = {
        title,
        price: price?.price ?? null,
        currency: price?.currency ?? null,
        brand: brandFrom(document, spec),
        sku: spec.sku ? textAt(document, spec.sku) : null,
        breadcrumbs: spec.breadcrumbs ? crumbs(document, spec.breadcrumbs) : null,
        availability: availabilityFrom(availText) ?? availabilityFromSchema(schemaAvailability(document)),
      };
      return finish({ ...base, ...(spec.extra ? spec.extra(document, url) : {}) });
    },
  };
}
