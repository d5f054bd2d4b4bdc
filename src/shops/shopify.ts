import type { PageKind } from '../types';
import { simpleAdapter } from './simple';
import type { ShopAdapter } from './types';

const SHOPIFY_CDN_RE = /(?:^|\/\/)cdn\.shopify\.com\//;
const ANALYTICS_RE = /\bShopifyAnalytics\b|\bShopify\.theme\b/;
const PRODUCTS_PATH_RE = /\/products\/[^/]+\/?$/;

/** Shopify's own meta tags, and assets from its CDN (checked against SHOPIFY_CDN_RE below). */
const SIGNATURE = 'meta[name^="shopify-"],meta[id^="shopify-"],script[src*="cdn.shopify.com"],link[href*="cdn.shopify.com"]';
const MAX_ASSETS = 5;
const MAX_INLINE_SCRIPTS = 30;

/**
 * Shopify storefronts on their own domains: a meta tag or a CDN asset, and only on /products/ pages the
 * inline analytics bootstrap. Looked for in <head>, where every Shopify theme writes its meta tags,
 * CDN preconnects and theme scripts: a few dozen elements, where the body can hold tens of thousands.
 */
function detect(document: Document, url: URL): boolean {
  const head = document.head;
  if (!head) return false;
  const found = head.querySelectorAll(SIGNATURE);
  for (let i = 0, assets = 0; i < found.length; i++) {
    const el = found[i]!;
    if (el.tagName === 'META') return true;
    if (assets++ < MAX_ASSETS && SHOPIFY_CDN_RE.test(el.getAttribute('src') ?? el.getAttribute('href') ?? '')) return true;
  }
  if (!PRODUCTS_PATH_RE.test(url.pathname)) return false;
  for (const s of Array.from(document.querySelectorAll('head script:not([src])')).slice(0, MAX_INLINE_SCRIPTS)) {
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
