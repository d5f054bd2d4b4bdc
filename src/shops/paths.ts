import { hostSuffixes } from './host';
import { SHOP_HOSTS, type ShopWithHosts } from './hosts';
import type { PageKind } from '../types';

/** Rules tried in order on a URL's path: the first that matches gives the page kind. */
export type PathRules = ReadonlyArray<readonly [RegExp, PageKind]>;

/**
 * URL path rules of each built-in shop. A data file of its own, like hosts.ts: the shop adapters' kind()
 * reads these rules, and so does the content script's gate (src/content/gate.ts), which then leaves a
 * shop's search, listing and cart pages without loading the page reader. Sorted by shop, as SHOP_HOSTS.
 */
export const SHOP_PATHS = {
  alibaba: [[/^\/product-detail\//, 'product'], [/^\/(?:trade\/search|showroom|catalog|products)\b/, 'other']],
  aliexpress: [[/^\/item\//, 'product'], [/^\/p\/shoppingcart\b|^\/shoppingcart\b/, 'cart'], [/^\/p\/trade\/confirm|^\/trade\//, 'checkout'], [/^\/(?:w|af|category|wholesale)\b/, 'other']],
  // A storefront in another language prefixes its paths: "/-/en/s?k=...", "/-/zh_TW/gp/cart".
  amazon: [
    [/\/(?:dp|gp\/product|gp\/aw\/d|d)\/[A-Z0-9]{10}(?:[/?]|$)/i, 'product'],
    [/^\/(?:-\/[a-z]{2}(?:_[a-z]{2})?\/)?(?:gp\/cart|gp\/aw\/c|cart)(?:\/|$)/i, 'cart'],
    [/^\/(?:-\/[a-z]{2}(?:_[a-z]{2})?\/)?(?:gp\/buy|checkout|gp\/checkoutportal)(?:\/|$)/i, 'checkout'],
    [/^\/(?:-\/[a-z]{2}(?:_[a-z]{2})?\/)?(?:s(?:\/|$)|gp\/bestsellers|gp\/new-releases|gp\/movers-and-shakers|gp\/most-wished-for|[^/]*\/?zgbs|b(?:\/|$)|gp\/browse|gp\/your-account|your-orders|gp\/css\/order-history|hz\/wishlist|gp\/registry|stores\/)/i, 'other'],
    [/\/(?:zgbs|bestsellers)(?:\/|$)/i, 'other'],
  ],
  argos: [[/^\/product\//, 'product'], [/^\/basket\b/, 'cart'], [/^\/(?:checkout|webapp\/wcs\/stores\/servlet\/.*Checkout)/, 'checkout'], [/^\/(?:search|browse|list)\//, 'other']],
  bestbuy: [
    [/^\/site\/.+\/\d+\.p$/, 'product'],
    [/^\/(?:[a-z]{2}-[a-z]{2}\/)?product\//, 'product'],
    [/^\/(?:[a-z]{2}-[a-z]{2}\/)?(?:cart|basket)\b/, 'cart'],
    [/^\/(?:checkout|[a-z]{2}-[a-z]{2}\/checkout)\b/, 'checkout'],
    [/^\/(?:site\/searchpage\.jsp|[a-z]{2}-[a-z]{2}\/(?:search|category|collection))/, 'other'],
  ],
  ebay: [[/^\/itm\//, 'product'], [/^\/(?:sch|b|e|str|usr)\//, 'other'], [/^\/(?:cart|sc)\b/, 'cart'], [/^\/(?:chk|checkout)\b/, 'checkout']],
  etsy: [[/^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?listing\/\d+/, 'product'], [/^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?cart\b/, 'cart'], [/^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(?:search|c|market|shop)\b/, 'other']],
  hm: [[/\/productpage\.\d+\.html$/, 'product'], [/\/cart\b/, 'cart'], [/\/checkout\b/, 'checkout'], [/\/search-results/, 'other']],
  homedepot: [[/^\/(?:en\/home\/)?p\//, 'product'], [/^\/(?:mycart|cart)\b/, 'cart'], [/^\/(?:mycheckout|checkout)\b/, 'checkout'], [/^\/(?:s|b)\//, 'other']],
  ikea: [[/\/p\/[^/]+-s?\d{8}\/?$/, 'product'], [/\/shoppingcart\b/, 'cart'], [/\/checkout\b/, 'checkout'], [/\/(?:cat|search|rooms|campaigns)\//, 'other']],
  johnlewis: [[/\/p\d+(?:$|[/?])/, 'product'], [/^\/basket\b/, 'cart'], [/^\/checkout\b/, 'checkout'], [/^\/(?:search|browse|brand)\b/, 'other'], [/\/_\/N-/, 'other']],
  otto: [[/^\/p\//, 'product'], [/^\/(?:order\/)?(?:basket|warenkorb)\b/, 'cart'], [/^\/order\//, 'checkout'], [/^\/(?:suche|[a-z-]+\/[a-z-]+\/?$)/, 'other']],
  target: [[/^\/p\//, 'product'], [/^\/cart\b/, 'cart'], [/^\/checkout\b/, 'checkout'], [/^\/(?:s|c|b)\b/, 'other']],
  walmart: [[/^\/(?:en\/|fr\/)?ip\//, 'product'], [/^\/(?:en\/|fr\/)?cart\b/, 'cart'], [/^\/checkout\b/, 'checkout'], [/^\/(?:en\/|fr\/)?(?:search|browse|cp|shop)\b/, 'other']],
  wayfair: [[/\/pdp\//, 'product'], [/^\/v\/checkout\/basket/, 'cart'], [/^\/v\/checkout\b/, 'checkout'], [/\/(?:sb\d|cat|keyword\.php)/, 'other']],
  zalando: [[/-[a-z0-9]{9}-[a-z0-9]{3}\.html$/i, 'product'], [/^\/(?:cart|warenkorb|ostoskori|panier|carrello|winkelwagen)\/?$/i, 'cart'], [/^\/checkout\b/, 'checkout']],
  zara: [[/-p\d{6,}\.html$/, 'product'], [/\/shop\/cart\b/, 'cart'], [/\/checkout\b/, 'checkout'], [/-l\d+\.html$/, 'other'], [/\/search\b/, 'other']],
} as const satisfies Record<ShopWithHosts, PathRules>;

/** The kind the first matching rule gives; null when none matches. */
export function kindFromPaths(paths: PathRules | undefined, url: URL): PageKind | null {
  if (!paths) return null;
  const path = url.pathname;
  for (const [re, kind] of paths) if (re.test(path)) return kind;
  return null;
}

/** Host suffix → shop: the gate asks on every page load, so one lookup per label rather than a scan of every list. */
const SHOP_OF_HOST = new Map<string, ShopWithHosts>();
for (const [shop, hosts] of Object.entries(SHOP_HOSTS) as Array<[ShopWithHosts, readonly string[]]>) for (const h of hosts) SHOP_OF_HOST.set(h, shop);

/** The page kind a built-in shop's path rules give this URL; null on any other host or path. */
export function shopPathKind(url: URL): PageKind | null {
  for (const suffix of hostSuffixes(url.hostname)) {
    const shop = SHOP_OF_HOST.get(suffix);
    if (shop) return kindFromPaths(SHOP_PATHS[shop], url);
  }
  return null;
}
