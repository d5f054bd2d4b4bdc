/**
 * Page understanding: what kind of shop page this is, and the product or order on it.
 *
 * Order of questions (each answers cheaply before the next runs):
 *   1. quickShopCheck: could this be a shop page at all? No → 'other' (unless an order is read, 2).
 *   1b. A product page settled before anything else is read (the shop's adapter reads it by its own
 *      URL rules, or, with no adapter, JSON-LD else microdata names one product with a price and a
 *      currency that no other markup contradicts; see startProduct in read-product.ts), on a page with
 *      no order signal (no order path or heading, no Order entity) and no cart or checkout path →
 *      'product'. This is the common case; it skips the order readers, the payment-field check and the
 *      DOM tiers.
 *   2. Orders: readOrders(...) non-empty → 'order' (order = first, orders = all when several).
 *   3. Cart / checkout by URL path (/cart, /basket, /warenkorb, /panier, /checkout, /kasse, ...),
 *      and checkout by card-number / security-code fields.
 *   4. Product: shop adapter's verdict, else the markup (one product entity, or og:type product),
 *      else the visual tier (a main title with a price). Several products (ItemList of Products,
 *      three or more distinct Product entities, many add-to-cart controls) = not a product page.
 *   5. Cart / checkout by DOM signals (payment card fields, "Place order" button, cart title).
 *   6. Otherwise 'other' (listings, search results, home pages, articles, events, recipes, ...).
 *
 * Precedence when tiers disagree, per field (first tier with a value wins, lower tiers fill gaps):
 *   shop adapter (reads what the shopper sees) > JSON-LD > microdata > RDFa > OpenGraph > visual tier
 *   > document.title (suffix " | Shop" stripped; only when no tier names the product).
 * Price is the exception: the price the shopper sees wins over markup, which is often stale:
 *   adapter price > visual-tier price (near the title / buy box) > JSON-LD > microdata > RDFa > OpenGraph;
 *   and a markup price that some markup on the page declares as its list / strikethrough /
 *   standard price gives way to a different markup price (e.g. OpenGraph sale price vs JSON-LD list price).
 *   The currency travels with the price that won; when that tier has none, the first tier's currency.
 */
import type { PageReading } from '../types';
import { flowKindFromDom, flowKindFromUrl, hasPaymentFields } from './flow-kind';
import { mayBeOrderPage, readOrders } from './peers';
import { quickShopCheck } from './quick-check';
import { readProduct, startProduct, type ProductStart } from './read-product';

const OTHER: PageReading = { kind: 'other', product: null, order: null };
/** Entities that make a page an order (or a receipt) whatever product it also names. */
const ORDER_TYPES = ['Order', 'Invoice'];

export function readPage(document: Document, url: string): PageReading {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ...OTHER };
  }
  const shop = quickShopCheck(document, u);
  const start = shop ? productFirst(document, u) : null;
  if (start?.settled?.product) return { kind: 'product', product: start.settled.product, order: null };
  // Order confirmations can come without any shop signal (an e-mail in a web-mail tab); readOrders has
  // its own cheap gate, so it is asked even when the page does not look like a shop.
  const orders = orderReading(document, u);
  if (orders) return orders;
  if (!shop) return { ...OTHER };
  return readAfterOrders(document, u, start);
}

/**
 * For a caller that already ran quickShopCheck and got yes (the content script): the same reading as
 * readPage, without asking the check twice.
 */
export function readShopPage(document: Document, u: URL): PageReading {
  const start = productFirst(document, u);
  if (start?.settled?.product) return { kind: 'product', product: start.settled.product, order: null };
  return orderReading(document, u) ?? readAfterOrders(document, u, start);
}

/**
 * The markup's reading, read before the orders; null on cart and checkout paths. Its settled product
 * stands only on a page without order signals (see 1b), else it is dropped and the start reused.
 */
function productFirst(document: Document, u: URL): ProductStart | null {
  if (flowKindFromUrl(u)) return null;
  const start = startProduct(document, u);
  if (start.settled && (ORDER_TYPES.some((t) => start.jsonLd.types.has(t)) || mayBeOrderPage(document, u))) start.settled = null;
  return start;
}

function orderReading(document: Document, u: URL): PageReading | null {
  const orders = readOrders(document, u);
  if (orders.length === 0) return null;
  const reading: PageReading = { kind: 'order', product: null, order: orders[0]! };
  if (orders.length > 1) reading.orders = orders;
  return reading;
}

function readAfterOrders(document: Document, u: URL, start: ProductStart | null): PageReading {
  const flow = flowKindFromUrl(u);
  if (flow) return { kind: flow, product: null, order: null };
  const options = { paymentStep: () => hasPaymentFields(document) };
  const product = start ? readProduct(document, u, options, start) : readProduct(document, u, options);
  if (product.kind === 'product' && product.product) return { kind: 'product', product: product.product, order: null };
  if (product.kind === 'cart' || product.kind === 'checkout') return { kind: product.kind, product: null, order: null };
  // An adapter's 'order' without an order readOrders could read is no order to show: 'other'.
  if (product.kind === 'other' || product.kind === 'order') return { ...OTHER };
  return { kind: flowKindFromDom(document) ?? 'other', product: null, order: null };
}

export { quickShopCheck } from './quick-check';
export { readProduct } from './read-product';
