/**
 * The markup shortcut (read-product.ts startProduct, read-page.ts 1b): when JSON-LD (else microdata)
 * settles the product and no shop adapter applies, the DOM tiers, the payment-field check and the order
 * readers are not asked. Asserted by what the reading says, never by timing: each page below shows a
 * price that the visual tier would have picked over the markup if it had run.
 */
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../src/extract/read-page.ts';
import { readProduct, startProduct } from '../../../src/extract/read-product.ts';
import { withDom } from './helpers.ts';

const ld = (product: object): string => `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', ...product })}</script>`;
const lamp = (price: number | string, extra: object = {}) => ld({ '@type': 'Product', name: 'Oak lamp', brand: 'Acme', sku: 'L-1', offers: { '@type': 'Offer', price, priceCurrency: 'EUR' }, ...extra });
/** A buy box showing another amount than the markup: the visual tier's answer, when it runs. */
const BUY_BOX = '<main><h1>Oak lamp</h1><span class="price">€ 79,00</span><button>Add to cart</button></main>';
const crumbs = ld({ '@type': 'BreadcrumbList', itemListElement: [{ '@type': 'ListItem', position: 1, name: 'Home' }, { '@type': 'ListItem', position: 2, name: 'Lamps' }] });

function read(body: string, url = 'https://shop.example/p/oak-lamp', head = '') {
  return withDom(`<html><head><title>Oak lamp | Shop</title>${head}</head><body>${body}</body></html>`, (d) => readPage(d, url), url);
}

describe('a product the markup settles', () => {
  const cases: Array<[string, string, string, number, string]> = [
    ['JSON-LD with name, price and currency', `${lamp(99)}${crumbs}${BUY_BOX}`, '', 99, 'json-ld'],
    ['JSON-LD price as text', `${lamp('99.00')}${crumbs}${BUY_BOX}`, '', 99, 'json-ld'],
    ['OpenGraph naming the same price', `${lamp(99)}${crumbs}${BUY_BOX}`, '<meta property="product:price:amount" content="99"><meta property="product:price:currency" content="EUR">', 99, 'json-ld'],
    [
      'microdata when JSON-LD has none',
      `<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Oak lamp</span><span itemprop="brand">Acme</span><meta itemprop="sku" content="L-1">
        <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="price" content="99"><meta itemprop="priceCurrency" content="EUR"></div></div>${crumbs}${BUY_BOX}`,
      '',
      99,
      'microdata',
    ],
  ];
  it.each(cases)('%s: the markup price stands, the buy box is not read', (_name, body, head, price, tier) => {
    const r = read(body, undefined, head);
    expect(r.kind).toBe('product');
    expect(r.product).toMatchObject({ title: 'Oak lamp', price, currency: 'EUR' });
    const start = withDom(`<html><head>${head}</head><body>${body}</body></html>`, (d, u) => startProduct(d, u));
    expect(start.settled?.sources.price).toBe(tier);
  });

  it('a page with card fields is still the product page (the payment check is not asked)', () => {
    expect(read(`${lamp(99)}${crumbs}<form><input name="cardNumber"></form>`).kind).toBe('product');
  });

  it('other markup fills the fields JSON-LD lacks, as the full reading does', () => {
    const r = read(`${ld({ '@type': 'Product', name: 'Oak lamp', offers: { price: 99, priceCurrency: 'EUR' } })}<div itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Acme</span></div>
      <ol itemscope itemtype="https://schema.org/BreadcrumbList"><li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><span itemprop="name">Lights</span><meta itemprop="position" content="1"></li></ol>`);
    expect(r.product).toMatchObject({ price: 99, breadcrumbs: ['Lights'] });
  });
});

describe('the markup does not settle it: the visual tier still decides', () => {
  const cases: Array<[string, string, string, string]> = [
    ['OpenGraph names another price', `${lamp(99)}${crumbs}${BUY_BOX}`, '<meta property="og:type" content="product"><meta property="product:price:amount" content="79"><meta property="product:price:currency" content="EUR">', 'https://shop.example/p/oak-lamp'],
    ['OpenGraph calls the JSON-LD price its list price', `${lamp(99)}${crumbs}${BUY_BOX}`, '<meta property="og:price:standard_amount" content="99"><meta property="product:price:currency" content="EUR">', 'https://shop.example/p/oak-lamp'],
    ['no currency', `${ld({ '@type': 'Product', name: 'Oak lamp', offers: { price: 99 } })}${crumbs}${BUY_BOX}`, '', 'https://shop.example/p/oak-lamp'],
    ['no price', `${ld({ '@type': 'Product', name: 'Oak lamp', offers: { priceCurrency: 'EUR' } })}${crumbs}${BUY_BOX}`, '', 'https://shop.example/p/oak-lamp'],
  ];
  it.each(cases)('%s', (_name, body, head, url) => {
    const r = read(body, url, head);
    expect(r.kind).toBe('product');
    expect(r.product?.price).toBe(79);
    expect(withDom(`<html><head>${head}</head><body>${body}</body></html>`, (d, u) => startProduct(d, u).settled, url)).toBeNull();
  });

  it('microdata, read for a field JSON-LD lacks, names another price: the full reading decides', () => {
    const body = `${ld({ '@type': 'Product', name: 'Oak lamp', offers: { price: 99, priceCurrency: 'EUR' } })}
      <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Oak lamp</span><span itemprop="brand">Acme</span>
      <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="price" content="89"><meta itemprop="priceCurrency" content="EUR"></div></div>`;
    const start = withDom(`<html><body>${body}</body></html>`, (d, u) => startProduct(d, u));
    expect(start.microdata?.product?.price).toBe(89);
    expect(start.settled).toBeNull();
  });

  it("a shop's own adapter is asked, whatever the markup says", () => {
    const url = 'https://www.amazon.com/dp/B000000001';
    const body = `<span id="productTitle">Oak lamp</span><div id="corePrice_feature_div"><span class="a-price"><span class="a-offscreen">$79.00</span></span></div>${lamp(99)}`;
    const r = read(body, url);
    expect(r.product).toMatchObject({ title: 'Oak lamp', price: 79 });
    expect(withDom(`<html><body>${body}</body></html>`, (d, u) => startProduct(d, u).settled?.sources.price, url)).toBe('adapter');
  });

  it('evaluation runs of chosen tiers read every tier (no shortcut)', () => {
    const body = `${lamp(99)}${crumbs}${BUY_BOX}`;
    const got = withDom(`<html><body>${body}</body></html>`, (d, u) => readProduct(d, u, { tiers: new Set(['json-ld', 'visual']) }));
    expect(got.product?.price).toBe(79);
  });
});

describe('orders come first when the page says it is one', () => {
  it('a thank-you page naming a product is read for its order', () => {
    const r = read(`<h1>Thank you for your order</h1>${lamp(99)}`, 'https://shop.example/checkout/thank-you');
    expect(r.kind).not.toBe('product');
  });
  it('an Order entity beside a product: no shortcut', () => {
    const order = ld({ '@type': 'Order', orderNumber: 'A-1', acceptedOffer: { '@type': 'Offer', itemOffered: { '@type': 'Product', name: 'Oak lamp' }, price: 99, priceCurrency: 'EUR' } });
    const got = withDom(`<html><body>${order}${lamp(99)}</body></html>`, (d, u) => startProduct(d, u));
    expect(got.jsonLd.types.has('Order')).toBe(true);
    expect(read(`${order}${lamp(99)}`).kind).toBe('order');
  });
});
