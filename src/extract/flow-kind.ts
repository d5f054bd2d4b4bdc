/**
 * Cart and checkout pages: by URL path first (cheap, reliable), then by DOM signals (payment card
 * fields, a checkout form, a "Place order" button, a cart-like document title).
 */
import { textStart } from './bounded-text';

const CART_PATH = /\/(?:cart|basket|warenkorb|panier|carrito|carrello|winkelwagen|koszyk|kosik|ostoskori|varukorg|handlekurv|trolley|viewcart|shoppingcart|shopping-cart|shopping-bag|sepet)(?:[/.?#]|$)/i;
const CHECKOUT_PATH = /\/(?:checkout|kasse|caisse|pago|cassa|bestellen|secure-checkout|onepage|payment|gp\/buy)(?:[/.?#]|$)/i;
const CART_TITLE = /^(?:(?:your|my)\s+)?(?:shopping\s+)?(?:cart|basket|bag|trolley)\b|\bwarenkorb\b|\bpanier\b|\bcarrito\b|\bcarrello\b|\bwinkelwagen\b|\bkoszyk\b/i;
const CHECKOUT_TITLE = /\bcheckout\b|\bkasse\b|\bpaiement\b|\bfinalizar compra\b/i;
const PAYMENT_NAME = /card.?number|security.?code|\bcvv|\bcvc|^cc-(?:number|csc)$/i;
const MAX_INPUTS = 400;
const PLACE_ORDER = /^\s*(?:place (?:your )?order|complete (?:order|purchase)|pay now|buy now and pay|zahlungspflichtig bestellen|kostenpflichtig bestellen|valider (?:la|ma) commande|finalizar (?:compra|pedido)|conferma ordine|bestelling plaatsen)\s*$/i;
const MAX_BUTTONS = 200;
const CHECKOUT_FORM = /checkout|kasse|\/payment/i;
const MAX_LABEL = 60;

export function flowKindFromUrl(url: URL): 'cart' | 'checkout' | null {
  const path = url.pathname;
  if (CHECKOUT_PATH.test(path)) return 'checkout';
  if (CART_PATH.test(path)) return 'cart';
  return null;
}

/** Card number / security code fields: a payment step, whatever else the page shows. */
export function hasPaymentFields(document: Document): boolean {
  // A live tag collection and a regex beat a case-insensitive attribute selector list by ~10× in Chromium.
  const inputs = document.getElementsByTagName('input');
  const n = Math.min(inputs.length, MAX_INPUTS);
  for (let i = 0; i < n; i++) {
    const input = inputs[i]!;
    const name = input.getAttribute('autocomplete') ?? input.getAttribute('name') ?? input.id;
    if (name && mayNamePayment(name) && PAYMENT_NAME.test(name)) return true;
  }
  return false;
}

/** Every PAYMENT_NAME match holds one of these: most pages' inputs (search, e-mail) never reach the regex. */
function mayNamePayment(name: string): boolean {
  const s = name.toLowerCase();
  return s.includes('card') || s.includes('security') || s.includes('cvv') || s.includes('cvc') || s.startsWith('cc-');
}

/** DOM signals, for pages that turned out not to be product pages. */
export function flowKindFromDom(document: Document): 'cart' | 'checkout' | null {
  const title = document.title ?? '';
  if (CHECKOUT_TITLE.test(title)) return 'checkout';
  if (CART_TITLE.test(title.trim())) return 'cart';
  const forms = document.forms;
  for (let i = 0; i < forms.length && i < MAX_BUTTONS; i++) if (CHECKOUT_FORM.test(forms[i]!.getAttribute('action') ?? '')) return 'checkout';
  const buttons = document.querySelectorAll('button,input[type="submit"]');
  const n = Math.min(buttons.length, MAX_BUTTONS);
  for (let i = 0; i < n; i++) {
    const b = buttons[i]!;
    // A label of 60 characters or more is no button label: the text is not read further.
    const label = b.tagName === 'INPUT' ? b.getAttribute('value') : textStart(b, MAX_LABEL);
    if (label && label.length < MAX_LABEL && PLACE_ORDER.test(label)) return 'checkout';
  }
  return null;
}
