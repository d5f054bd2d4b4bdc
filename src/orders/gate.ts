import { textStart } from '../extract/bounded-text';
import { clean } from './text';
import { THANKS } from './wording';

/**
 * The cheap "could this be an order confirmation at all" check that runs on every shop page before the
 * generic reader: URL path first, then the title and a few headings (bounded text, no page walk).
 */

/** Carts and not-yet-placed checkouts are never purchases. */
const CART_OR_CHECKOUT = /\/(?:cart|basket|bag|warenkorb|panier|carrito|carrello|checkouts?|kasse|caisse|pago|cassa|payment)(?:[/.?]|$)/i;
/** Paths that shops use for the page after payment. */
const SUCCESS_PATH = /thank[-_]?you|order[-_]?(?:received|confirm\w*|complete\w*|success)|confirmation|best(?:ae|ä)tigung|\/success|\/receipt|\/merci|\/gracias|\/grazie/i;

/** What the wording test reads; the heading's raw text is read a little further, for its whitespace. */
const MAX_CHARS = 600;
export const MAX_HEADING_CHARS = 2000;

/** `heading`: the first h1's text start (textStart, at least MAX_HEADING_CHARS), when the caller read it already. */
export function mayBeOrderPage(document: Document, url: URL, heading?: string): boolean {
  const path = url.pathname;
  const success = SUCCESS_PATH.test(path);
  if (CART_OR_CHECKOUT.test(path) && !success) return false;
  if (success) return true;
  // The title and the first h1 only: querySelector stops at the first match, and the heading is read
  // no further than its first words (a hostile page's 10 MB heading costs nothing).
  const h1 = heading ?? textStart(document.querySelector('h1'), MAX_HEADING_CHARS);
  const heads = `${document.title} ${clean(h1.slice(0, MAX_HEADING_CHARS))}`.slice(0, MAX_CHARS);
  return THANKS.test(heads);
}
