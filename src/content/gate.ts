import { textStart } from '../extract/bounded-text';
import { addressSignals, markupSignals } from '../extract/shop-signals';
import { looksLikeBookingConfirmation } from '../flights/read-trips';
import { MAX_HEADING_CHARS, mayBeOrderPage } from '../orders/gate';

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
  // The same three questions as ever, cheapest first: the URL and title settle most shop pages before any
  // element is read, and the booking and order checks share one read of the first heading.
  if (addressSignals(document, u) || markupSignals(document)) return true;
  const heading = textStart(document.querySelector('h1'), MAX_HEADING_CHARS);
  return looksLikeBookingConfirmation(document, heading) || mayBeOrderPage(document, u, heading);
}
