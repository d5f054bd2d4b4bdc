import { describe, expect, it } from 'vitest';
import { parseJsonLd } from '../../../src/extract/json-ld.ts';
import { readJsonLd } from '../../../src/extract/structured.ts';
import { jsonLdPage, withDom } from './helpers.ts';

const ctx = { country: null };
const read = (...blocks: string[]) => withDom(jsonLdPage(...blocks), (d, u) => readJsonLd(d, u, ctx));

describe('JSON-LD tier', () => {
  it.each([
    ['plain Product with Offer', '{"@context":"https://schema.org","@type":"Product","name":"Lamp","brand":{"@type":"Brand","name":"Acme"},"sku":"L1","gtin13":"4006381333931","offers":{"@type":"Offer","price":"19.90","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}', { title: 'Lamp', brand: 'Acme', sku: 'L1', gtin: '4006381333931', price: 19.9, currency: 'EUR', availability: 'InStock' }],
    ['@graph', '{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},{"@type":"Product","name":"Chair","offers":{"@type":"Offer","price":49,"priceCurrency":"GBP"}}]}', { title: 'Chair', price: 49, currency: 'GBP' }],
    ['top-level array', '[{"@type":"Organization","name":"Shop"},{"@type":"Product","name":"Desk","offers":[{"@type":"Offer","price":"120.00","priceCurrency":"USD"}]}]', { title: 'Desk', price: 120, currency: 'USD' }],
    ['offers list: lowest is the from-price', '{"@type":"Product","name":"Jacket","offers":[{"@type":"Offer","price":"99.99","priceCurrency":"EUR"},{"@type":"Offer","price":"74.95","priceCurrency":"EUR"}]}', { price: 74.95 }],
    ['AggregateOffer lowPrice', '{"@type":"Product","name":"Tabs","offers":{"@type":"AggregateOffer","lowPrice":"5.29","highPrice":"9.56","priceCurrency":"GBP"}}', { price: 5.29, currency: 'GBP' }],
    ['priceSpecification array, unit price skipped, sale price wins', '{"@type":"Product","name":"Pens","offers":{"@type":"Offer","priceSpecification":[{"@type":"UnitPriceSpecification","price":"2.50","priceCurrency":"CHF","referenceQuantity":{"@type":"QuantitativeValue","value":"100","unitCode":"GRM"}},{"@type":"UnitPriceSpecification","price":"24.00","priceCurrency":"CHF","priceType":"https://schema.org/ListPrice"},{"@type":"UnitPriceSpecification","price":"19.50","priceCurrency":"CHF","priceType":"https://schema.org/SalePrice"}]}}', { price: 19.5, currency: 'CHF' }],
    ['priceSpecification object', '{"@type":"Product","name":"Pen","offers":{"@type":"Offer","priceSpecification":{"@type":"PriceSpecification","price":19.5,"priceCurrency":"CHF"}}}', { price: 19.5, currency: 'CHF' }],
    ['type as full URL and array', '{"@type":["http://schema.org/Product","Thing"],"name":"Mug","offers":{"@type":"http://schema.org/Offer","price":"8","priceCurrency":"USD","availability":"http://schema.org/OutOfStock"}}', { title: 'Mug', price: 8, availability: 'OutOfStock' }],
    ['lower-case type', '{"@type":"product","name":"Boot","offers":{"@type":"offer","price":"136.00","priceCurrency":"GBP"}}', { title: 'Boot', price: 136 }],
    ['ProductGroup hasVariant', '{"@type":"ProductGroup","name":"Tee","brand":"Brandy","hasVariant":[{"@type":"Product","sku":"T-L","offers":{"@type":"Offer","price":"25","priceCurrency":"EUR"}},{"@type":"Product","sku":"T-S","offers":{"@type":"Offer","price":"20","priceCurrency":"EUR"}}]}', { title: 'Tee', brand: 'Brandy', price: 20 }],
    ['entities in names', '{"@type":"Product","name":"Selfie Stick &amp; Tripod","offers":{"@type":"Offer","price":"9.99","priceCurrency":"EUR"}}', { title: 'Selfie Stick & Tripod' }],
    ['legacy currency code', '{"@type":"Product","name":"Glasses","offers":{"@type":"Offer","price":"249","priceCurrency":"RUR"}}', { currency: 'RUB' }],
    ['PreOrder counts as in stock, Discontinued as out', '{"@type":"Product","name":"X","offers":{"@type":"Offer","price":"1","availability":"https://schema.org/PreOrder"}}', { availability: 'InStock' }],
  ])('%s', (_name, block, want) => {
    const r = read(block);
    expect(r.identified).toBe(true);
    expect(r.product).toMatchObject(want);
  });

  it('breadcrumbs: sorted by position, names from name or item.name, product dropped as last crumb', () => {
    const crumbs = '{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":3,"item":{"@id":"/c/lamps","name":"Lamps"}},{"@type":"ListItem","position":1,"name":"Home"},{"@type":"ListItem","position":2,"name":"Lighting"},{"@type":"ListItem","position":4,"name":"Lamp"}]}';
    const r = read('{"@type":"Product","name":"Lamp","offers":{"@type":"Offer","price":"1"}}', crumbs);
    expect(r.product?.breadcrumbs).toEqual(['Home', 'Lighting', 'Lamps']);
  });

  it('a breadcrumb-only block still yields the trail', () => {
    const r = read('{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Home"},{"@type":"ListItem","position":2,"name":"Rugs"}]}');
    expect(r.product).toEqual({ breadcrumbs: ['Home', 'Rugs'] });
    expect(r.distinctProducts).toBe(0);
  });

  it('ItemList of Products is a listing, not a product', () => {
    const r = read('{"@type":"ItemList","itemListElement":[{"@type":"ListItem","position":1,"item":{"@type":"Product","name":"A"}},{"@type":"ListItem","position":2,"item":{"@type":"Product","name":"B"}}]}');
    expect(r.product).toBeNull();
    expect(r.listedProducts).toBe(2);
  });

  it('several distinct products that the page does not name: not identified', () => {
    const r = read('{"@type":"Product","name":"Alpha"}', '{"@type":"Product","name":"Beta"}', '{"@type":"Product","name":"Gamma"}');
    expect(r.identified).toBe(false);
    expect(r.distinctProducts).toBe(3);
  });

  it('several distinct products: the one the h1 names is the page product', () => {
    const html = `<html><body><h1>Beta Lamp</h1><script type="application/ld+json">[{"@type":"Product","name":"Alpha Lamp","offers":{"@type":"Offer","price":"5"}},{"@type":"Product","name":"Beta Lamp","offers":{"@type":"Offer","price":"7"}}]</script></body></html>`;
    const r = withDom(html, (d, u) => readJsonLd(d, u, ctx, { headings: ['beta lamp'], titles: [], h1s: [] }));
    expect(r.identified).toBe(true);
    expect(r.product?.price).toBe(7);
  });

  it('one Product per size (same name) is one product', () => {
    const r = read('{"@type":"Product","name":"Boots","sku":"1-35","offers":{"@type":"Offer","price":"69.95"}}', '{"@type":"Product","name":"Boots","sku":"1-36","offers":{"@type":"Offer","price":"69.95"}}');
    expect(r.distinctProducts).toBe(1);
    expect(r.product?.price).toBe(69.95);
  });

  it('products inside an Order are not the page product', () => {
    const r = read('{"@type":"Order","orderNumber":"1","acceptedOffer":{"@type":"Offer","itemOffered":{"@type":"Product","name":"Chromebook"},"price":"249.99"}}');
    expect(r.distinctProducts).toBe(0);
    expect(r.types.has('Order')).toBe(true);
  });

  it.each([
    ['trailing commas', '{"@type":"Product","name":"A","offers":{"@type":"Offer","price":"3",},}'],
    ['HTML comment wrapper', '<!-- {"@type":"Product","name":"A","offers":{"@type":"Offer","price":"3"}} -->'],
    ['CDATA wrapper', '//<![CDATA[\n{"@type":"Product","name":"A","offers":{"@type":"Offer","price":"3"}}\n//]]>'],
    ['raw newline in a string', '{"@type":"Product","name":"A\nB","offers":{"@type":"Offer","price":"3"}}'],
  ])('repairs %s', (_name, block) => {
    const r = read(block);
    expect(r.product?.price).toBe(3);
  });

  it('a broken block does not hide the others', () => {
    const r = read('{"@type": "Product", oops', '{"@type":"Product","name":"Good","offers":{"@type":"Offer","price":"2"}}');
    expect(r.product?.title).toBe('Good');
  });

  it('hostile __proto__ keys neither pollute nor break reading', () => {
    const r = read('{"__proto__":{"polluted":true},"@type":"Product","name":"P","constructor":{"prototype":{"x":1}},"offers":{"__proto__":{"price":"999"},"@type":"Offer","price":"4"}}');
    expect(r.product?.price).toBe(4);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('10,000-deep nesting does not throw', () => {
    const deep = '{"a":'.repeat(10_000) + '{"@type":"Product","name":"Deep"}' + '}'.repeat(10_000);
    expect(() => read(deep)).not.toThrow();
    const arrays = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(() => read(arrays)).not.toThrow();
  });

  it('skips blocks over 1 MB', () => {
    const big = `{"@type":"Product","name":"Big","description":"${'x'.repeat(1_100_000)}"}`;
    expect(read(big).product).toBeNull();
  });

  it('parseJsonLd gives undefined for hopeless text', () => {
    expect(parseJsonLd('not json at all')).toBeUndefined();
  });
});
