import { describe, expect, it } from 'vitest';
import { readOpenGraph } from '../../../src/extract/opengraph.ts';
import { quickShopCheck } from '../../../src/extract/quick-check.ts';
import { readPage } from '../../../src/extract/read-page.ts';
import { readMicrodata, readRdfa } from '../../../src/extract/structured.ts';
import { withDom } from './helpers.ts';

const ctx = { country: null };

describe('microdata tier', () => {
  it('reads itemprops, content attributes, meta/link and nested items', () => {
    const html = `<div itemscope itemtype="http://schema.org/Product">
      <h1 itemprop="name">Watch  PRW-3100</h1>
      <div itemprop="brand" itemscope itemtype="http://schema.org/Brand"><span itemprop="name">Casio</span></div>
      <meta itemprop="sku" content="14347"><meta itemprop="gtin13" content="4971850436577">
      <div itemprop="offers" itemscope itemtype="http://schema.org/Offer">
        <span itemprop="price" content="259.00">259,00 €</span><meta itemprop="priceCurrency" content="EUR">
        <link itemprop="availability" href="http://schema.org/InStock">
      </div></div>`;
    const r = withDom(html, (d, u) => readMicrodata(d, u, ctx));
    expect(r.product).toMatchObject({ title: 'Watch PRW-3100', brand: 'Casio', sku: '14347', gtin: '4971850436577', price: 259, currency: 'EUR', availability: 'InStock' });
  });

  it('reads a price from text when there is no content attribute', () => {
    const html = `<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Shoe</span>
      <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price">26,00 €</span><meta itemprop="priceCurrency" content="EUR"></div></div>`;
    expect(withDom(html, (d, u) => readMicrodata(d, u, ctx)).product?.price).toBe(26);
  });

  it('AggregateOffer with offers inside: the low price', () => {
    const html = `<div itemscope itemtype="http://schema.org/Product"><span itemprop="name">Tablets</span>
      <div itemprop="offers" itemscope itemtype="http://schema.org/AggregateOffer"><meta itemprop="lowPrice" content="5.29"><meta itemprop="highPrice" content="9.56"><meta itemprop="priceCurrency" content="GBP">
      <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="price" content="9.56"></div></div></div>`;
    const r = withDom(html, (d, u) => readMicrodata(d, u, ctx));
    expect(r.product).toMatchObject({ price: 5.29, currency: 'GBP' });
    expect(r.product?.knownPrices).toContain(9.56);
  });

  it('BreadcrumbList items with position and nested name', () => {
    const li = (pos: number, name: string) => `<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="/${pos}"><span itemprop="name">${name}</span></a><meta itemprop="position" content="${pos}"></li>`;
    const html = `<ol itemscope itemtype="https://schema.org/BreadcrumbList">${li(2, 'Cat')}${li(1, 'Home')}</ol>`;
    expect(withDom(html, (d, u) => readMicrodata(d, u, ctx)).product?.breadcrumbs).toEqual(['Home', 'Cat']);
  });

  it('carousel products inside the page product: the one holding the h1 wins', () => {
    const card = (n: string) => `<div itemscope itemtype="http://schema.org/Product"><span itemprop="name">${n}</span><div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="price" content="1"></div></div>`;
    const html = `<div itemscope itemtype="http://schema.org/Product"><h1 itemprop="name">Main Camera</h1><div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="price" content="34.99"></div>${card('Other A')}${card('Other B')}</div>`;
    const r = withDom(html, (d, u) => readMicrodata(d, u, ctx, { headings: ['main camera'], titles: [], h1s: Array.from(d.querySelectorAll('h1')) }));
    expect(r.identified).toBe(true);
    expect(r.product).toMatchObject({ title: 'Main Camera', price: 34.99 });
  });

  it('an itemprop named __proto__ is just a property', () => {
    const html = `<div itemscope itemtype="http://schema.org/Product"><span itemprop="__proto__">x</span><span itemprop="name">Safe</span></div>`;
    expect(withDom(html, (d, u) => readMicrodata(d, u, ctx)).product?.title).toBe('Safe');
    expect(Object.prototype).not.toHaveProperty('x');
  });
});

describe('RDFa Lite tier', () => {
  it('reads vocab / typeof / property, prefixed or not', () => {
    const html = `<div vocab="https://schema.org/" typeof="Product"><span property="name">Kettle</span><span property="brand" typeof="Brand"><span property="name">Boil</span></span>
      <div property="offers" typeof="Offer"><span property="schema:price" content="30.00">$30</span><meta property="priceCurrency" content="USD"><link property="availability" href="https://schema.org/OutOfStock"></div></div>`;
    expect(withDom(html, (d, u) => readRdfa(d, u, ctx)).product).toMatchObject({ title: 'Kettle', brand: 'Boil', price: 30, currency: 'USD', availability: 'OutOfStock' });
  });
});

describe('OpenGraph tier', () => {
  const og = (tags: Record<string, string>) =>
    `<html><head>${Object.entries(tags).map(([k, v]) => `<meta property="${k}" content="${v}">`).join('')}</head><body></body></html>`;

  it('product: namespace', () => {
    const r = withDom(og({ 'og:type': 'product', 'og:title': 'Steelbook', 'product:price:amount': '17.99', 'product:price:currency': 'USD', 'product:retailer_item_id': 'X1', 'product:availability': 'in stock', 'product:brand': 'FYE' }), (d) => readOpenGraph(d, ctx));
    expect(r.type).toBe('product');
    expect(r.product).toMatchObject({ title: 'Steelbook', price: 17.99, currency: 'USD', sku: 'X1', availability: 'InStock', brand: 'FYE' });
  });

  it('og:price:amount with a decimal comma, standard price as list price', () => {
    const r = withDom(og({ 'og:type': 'product', 'og:price:amount': '48,00', 'og:price:currency': 'EUR', 'og:price:standard_amount': '60,00' }), (d) => readOpenGraph(d, ctx));
    expect(r.product).toMatchObject({ price: 48, currency: 'EUR', listPrices: [60] });
  });

  it('article pages give no product title', () => {
    const r = withDom(og({ 'og:type': 'article', 'og:title': 'News' }), (d) => readOpenGraph(d, ctx));
    expect(r.product).toBeNull();
  });
});

describe('quickShopCheck', () => {
  it.each([
    ['JSON-LD naming a product', '<script type="application/ld+json">{"@type":"Product","name":"Lamp"}</script>', 'https://blog.example/', true],
    ['JSON-LD naming an offer in a graph', '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["http://schema.org/Offer"]}]}</script>', 'https://blog.example/', true],
    ['JSON-LD of an article only (news and recipe pages carry JSON-LD too)', '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Product launch"}</script>', 'https://blog.example/', false],
    ['og:type product', '<meta property="og:type" content="product">', 'https://x.example/', true],
    ['og:type Product.Item', '<meta property="og:type" content="Product.Item">', 'https://x.example/', true],
    ['og:type article', '<meta property="og:type" content="article">', 'https://x.example/', false],
    ['a product:price tag', '<meta property="product:price:amount" content="9.99">', 'https://x.example/', true],
    ['an og:price tag', '<meta property="og:price:amount" content="9.99">', 'https://x.example/', true],
    ['a Shopify CDN script', '<script src="https://cdn.shopify.com/s/files/1/theme.js"></script>', 'https://x.example/', true],
    ['a Magento script by a relative path', '<script src="static/version1/mage/cookies.js"></script>', 'https://x.example/', true],
    ['a script under /images/ is no Magento', '<script src="/images/app.js"></script>', 'https://x.example/', false],
    ['JSON-LD with a Shopify-looking src is read as JSON-LD', '<script type="application/ld+json" src="https://cdn.shopify.com/x.js">{"@type":"Article"}</script>', 'https://x.example/', false],
    ['microdata Product', '<div itemscope itemtype="https://schema.org/Product"></div>', 'https://x.example/', true],
    ['add-to-cart button', '<button id="add-to-cart-button">Add</button>', 'https://x.example/', true],
    ['price element', '<span class="product-price">€ 9</span>', 'https://x.example/', true],
    ['cart URL', '', 'https://x.example/cart', true],
    ['product path', '', 'https://x.example/products/lamp', true],
    ['plain article', '<article><p>Hello</p></article>', 'https://news.example/', false],
  ])('%s', (_name, body, url, want) => {
    expect(withDom(`<html><head><title>Hello</title></head><body>${body}</body></html>`, (d, u) => quickShopCheck(d, u), url)).toBe(want);
  });
});

describe('readPage kinds on snippets', () => {
  const page = (body: string, url: string) => withDom(`<html><head><title>T</title></head><body>${body}</body></html>`, (d) => readPage(d, url), url);
  it('cart and checkout by URL path', () => {
    expect(page('', 'https://shop.example/cart').kind).toBe('cart');
    expect(page('', 'https://shop.example/de/warenkorb/').kind).toBe('cart');
    expect(page('', 'https://shop.example/checkout/payment').kind).toBe('checkout');
    expect(page('', 'https://shop.example/kasse').kind).toBe('checkout');
  });
  it('checkout by payment fields', () => {
    expect(page('<form><input name="cardNumber"><input name="securityCode"></form>', 'https://shop.example/').kind).toBe('checkout');
  });
  it('a product page by JSON-LD', () => {
    const r = page('<h1>Lamp</h1><script type="application/ld+json">{"@type":"Product","name":"Lamp","offers":{"@type":"Offer","price":"10","priceCurrency":"EUR"}}</script>', 'https://shop.example/p/lamp');
    expect(r.kind).toBe('product');
    expect(r.product).toMatchObject({ title: 'Lamp', price: 10, currency: 'EUR' });
  });
  it('a listing (ItemList of Products) is other', () => {
    const r = page('<script type="application/ld+json">{"@type":"ItemList","itemListElement":[{"@type":"Product","name":"A"},{"@type":"Product","name":"B"},{"@type":"Product","name":"C"}]}</script>', 'https://shop.example/c/lamps');
    expect(r.kind).toBe('other');
  });
  it('a recipe page is other', () => {
    const r = page('<script type="application/ld+json">{"@type":"Recipe","name":"Cake","offers":{"@type":"Offer","price":"3"}}</script>', 'https://food.example/cake');
    expect(r.kind).toBe('other');
  });
  it('a bad URL is other', () => {
    expect(withDom('<p></p>', (d) => readPage(d, 'not a url')).kind).toBe('other');
  });
});
