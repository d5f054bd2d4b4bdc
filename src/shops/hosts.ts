/**
 * The host suffixes of every shop with its own adapter: matched on the parsed URL.hostname (equal, or
 * ending in "." + suffix; never substrings). A data file of its own so that the manifest's match patterns
 * and the content script's gate need no adapter code; the shops' path rules are in paths.ts for the same
 * reason. Sorted by shop; each list as the shop's sites are.
 */
export const SHOP_HOSTS = {
  alibaba: ['alibaba.com'],
  aliexpress: ['aliexpress.com', 'aliexpress.us', 'aliexpress.ru'],
  amazon: ['amazon.com', 'amazon.co.uk', 'amazon.de', 'amazon.fr', 'amazon.it', 'amazon.es', 'amazon.nl', 'amazon.se', 'amazon.pl', 'amazon.com.be', 'amazon.ca', 'amazon.com.mx', 'amazon.com.br', 'amazon.co.jp', 'amazon.in', 'amazon.com.au', 'amazon.sg', 'amazon.ae', 'amazon.sa', 'amazon.eg', 'amazon.com.tr'],
  argos: ['argos.co.uk', 'argos.ie'],
  bestbuy: ['bestbuy.com', 'bestbuy.ca'],
  ebay: ['ebay.com', 'ebay.co.uk', 'ebay.ca', 'ebay.de', 'ebay.fr', 'ebay.it', 'ebay.es', 'ebay.nl', 'ebay.be', 'ebay.at', 'ebay.ch', 'ebay.ie', 'ebay.pl', 'ebay.com.au'],
  etsy: ['etsy.com'],
  hm: ['hm.com'],
  homedepot: ['homedepot.com', 'homedepot.ca'],
  ikea: ['ikea.com', 'ikea.cn', 'ikea.co.uk'],
  johnlewis: ['johnlewis.com'],
  otto: ['otto.de'],
  target: ['target.com'],
  walmart: ['walmart.com', 'walmart.ca'],
  wayfair: ['wayfair.com', 'wayfair.ca', 'wayfair.co.uk', 'wayfair.de', 'jossandmain.com', 'allmodern.com', 'birchlane.com', 'perigold.com'],
  zalando: ['zalando.de', 'zalando.at', 'zalando.ch', 'zalando.fr', 'zalando.it', 'zalando.es', 'zalando.nl', 'zalando.be', 'zalando.fi', 'zalando.se', 'zalando.dk', 'zalando.no', 'zalando.pl', 'zalando.cz', 'zalando.ie', 'zalando.co.uk', 'zalando.lu', 'zalando.sk', 'zalando.si', 'zalando.hr', 'zalando.lt', 'zalando.lv', 'zalando.ee', 'zalando.ro', 'zalando.hu'],
  zara: ['zara.com'],
} as const satisfies Record<string, readonly string[]>;

export type ShopWithHosts = keyof typeof SHOP_HOSTS;

/**
 * Manifest match patterns for the built-in shops. "*://*.host/*" also matches the bare host in
 * Chrome's and Firefox's match-pattern semantics, so one pattern per suffix is enough.
 */
export const SHOP_MATCH_PATTERNS: readonly string[] = [
  ...new Set(Object.values(SHOP_HOSTS).flatMap((hosts) => hosts.map((h) => `*://*.${h.toLowerCase()}/*`))),
].sort();
