import type { PageKind } from '../types';
import { simpleAdapter } from './simple';
import type { ShopAdapter } from './types';

const WOO_BODY_RE = /(?:^|\s)(?:woocommerce(?:-page|-cart|-checkout|-account)?|single-product)(?:\s|$)/;
const WORDPRESS_ASSETS = 'link[href*="/wp-content/"],script[src*="/wp-content/"],link[href*="/wp-includes/"],script[src*="/wp-includes/"],meta[name="generator"][content^="WordPress" i],meta[name="generator"][content^="WooCommerce" i]';
const ORDER_RECEIVED_RE = /\/order-received\/\d+|[?&]order-received=\d+/;

/** WooCommerce shops on any domain: body classes first, then its price markup. */
function detect(document: Document, url: URL): boolean {
  const cls = document.body?.getAttribute('class') ?? '';
  if (WOO_BODY_RE.test(cls)) return true;
  if (ORDER_RECEIVED_RE.test(url.pathname + url.search) && document.querySelector('.woocommerce-order')) return true;
  // WooCommerce runs on WordPress, whose assets every page's <head> loads: only then is the body's price
  // markup looked for (a walk of the whole page per class).
  if (!document.head?.querySelector(WORDPRESS_ASSETS)) return false;
  return document.querySelector('.woocommerce-Price-amount') !== null || document.querySelector('.woocommerce-product-gallery') !== null;
}

function kind(document: Document, url: URL): PageKind | null {
  const cls = ' ' + (document.body?.getAttribute('class') ?? '') + ' ';
  if (ORDER_RECEIVED_RE.test(url.pathname + url.search) || cls.includes(' woocommerce-order-received ')) return 'order';
  if (cls.includes(' single-product ')) return 'product';
  if (cls.includes(' woocommerce-cart ')) return 'cart';
  if (cls.includes(' woocommerce-checkout ')) return 'checkout';
  if (cls.includes(' archive ') || cls.includes(' post-type-archive-product ') || cls.includes(' tax-product_cat ')) return 'other';
  return null;
}

const base = simpleAdapter({
  id: 'woocommerce',
  hosts: [],
  title: ['.summary h1.product_title', 'h1.product_title', '.product .entry-title'],
  // On sale: <del>regular</del> <ins>sale</ins>; isStruck skips the <del>.
  price: [
    '.summary .price ins .woocommerce-Price-amount',
    '.summary .price .woocommerce-Price-amount',
    '.entry-summary .price ins .woocommerce-Price-amount',
    '.entry-summary .price .woocommerce-Price-amount',
    'p.price ins .woocommerce-Price-amount',
    'p.price .woocommerce-Price-amount',
  ],
  brand: ['.summary .posted_in a[rel="tag"][href*="brand"]', '.pwb-single-product-brands a'],
  sku: ['.summary .sku', '.product_meta .sku'],
  breadcrumbs: '.woocommerce-breadcrumb a',
  availability: ['.summary .stock', '.entry-summary .stock'],
});

export const woocommerce: ShopAdapter = { id: base.id, detect, kind, product: base.product };
