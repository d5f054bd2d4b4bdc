import { alibaba } from './alibaba';
import { aliexpress } from './aliexpress';
import { amazon } from './amazon';
import { argos } from './argos';
import { bestbuy } from './bestbuy';
import { ebay } from './ebay';
import { etsy } from './etsy';
import { hm } from './hm';
import { homedepot } from './homedepot';
import { hostSuffixes } from './host';
import { ikea } from './ikea';
import { johnlewis } from './johnlewis';
import { otto } from './otto';
import { shopify } from './shopify';
import { target } from './target';
import type { ShopAdapter } from './types';
import { walmart } from './walmart';
import { wayfair } from './wayfair';
import { woocommerce } from './woocommerce';
import { zalando } from './zalando';
import { zara } from './zara';

/** Every built-in adapter: shops by host, then platforms recognised by page signature. */
export const ADAPTERS: readonly ShopAdapter[] = [
  amazon, ebay, walmart, target, bestbuy, ikea, zalando, etsy, aliexpress, alibaba, otto,
  homedepot, wayfair, johnlewis, argos, zara, hm,
  shopify, woocommerce,
];

function hasHosts(a: ShopAdapter): boolean {
  return a.hosts !== undefined && a.hosts.length > 0;
}

/** Adapters that apply to this page: the shop's own host adapter(s) first, then detected platforms. */
export function findAdapters(document: Document, url: URL): ShopAdapter[] {
  return hostAdapters(url).concat(platformAdapters(document, url));
}

/** The shop's own adapter(s), by host alone, in ADAPTERS order. */
export function hostAdapters(url: URL): ShopAdapter[] {
  const found = new Set<ShopAdapter>();
  for (const suffix of hostSuffixes(url.hostname)) for (const a of BY_SUFFIX.get(suffix) ?? []) found.add(a);
  return found.size > 1 ? ADAPTERS.filter((a) => found.has(a)) : [...found];
}

/**
 * Platforms (Shopify, WooCommerce) recognised by page signature. A separate step because the probes
 * read the DOM: a page whose host adapter answers never needs them.
 */
export function platformAdapters(document: Document, url: URL): ShopAdapter[] {
  const out: ShopAdapter[] = [];
  for (const a of ADAPTERS) {
    if (hasHosts(a) || !a.detect) continue;
    try {
      if (a.detect(document, url)) out.push(a);
    } catch {
      // A platform probe must never break page reading.
    }
  }
  return out;
}

/**
 * Adapters by normalised host suffix: a hostname is looked up once per label ("www.amazon.co.uk",
 * "amazon.co.uk", "co.uk", "uk"), the label-aligned suffixes hostMatches accepts, instead of being
 * tested against every suffix of every adapter.
 */
const BY_SUFFIX = new Map<string, ShopAdapter[]>();
// The hosts data is lower case without trailing dots (test/unit/shops/host.test.ts checks it): used as written.
for (const a of ADAPTERS) for (const h of a.hosts ?? []) BY_SUFFIX.set(h, [...(BY_SUFFIX.get(h) ?? []), a]);

export function isKnownShopHost(hostname: string): boolean {
  return hostSuffixes(hostname).some((s) => BY_SUFFIX.has(s));
}

export { SHOP_MATCH_PATTERNS } from './hosts';
