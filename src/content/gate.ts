import { textStart } from '../extract/bounded-text';
import { addressSignals, markupSignals } from '../extract/shop-signals';
import { looksLikeBookingConfirmation } from '../flights/read-trips';
import { MAX_HEADING_CHARS, mayBeOrderPage } from '../orders/gate';
import { shopPathKind } from '../shops/paths';

/** Words of an order's own page (details, receipt, invoice) in its path or title: substrings, in a few languages. */
const ORDER_WORD = /order|bestell|commande|pedido|ordine|receipt|invoice|rechnung|factur|quittung/i;
/** A JSON-LD string naming an order type (readSchemaOrders reads these blocks). */
const ORDER_LD_TYPE = /"(?:[^"]{0,40}[/:])?(?:Order|Invoice)"/i;

/**
 * The only question the declared content script asks on every page load: is there anything here for
 * the page reader? A product (shop markup, a price box, a buy button, a product-like URL), an order
 * confirmation or a flight booking. Everything else (a known shop's search, listing and cart pages,
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
  // A built-in shop's search, listing or cart page, by the shop's own path rules: the reader would answer
  // 'other' or 'cart' there, and show nothing. Only an order can still be read (Amazon's order details live
  // under such a path), so only the order questions are asked.
  const pathKind = shopPathKind(u);
  if (pathKind === 'other' || pathKind === 'cart') return orderSignals(document, u);
  // The same three questions as ever, cheapest first: the URL and title settle most shop pages before any
  // element is read, and the booking and order checks share one read of the first heading.
  if (addressSignals(document, u) || markupSignals(document)) return true;
  const heading = textStart(document.querySelector('h1'), MAX_HEADING_CHARS);
  return looksLikeBookingConfirmation(document, heading) || mayBeOrderPage(document, u, heading);
}

/**
 * Could the page show an order the reader would record? Its path or title names one, the order gate says so
 * (a success path, a thank-you title or heading), or schema.org markup declares one. Generous on purpose:
 * a false yes costs a reading, a false no a lost purchase.
 */
function orderSignals(document: Document, u: URL): boolean {
  if (ORDER_WORD.test(u.pathname) || ORDER_WORD.test(u.search) || ORDER_WORD.test(document.title ?? '')) return true;
  if (mayBeOrderPage(document, u)) return true;
  const blocks = document.querySelectorAll('script[type*="ld+json" i]');
  for (let i = 0; i < blocks.length; i++) if (ORDER_LD_TYPE.test(blocks[i]!.textContent ?? '')) return true;
  return document.querySelector('[itemtype*="schema.org/Order"]') !== null;
}
