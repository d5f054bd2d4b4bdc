/**
 * The content script's first question on every page: could this be a shop page at all? It asks only
 * cheap things: the URL, the title, the browser's cached tag and class collections (scripts, metas,
 * forms, buttons, class tokens) and attribute presence; never substring selectors over the whole tree
 * (measured on the shared non-shop pages, a selector list, even tag-qualified, costs more than these
 * loops). It looks for what shops write: JSON-LD naming a product, an offer or an order (news, recipe
 * and event pages carry JSON-LD too), product microdata / RDFa / OpenGraph, Shopify / WooCommerce /
 * Magento signatures, add-to-cart controls, payment fields, price boxes. Pages with no markup at all
 * still pass when their title shows a price or an order word, or a price box / buy button is there, so
 * the visual tier keeps its chance.
 */
import { flowKindFromUrl, hasPaymentFields } from './flow-kind';

/** Class tokens shops give price boxes and buy buttons: getElementsByClassName is a hashed-token lookup. */
const SHOP_CLASSES = ['price', 'prices', 'product-price', 'price-box', 'product-info', 'add-to-cart', 'addtocart', 'buy-box', 'product-detail'];
const SHOP_SCRIPT = /cdn\.shopify\.com|woocommerce|\/mage\/|magento/i;
const OG_PRODUCT = /^(?:product:price|og:price)/;
/** A JSON-LD type that makes a page a shop page (a product, an offer, an order); other types (articles, events) do not. */
const SHOP_LD_TYPE = /"(?:[^"]{0,40}[/:])?(?:Product|ProductGroup|ProductModel|IndividualProduct|SomeProducts|Offer|AggregateOffer|Order|Invoice|Vehicle|Car|Motorcycle|Book)"/i;
const ITEM_TYPE = /schema\.org\/(?:Product|Offer|AggregateOffer|Order|IndividualProduct|Vehicle|Car)\b/i;
const CART_CONTROL = /add.?to.?(?:cart|bag|basket)|button-cart|addtocart|buy.?now|warenkorb|panier|carrito|carrello|winkelwagen|ko[sš]ar|sepet|корзин|購物車|장바구니/i;
/** Words of a cart or checkout form's action URL (lower case; plain substring tests, no regex to compile). */
const CART_FORM_WORDS = ['cart', 'basket', 'warenkorb', 'panier', 'checkout'];
const MAX_ITEMS = 200;
const MAX_BUTTONS = 150;

/** A currency sign or code next to digits ("£48.99", "19,50 CHF"), or an order / receipt word. */
const TITLE_HINT =
  /[$€£¥₹₽₩₺]\s?\d|\d\s?(?:€|£|zł|kr|lei|chf|eur|usd|gbp|₽)|\b(?:order|orders|bestellung|commande|pedido|ordine|receipt|invoice|purchase|buy|shop|store|cart|basket|checkout)\b/i;
const PATH_HINT = /\/(?:dp|gp|p|pd|product|products|produkt|produit|producto|prodotto|item|itm|listing|sku|shop|store|order|orders)(?:[/.?#-]|$)|\.html?$|\d{5,}/i;

/**
 * The page's own signals, without asking whether the host is a known shop: this is what the content
 * script's gate asks before loading the page reader, so that a known shop's home, search and account
 * pages cost only this check. It imports no adapter, so the gate stays small.
 */
export function shopSignals(document: Document, url: URL): boolean {
  return addressSignals(document, url) || markupSignals(document);
}

/** The URL and the title: no element is read, so the gate asks these before anything else. */
export function addressSignals(document: Document, url: URL): boolean {
  return flowKindFromUrl(url) !== null || TITLE_HINT.test(document.title ?? '') || PATH_HINT.test(url.pathname);
}

/** What the markup says: structured data, platform signatures, payment fields, price boxes, buy buttons. */
export function markupSignals(document: Document): boolean {
  // Live tag collections are cached by the browser: scanning them beats an attribute selector list.
  const scripts = document.scripts;
  for (let i = 0; i < scripts.length; i++) {
    const s = scripts[i]!;
    // JSON-LD counts when it names a shop type: news, recipe and event pages carry JSON-LD too.
    if (s.type === 'application/ld+json' ? SHOP_LD_TYPE.test(s.textContent ?? '') : SHOP_SCRIPT.test(s.src)) return true;
  }
  const metas = document.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const key = metas[i]!.getAttribute('property');
    if (key === null) continue;
    if (OG_PRODUCT.test(key)) return true;
    if (key === 'og:type' && metas[i]!.getAttribute('content')?.toLowerCase().startsWith('product')) return true;
  }
  const body = document.body;
  if (body && /\bwoocommerce\b|catalog-product/.test(body.className)) return true;
  if (hasPaymentFields(document)) return true;
  // Two single-attribute queries, not one list: Chromium walks a selector list without its attribute fast
  // path (Wikipedia, 13k elements: 0.6-0.9 ms for the two against 1.1-1.7 ms for the list).
  for (const attr of ['itemtype', 'typeof']) {
    const items = document.querySelectorAll(`[${attr}]`);
    const n = Math.min(items.length, MAX_ITEMS);
    for (let i = 0; i < n; i++) {
      const t = items[i]!.getAttribute(attr) ?? '';
      if (ITEM_TYPE.test(t) || /^(?:schema:)?Product\b/.test(t)) return true;
    }
  }
  for (const token of SHOP_CLASSES) if (document.getElementsByClassName(token).length > 0) return true;
  const forms = document.forms;
  for (let i = 0; i < forms.length && i < MAX_BUTTONS; i++) if (cartAction(forms[i]!.getAttribute('action'))) return true;
  const buttons = document.getElementsByTagName('button');
  const n = Math.min(buttons.length, MAX_BUTTONS);
  for (let i = 0; i < n; i++) {
    const b = buttons[i]!;
    if (CART_CONTROL.test(`${b.id} ${b.getAttribute('class') ?? ''} ${b.getAttribute('name') ?? ''}`)) return true;
  }
  return false;
}

function cartAction(action: string | null): boolean {
  if (!action) return false;
  const a = action.toLowerCase();
  return CART_FORM_WORDS.some((w) => a.includes(w));
}
