/**
 * Generators for hostile shop pages: small documents that carry every kind of markup a page can lie in
 * (JSON-LD, microdata, RDFa, OpenGraph, visible text), filled with the nastiest values we know of.
 * Documents are built with DOM APIs in one shared happy-dom window (createHTMLDocument), not a new
 * Window per page: that keeps ten thousand pages within seconds.
 */
import fc from 'fast-check';

/** Strings a page can put in a product name, a brand, a breadcrumb... */
export const NASTY_PIECES = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg/onload=alert(1)>',
  '</script><script>alert(2)</script>',
  '<!--',
  ']]>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '__proto__',
  'constructor',
  'prototype',
  'polluted',
  '\u202E', // right-to-left override
  '\u202D',
  '\u200F', // right-to-left mark
  '\u200B', // zero-width space
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u0000',
  '\u0007',
  '\uD800', // lone surrogate
  '\uDFFF',
  '\u{1F600}',
  'ﷺ',
  'שלום',
  'مرحبا',
  'Ａｐｐｌｅ',
  'e\u0301\u0301\u0301\u0301',
  'NaN',
  'Infinity',
  'undefined',
  'null',
  '$',
  '€',
  '£',
  '1e309',
  '\n\t\r',
  ' '.repeat(40),
  'Laptop',
  'T-shirt cotton',
  'Coffee beans 1 kg',
  'Oak table',
  'iPhone 13 128GB',
];

export const nastyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...NASTY_PIECES), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 6 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_PIECES) },
);

/** Absurd prices, as raw JSON tokens (some deliberately not valid JSON) and as text. */
export const PRICE_TOKENS = ['NaN', 'Infinity', '-Infinity', '1e308', '-1e308', '1e309', '-5', '-0', '0', '5e-324', '0.1', '19.99', '1' + '9'.repeat(400), '9'.repeat(25), '0x1F', '1_000'];
export const PRICE_TEXTS = [
  'NaN',
  'Infinity',
  '1e308',
  '1e309',
  '-5',
  '−5',
  '9'.repeat(400),
  '1'.repeat(30) + '.99',
  '$1,234.56',
  '1.234,56 €',
  '£48.99',
  '19,50 CHF',
  '12.99 - 19.99',
  'from $0',
  '$-0.00',
  '¥1e9',
  '₹ 1,00,000',
  'Free',
  '',
  ' ',
  '$',
  '٣٤٥٫٦٧ ر.س',
  '１２３４円',
  '1.2.3.4',
  '1,2,3,4',
  '0.' + '0'.repeat(300) + '1',
  'USD 1e-400',
];

export const priceText: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...PRICE_TEXTS), fc.string({ maxLength: 12 }), fc.double().map(String), fc.tuple(fc.constantFrom('$', '€', '£', 'USD ', 'EUR ', ''), fc.double({ noNaN: false }), fc.constantFrom('', ' €', ' kr', ' CHF')).map(([a, n, b]) => `${a}${n}${b}`));

const CURRENCY_VALUES = ['USD', 'EUR', 'GBP', 'usd', 'US$', '$', '€', 'XXX', 'ZZZ', 'EURO', '', '<b>', '__proto__', 'E\u200BUR'];

// ---------- JSON-LD ----------

/** A JSON-ish tree whose serialisation we control (own `__proto__` keys, raw number tokens, NaN). */
export type J = null | boolean | string | { num: string } | J[] | { obj: Array<[string, J]> };

export function serialize(j: J): string {
  if (j === null) return 'null';
  if (typeof j === 'boolean') return String(j);
  if (typeof j === 'string') return JSON.stringify(j);
  if (Array.isArray(j)) return `[${j.map(serialize).join(',')}]`;
  if ('num' in j) return j.num;
  return `{${j.obj.map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`).join(',')}}`;
}

const KEYS = ['@context', '@type', '@graph', '@id', 'name', 'offers', 'price', 'priceCurrency', 'lowPrice', 'highPrice', 'brand', 'sku', 'gtin13', 'gtin', 'mpn', 'category', 'itemListElement', 'item', 'position', 'availability', 'image', 'description', 'orderNumber', 'orderDate', 'acceptedOffer', 'itemOffered', 'orderedItem', 'orderQuantity', 'priceSpecification', 'hasVariant', 'isVariantOf', 'mainEntity', '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];
const TYPES = ['Product', 'Offer', 'AggregateOffer', 'BreadcrumbList', 'ListItem', 'Order', 'OrderItem', 'ItemList', 'WebPage', 'ProductGroup', 'schema:Product', 'http://schema.org/Product', 'https://schema.org/Offer', 'IndividualProduct', 'Thing', '__proto__', 'constructor'];

const num = (s: string): J => ({ num: s });
const priceJ: fc.Arbitrary<J> = fc.oneof(fc.constantFrom(...PRICE_TOKENS).map(num), fc.constantFrom(...PRICE_TEXTS), fc.double().map((d) => num(Number.isFinite(d) ? JSON.stringify(d) : String(d))), fc.constant(null), fc.constant({ obj: [['value', num('12')]] } as J));
const typeJ: fc.Arbitrary<J> = fc.oneof(fc.constantFrom(...TYPES), fc.array(fc.constantFrom(...TYPES), { maxLength: 3 }), nastyText, fc.constant(null), fc.constant(num('1')));
const textJ: fc.Arbitrary<J> = fc.oneof({ weight: 4, arbitrary: nastyText }, { weight: 1, arbitrary: fc.array(nastyText, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.constantFrom<J>(null, true, num('1e309'), { obj: [] }, { obj: [['name', 'x']] }) });

const { tree } = fc.letrec<{ tree: J; leaf: J }>((tie) => ({
  leaf: fc.oneof(nastyText, priceJ, fc.constant(null), fc.boolean()),
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.array(tie('tree'), { maxLength: 3 }),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), tie('tree')), { maxLength: 5 }).map((obj) => ({ obj })),
  ),
}));

const extras = fc.array(fc.tuple(fc.constantFrom(...KEYS), tree), { maxLength: 2 });

const offerJ: fc.Arbitrary<J> = fc
  .record({ type: fc.constantFrom('Offer', 'AggregateOffer', 'offer', 'schema:Offer'), price: priceJ, low: priceJ, currency: fc.oneof(fc.constantFrom(...CURRENCY_VALUES), nastyText), avail: fc.constantFrom('https://schema.org/InStock', 'OutOfStock', 'http://schema.org/Discontinued', '<b>', ''), extra: extras })
  .map(({ type, price, low, currency, avail, extra }) => ({ obj: [['@type', type], ['price', price], ['lowPrice', low], ['priceCurrency', currency], ['availability', avail], ...extra] }));

const productJ: fc.Arbitrary<J> = fc
  .record({
    type: fc.oneof({ weight: 4, arbitrary: fc.constant<J>('Product') }, { weight: 1, arbitrary: typeJ }),
    name: textJ,
    brand: fc.oneof(textJ, textJ.map((n): J => ({ obj: [['@type', 'Brand'], ['name', n]] }))),
    offers: fc.oneof(offerJ, fc.array(offerJ, { maxLength: 3 }), tree),
    sku: textJ,
    gtin: fc.oneof(textJ, fc.constantFrom(...PRICE_TOKENS).map(num)),
    category: textJ,
    extra: extras,
  })
  .map(({ type, name, brand, offers, sku, gtin, category, extra }) => ({ obj: [['@context', 'https://schema.org'], ['@type', type], ['name', name], ['brand', brand], ['offers', offers], ['sku', sku], ['gtin13', gtin], ['category', category], ...extra] }));

const breadcrumbsJ: fc.Arbitrary<J> = fc.array(fc.tuple(textJ, fc.oneof(fc.nat(5).map((n) => num(String(n))), priceJ)), { maxLength: 5 }).map((items) => ({
  obj: [['@type', 'BreadcrumbList'], ['itemListElement', items.map(([name, pos]): J => ({ obj: [['@type', 'ListItem'], ['position', pos], ['name', name], ['item', { obj: [['@id', 'https://x.example/'], ['name', name]] }]] }))]],
}));

const orderJ: fc.Arbitrary<J> = fc
  .record({ id: textJ, date: fc.oneof(fc.constantFrom('2025-01-02', '2025-02-30', '9999-99-99', '', 'yesterday', '2025-01-02T10:00:00Z'), nastyText), total: priceJ, currency: fc.constantFrom(...CURRENCY_VALUES), lines: fc.array(fc.record({ name: textJ, price: priceJ, qty: fc.oneof(priceJ, fc.constantFrom(...PRICE_TOKENS).map(num)) }), { maxLength: 4 }) })
  .map(({ id, date, total, currency, lines }) => ({
    obj: [['@type', 'Order'], ['orderNumber', id], ['orderDate', date], ['price', total], ['priceCurrency', currency], ['acceptedOffer', lines.map((l): J => ({ obj: [['@type', 'Offer'], ['itemOffered', { obj: [['@type', 'Product'], ['name', l.name]] }], ['price', l.price], ['eligibleQuantity', { obj: [['value', l.qty]] }]] }))]],
  }));

const entityJ: fc.Arbitrary<J> = fc.oneof({ weight: 5, arbitrary: productJ }, { weight: 2, arbitrary: breadcrumbsJ }, { weight: 2, arbitrary: orderJ }, { weight: 1, arbitrary: offerJ }, { weight: 2, arbitrary: tree });
const blockJ: fc.Arbitrary<J> = fc.oneof(
  { weight: 4, arbitrary: entityJ },
  { weight: 2, arbitrary: fc.array(entityJ, { maxLength: 4 }).map((g): J => ({ obj: [['@context', 'https://schema.org'], ['@graph', g]] })) },
  { weight: 2, arbitrary: fc.array(entityJ, { maxLength: 4 }) },
);

/** Breaks valid JSON the ways real pages do (and a few they should not). */
const mutation = fc.oneof(
  { weight: 6, arbitrary: fc.constant((s: string) => s) },
  { weight: 1, arbitrary: fc.nat().map((n) => (s: string) => s.slice(0, n % (s.length + 1))) },
  { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.constantFrom(',', '}', ']', '{', '"', ':', ',,', '\\', '\u0000', 'NaN', '/* */', '<!--', '</script>', '\u2028')).map(([n, ins]) => (s: string) => s.slice(0, n % (s.length + 1)) + ins + s.slice(n % (s.length + 1))) },
  { weight: 1, arbitrary: fc.constantFrom((s: string) => `<!-- ${s} -->`, (s: string) => `${s},`, (s: string) => `${s}${s}`, (s: string) => `//<![CDATA[\n${s}\n//]]>`, (s: string) => s.replace(/"/g, "'"), (s: string) => `\uFEFF${s}`, (s: string) => `[${s},]`) },
);

export const jsonLdText: fc.Arbitrary<string> = fc.oneof({ weight: 8, arbitrary: fc.tuple(blockJ, mutation).map(([j, m]) => m(serialize(j))) }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 1, arbitrary: fc.json() });

// ---------- whole pages ----------

export interface PageSpec {
  url: string;
  title: string;
  bodyClass: string;
  jsonLd: string[];
  og: Array<[string, string]>;
  microdata: null | { type: string; props: Array<[string, string, boolean]>; nested: boolean };
  rdfa: null | { typeof: string; props: Array<[string, string]> };
  h1: string | null;
  price: string | null;
  breadcrumbs: string[];
  addToCart: boolean;
  order: null | { heading: string; id: string; lines: Array<[string, string, string]> };
}

export const URLS = [
  'https://www.amazon.com/Gorilla-6012110-Black-2-Pack-Piece/dp/B00N150YS4/',
  'https://www.ikea.com/gb/en/p/moeckelby-table-oak-00293772/',
  'https://www.etsy.com/es/listing/550571276/x',
  'https://www.ebay.com/itm/123456789',
  'https://shop.example/products/thing',
  'https://shop.example/',
  'https://unknown.example/blog/post',
  'https://www.amazon.com/gp/your-account/order-details?orderID=113-1625648-3437067',
  'https://shop.example/checkout',
  'https://shop.example/cart',
  'https://mail.example/inbox',
  'https://www.zalando.de/p/x-12345.html',
  'https://www.walmart.com/ip/123456',
];

const PROP_NAMES = ['name', 'price', 'priceCurrency', 'brand', 'sku', 'gtin13', 'category', 'offers', 'availability', 'lowPrice', '__proto__', 'constructor'];
const ITEMTYPES = ['https://schema.org/Product', 'http://schema.org/Offer', 'https://schema.org/Order', 'http://data-vocabulary.org/Product', 'https://schema.org/Product https://schema.org/Thing', '<img src=x>', ''];
const OG_KEYS = ['og:type', 'og:title', 'og:price:amount', 'og:price:currency', 'product:price:amount', 'product:price:currency', 'product:brand', 'product:availability', 'product:retailer_item_id', 'og:site_name', '__proto__'];

export const pageSpec: fc.Arbitrary<PageSpec> = fc.record({
  url: fc.constantFrom(...URLS),
  title: fc.oneof(nastyText, fc.constantFrom('Order confirmation', 'Your order', 'Warenkorb', 'Buy Oak table | Shop', '£48.99 Laptop')),
  bodyClass: fc.constantFrom('', 'woocommerce', 'catalog-product-view', '<x>'),
  jsonLd: fc.array(jsonLdText, { maxLength: 3 }),
  og: fc.array(fc.tuple(fc.constantFrom(...OG_KEYS), fc.oneof(nastyText, priceText, fc.constantFrom('product', 'product.item', 'USD', 'EUR'))), { maxLength: 5 }),
  microdata: fc.option(fc.record({ type: fc.constantFrom(...ITEMTYPES), props: fc.array(fc.tuple(fc.constantFrom(...PROP_NAMES), fc.oneof(nastyText, priceText), fc.boolean()), { maxLength: 6 }), nested: fc.boolean() })),
  rdfa: fc.option(fc.record({ typeof: fc.constantFrom('Product', 'schema:Product', 'Offer', 'Product Offer', '__proto__'), props: fc.array(fc.tuple(fc.constantFrom(...PROP_NAMES), fc.oneof(nastyText, priceText)), { maxLength: 5 }) })),
  h1: fc.option(nastyText),
  price: fc.option(priceText),
  breadcrumbs: fc.array(nastyText, { maxLength: 4 }),
  addToCart: fc.boolean(),
  order: fc.option(
    fc.record({
      heading: fc.constantFrom('Thank you for your order', 'Order placed, thanks!', 'Bestellbestätigung', 'Order #', '<b>Order</b>'),
      id: fc.oneof(fc.constantFrom('113-1625648-3437067', '#A-1', '', '__proto__'), nastyText),
      lines: fc.array(fc.tuple(nastyText, priceText, fc.constantFrom('1', '2', '0', '-1', '1e9', 'NaN', 'x')), { maxLength: 4 }),
    }),
    { freq: 4 },
  ),
});

function add(parent: Node, doc: Document, tag: string, attrs: Record<string, string> = {}, text?: string): HTMLElement {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  parent.appendChild(e);
  return e;
}

/** Builds the page with DOM APIs: every page string lands as text or an attribute value, as a parser would leave it. */
export function buildDocument(spec: PageSpec): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.title = spec.title;
  if (spec.bodyClass) doc.body.setAttribute('class', spec.bodyClass);
  for (const text of spec.jsonLd) add(doc.head, doc, 'script', { type: 'application/ld+json' }, text);
  for (const [k, v] of spec.og) add(doc.head, doc, 'meta', { property: k, content: v });
  if (spec.breadcrumbs.length) {
    const ol = add(add(doc.body, doc, 'nav', { 'aria-label': 'breadcrumb', class: 'breadcrumbs' }), doc, 'ol');
    for (const b of spec.breadcrumbs) add(add(ol, doc, 'li'), doc, 'a', { href: '/c' }, b);
  }
  const main = add(doc.body, doc, 'main');
  if (spec.h1 !== null) add(main, doc, 'h1', { id: 'productTitle' }, spec.h1);
  if (spec.price !== null) add(main, doc, 'span', { class: 'price a-price-whole' }, spec.price);
  if (spec.addToCart) add(main, doc, 'button', { id: 'add-to-cart-button', name: 'add-to-cart' }, 'Add to cart');
  if (spec.microdata) {
    const scope = add(main, doc, 'div', { itemscope: '', itemtype: spec.microdata.type });
    let target: HTMLElement = scope;
    if (spec.microdata.nested) target = add(scope, doc, 'div', { itemprop: 'offers', itemscope: '', itemtype: 'https://schema.org/Offer' });
    for (const [prop, value, asContent] of spec.microdata.props) {
      if (asContent) add(target, doc, 'meta', { itemprop: prop, content: value });
      else add(target, doc, 'span', { itemprop: prop }, value);
    }
  }
  if (spec.rdfa) {
    const scope = add(main, doc, 'div', { vocab: 'https://schema.org/', typeof: spec.rdfa.typeof });
    for (const [prop, value] of spec.rdfa.props) add(scope, doc, 'span', { property: prop, content: value }, value);
  }
  if (spec.order) {
    const sec = add(main, doc, 'section', { id: 'orderDetails' });
    add(sec, doc, 'h2', {}, spec.order.heading);
    add(sec, doc, 'p', {}, `Order # ${spec.order.id}`);
    const table = add(sec, doc, 'table', { class: 'order-items' });
    for (const [name, price, qty] of spec.order.lines) {
      const tr = add(table, doc, 'tr', { class: 'item' });
      add(tr, doc, 'td', { class: 'name' }, name);
      add(tr, doc, 'td', { class: 'qty' }, `Qty: ${qty}`);
      add(tr, doc, 'td', { class: 'price' }, price);
    }
    add(sec, doc, 'p', { class: 'total' }, `Order total: ${spec.order.lines[0]?.[1] ?? ''}`);
  }
  return doc;
}

/** A page holding only the given JSON-LD blocks (plus a shop-like URL, so every reader runs). */
export function jsonLdDocument(blocks: readonly string[]): Document {
  const doc = document.implementation.createHTMLDocument('');
  for (const text of blocks) add(doc.head, doc, 'script', { type: 'application/ld+json' }, text);
  add(doc.body, doc, 'h1', {}, 'x');
  return doc;
}
