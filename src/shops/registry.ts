import { alibaba } from './alibaba';
import { aliexpress } from './aliexpress';
import { amazon } from './amazon';
import { argos } from './argos';
import { bestbuy } from './bestbuy';
import { ebay } from './ebay';
import { etsy } from './etsy';
import { hm } from './hm';
import { homedepot } from './homedepot';
import { hostMatchesAny } from './host';
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
  const byHost: ShopAdapter[] = [];
  const byPlatform: ShopAdapter[] = [];
  for (const a of ADAPTERS) {
    if (hasHosts(a)) {
      if (hostMatchesAny(url.hostname, a.hosts!)) byHost.push(a);
    } else if (a.detect) {
      try {
        if (a.detect(document, url)) byPlatform.push(a);
      } catch {
        // A platform probe must never break page reading.
      }
    }
  }
  return byHost.concat(byPlatform);
}

export function isKnownShopHost(hostname: string): boolean {
  return ADAPTERS.some((a) => hasHosts(a) && hostMatchesAny(hostname, a.hosts!));
}

export { SHOP_MATCH_PATTERNS } from './hosts';
