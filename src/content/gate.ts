import { shopSignals } from '../extract/shop-signals';
import { looksLikeBookingConfirmation } from '../flights/read-trips';
import { mayBeOrderPage } from '../orders/gate';

/**
 * The only question the declared content script asks on every page load: is there anything here for
 * the page reader? A product (shop markup, a price box, a buy button, a product-like URL), an order
 * confirmation or a flight booking. Everything else (a known shop's home, search and account pages,
 * and any page without shop signals) ends here, and the reader (~100 kB of adapters, order readers
 * and price tables) is never loaded into it.
 */
export function readerWanted(document: Document, url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  return looksLikeBookingConfirmation(document) || mayBeOrderPage(document, u) || shopSignals(document, u);
}
