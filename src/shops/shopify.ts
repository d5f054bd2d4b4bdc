import type { PageKind } from '../types';
import { simpleAdapter } from './simple';
import type { ShopAdapter } from './types';

const SHOPIFY_CDN_RE = /(?:^|\/\/)cdn\.shopify\.com\//;
const ANALYTICS_RE = /\bShopifyAnalytics\b|\bShopify\.theme\b/;
const PRODUCTS_PATH_RE = /\/products\/[^/]+\/?$/;

/**
 * Shopify storefronts on their own domains. Cheapest checks first: a meta tag, then a handful of
 * script/link URLs, and only on /products/ pages the inline analytics bootstrap.
 */
function detect(document: Document, url: URL): boolean {
  if (document.querySelector('meta[name^="shopify-"], meta[id^="shopify-"]')) return true;
  for (const el of Array.from(document.querySelectorAll('script[src*="cdn.shopify.com"], link[href*="cdn.shopify.com"]')).slice(0, 5)) {
    if (SHOPIFY_CDN_RE.test(el.getAttribute('src') ?? el.getAttribute('href') ?? '')) return true;
  }
  if (!PRODUCTS_PATH_RE.test(url.pathname)) return false;
  for (const s of Array.from(document.querySelectorAll('head script:not([src])')).slice(0, 30)) {
    if (ANALYTICS_RE.test(s.textContent ?? '')) return true;
  }
  return false;
}

const PATHS: ReadonlyArray<readonly [RegExp, PageKind]> = [
  [/\/products\/[^/]+\/?$/, 'product'],
  [/\/checkouts\/.+\/thank[_-]you\b|\/orders\/[0-9a-f]+/, 'order'],
  [/^\/cart\/?$/, 'cart'],
  [/\/checkouts?\//, 'checkout'],
  [/^\/(?:collections|search|blogs|pages)\b/, 'other'],
];

const base = simpleAdapter({
  id: 'shopify',
  hosts: [],
  paths: PATHS,
  title: ['h1.product__title', '.product__title h1', 'h1.product-single__title', 'h1.product-title', 'h1.product_title', '.product-meta__title', 'h1[itemprop="name"]', 'h1'],
  price: [
    '.price--on-sale .price-item--sale',
    '.price__sale .price-item--sale',
    '.product__price--sale',
    '[data-product-price]',
    '#ProductPrice',
    '.product-single__price',
    'form[action*="/cart/add"] [itemprop="price"]',
    '.product__price:not(.product__price--compare)',
    '.price__regular .price-item--regular',
    '.product-meta__price .price:not(.price--compare)',
    'form[action*="/cart/add"] .money',
  ],
  brand: ['.product__vendor', '.product-single__vendor', '.product-vendor', '.product-meta__vendor'],
});

export const shopify: ShopAdapter = { id: base.id, detect, kind: base.kind, product: base.product };
