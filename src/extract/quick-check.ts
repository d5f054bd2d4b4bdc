/**
 * The content script's first question on every page: could this be a shop page at all? It must
 * answer in far under 0.1 ms, so it asks only cheap things: the host, the URL, the title, and one
 * combined selector for markup that shops write (JSON-LD, product microdata / RDFa / OpenGraph,
 * Shopify / WooCommerce / Magento signatures, add-to-cart controls, payment forms). Pages with no
 * markup at all still pass when their title shows a price or an order word, or when an add-to-cart
 * control is present, so the visual tier keeps its chance.
 */
import { isKnownShopHost } from './peers';
import { flowKindFromUrl } from './flow-kind';

const SIGNALS = [
  'script[type="application/ld+json"]',
  '[itemtype*="schema.org/Product" i]',
  '[itemtype*="schema.org/Offer" i]',
  '[itemtype*="schema.org/Order" i]',
  '[typeof*="Product"]',
  'meta[property="og:type"][content^="product" i]',
  'meta[property^="product:price"]',
  'meta[property="og:price:amount"]',
  'link[href*="cdn.shopify.com"]',
  'script[src*="cdn.shopify.com"]',
  'body.woocommerce',
  'body[class*="catalog-product" i]',
  '[name="add-to-cart"]',
  '[id*="add-to-cart" i]',
  '[id*="addtocart" i]',
  '[class*="add-to-cart" i]',
  '[class*="addtocart" i]',
  '[data-action*="add-to-cart" i]',
  'form[action*="cart" i]',
  'form[action*="checkout" i]',
  'input[autocomplete="cc-number"]',
  'input[name*="cardnumber" i]',
  // Last: shops without markup nearly always class their price element so.
  '[class*="price" i]',
].join(',');

/** A currency sign or code next to digits ("£48.99", "19,50 CHF"), or an order / receipt word. */
const TITLE_HINT =
  /[$€£¥₹₽₩₺]\s?\d|\d\s?(?:€|£|zł|kr|lei|chf|eur|usd|gbp|₽)|\b(?:order|orders|bestellung|commande|pedido|ordine|receipt|invoice|purchase|buy|shop|store|cart|basket|checkout)\b/i;
const PATH_HINT = /\/(?:dp|gp|p|pd|product|products|produkt|produit|producto|prodotto|item|itm|listing|sku|shop|store|order|orders)(?:[/.?#-]|$)|\.html?$|\d{5,}/i;

export function quickShopCheck(document: Document, url: URL): boolean {
  if (isKnownShopHost(url.hostname)) return true;
  if (flowKindFromUrl(url)) return true;
  if (TITLE_HINT.test(document.title ?? '')) return true;
  if (PATH_HINT.test(url.pathname)) return true;
  return document.querySelector(SIGNALS) !== null;
}
