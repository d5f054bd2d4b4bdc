/**
 * OpenGraph and the `product:` namespace (Facebook / Pinterest product pins):
 * og:type, og:title, product:price:amount + currency, og:price:amount, product:sale_price:*,
 * product:brand, product:availability, product:retailer_item_id, product:gtin / upc / ean.
 */
import { availabilityFrom } from './availability';
import { markupAmount, markupCurrency, type PriceContext } from './markup-price';
import { cleanText } from './schema-node';
import type { ProductFacts } from './types';

export interface OpenGraphReading {
  /** og:type, lower-case ("product", "product.item", "article", ...). */
  type: string | null;
  /** og:type product, or a product price tag: the tags describe a product on sale. */
  isProduct: boolean;
  title: string | null;
  siteName: string | null;
  product: ProductFacts | null;
}

const KEY = /^(?:og|product):/;
const MAX_METAS = 600;
const GTIN = /^\d{8,14}$/;

export function readOpenGraph(document: Document, ctx: PriceContext): OpenGraphReading {
  // The live <meta> collection filtered here is far cheaper than prefix attribute selectors over the whole tree.
  const metas = document.getElementsByTagName('meta');
  const tags = new Map<string, string>();
  const n = Math.min(metas.length, MAX_METAS);
  for (let i = 0; i < n; i++) {
    const m = metas[i]!;
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? '').trim().toLowerCase();
    if (!KEY.test(key) || tags.has(key)) continue;
    const content = m.getAttribute('content');
    if (content !== null) tags.set(key, content);
  }
  if (tags.size === 0) return { type: null, isProduct: false, title: null, siteName: null, product: null };
  const get = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = tags.get(k)?.trim();
      if (v) return v;
    }
    return null;
  };
  const type = get('og:type')?.toLowerCase() ?? null;
  const title = get('og:title');
  const facts: ProductFacts = {};
  const currencyText = get('product:sale_price:currency', 'product:price:currency', 'og:price:currency');
  const currency = markupCurrency(currencyText, ctx);
  const priceText = get('product:sale_price:amount', 'product:price:amount', 'og:price:amount', 'product:price', 'og:price');
  if (priceText) {
    const read = markupAmount(priceText, currency, ctx);
    if (read.amount !== null) facts.price = read.amount;
    const c = currency ?? read.currency;
    if (c) facts.currency = c;
  }
  const list = markupAmount(get('og:price:standard_amount', 'product:original_price:amount', 'product:retail_price:amount'), currency, ctx).amount;
  if (list !== null && list !== facts.price) facts.listPrices = [list];
  const brand = get('product:brand', 'og:brand');
  if (brand) facts.brand = cleanText(brand);
  const availability = availabilityFrom(get('product:availability', 'og:availability'));
  if (availability) facts.availability = availability;
  const sku = get('product:retailer_item_id', 'product:sku');
  if (sku) facts.sku = sku;
  const gtin = get('product:gtin', 'product:ean', 'product:upc', 'product:isbn')?.replace(/[\s-]/g, '');
  if (gtin && GTIN.test(gtin)) facts.gtin = gtin;
  const category = get('product:category');
  if (category) facts.category = cleanText(category);
  const isProduct = (type !== null && type.startsWith('product')) || facts.price !== undefined;
  if (isProduct && title) facts.title = cleanText(title);
  const hasFacts = Object.keys(facts).length > 0;
  return {
    type,
    isProduct,
    title: title ? cleanText(title) : null,
    siteName: get('og:site_name'),
    product: hasFacts ? facts : null,
  };
}
