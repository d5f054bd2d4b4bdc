import { isKnownShopHost } from './peers';
import { shopSignals } from './shop-signals';

/**
 * The reader's first question: could this be a shop page at all? A known shop host always could; any
 * other page must show shop signals (see shop-signals.ts).
 */
export function quickShopCheck(document: Document, url: URL): boolean {
  return isKnownShopHost(url.hostname) || shopSignals(document, url);
}
