import { describe, expect, it } from 'vitest';
import { hostMatches } from '../../../src/shops/host.ts';
import { ADAPTERS, findAdapters, hostAdapters, isKnownShopHost, platformAdapters, SHOP_MATCH_PATTERNS } from '../../../src/shops/registry.ts';
import { SHOP_HOSTS } from '../../../src/shops/hosts.ts';
import { CURRENCY_BY_HOST } from '../../../src/shops/amazon.ts';

describe('hostMatches', () => {
  const cases: Array<[string, string, boolean]> = [
    ['amazon.com', 'amazon.com', true],
    ['www.amazon.com', 'amazon.com', true],
    ['smile.amazon.com', 'amazon.com', true],
    ['WWW.Amazon.COM', 'amazon.com', true],
    ['www.amazon.com.', 'amazon.com', true],
    ['www.amazon.co.uk', 'amazon.co.uk', true],
    ['amazon.com.evil.net', 'amazon.com', false],
    ['notamazon.com', 'amazon.com', false],
    ['amazon.co.uk.attacker.io', 'amazon.co.uk', false],
    ['amazon.com.mx', 'amazon.com', false],
    ['www.amazon.com.mx', 'amazon.com.mx', true],
    ['amazoncom', 'amazon.com', false],
    ['', 'amazon.com', false],
    ['amazon.com', '', false],
  ];
  it.each(cases)('%s vs %s -> %s', (host, suffix, want) => {
    expect(hostMatches(host, suffix)).toBe(want);
  });
});

describe('registry', () => {
  it('knows the big shops and rejects look-alikes', () => {
    for (const h of ['www.amazon.de', 'www.ebay.co.uk', 'www.zalando.fi', 'www.jossandmain.com', 'www.bestbuy.ca']) expect(isKnownShopHost(h)).toBe(true);
    for (const h of ['amazon.com.evil.net', 'notamazon.com', 'amazon.co.uk.attacker.io', 'example.com']) expect(isKnownShopHost(h)).toBe(false);
  });

  it('takes every adapter host from the hosts data file, which is sorted by shop, unique and lower-case', () => {
    const fromAdapters = ADAPTERS.flatMap((a) => a.hosts ?? []);
    const fromData = Object.values(SHOP_HOSTS).flat();
    expect([...fromAdapters].sort()).toEqual([...fromData].sort());
    expect(Object.keys(SHOP_HOSTS)).toEqual(Object.keys(SHOP_HOSTS).sort());
    expect(new Set(fromData).size).toBe(fromData.length);
    for (const h of fromData) expect(h).toMatch(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/);
  });

  it('knows the currency of every Amazon storefront it runs on', () => {
    expect(CURRENCY_BY_HOST.map(([h]) => h).sort()).toEqual([...SHOP_HOSTS.amazon].sort());
  });

  it('has sorted, unique, well-formed match patterns', () => {
    expect([...SHOP_MATCH_PATTERNS].sort()).toEqual(SHOP_MATCH_PATTERNS);
    expect(new Set(SHOP_MATCH_PATTERNS).size).toBe(SHOP_MATCH_PATTERNS.length);
    for (const p of SHOP_MATCH_PATTERNS) expect(p).toMatch(/^\*:\/\/\*\.[a-z0-9-]+(?:\.[a-z0-9-]+)+\/\*$/);
    for (const h of ['amazon.com', 'amazon.co.uk', 'amazon.com.tr', 'ebay.ca', 'wayfair.com', 'hm.com']) expect(SHOP_MATCH_PATTERNS).toContain(`*://*.${h}/*`);
  });

  it('puts host adapters before detected platforms', () => {
    const document = new DOMParser().parseFromString('<head><meta name="shopify-digital-wallet" content="x"></head><body></body>', 'text/html');
    const ids = findAdapters(document, new URL('https://www.amazon.de/dp/B00CYG4J5U')).map((a) => a.id);
    expect(ids).toEqual(['amazon', 'shopify']);
    expect(findAdapters(document, new URL('https://shop.example/products/x')).map((a) => a.id)).toEqual(['shopify']);
  });
});

describe('host lookups by label suffix agree with hostMatches', () => {
  const hosts = ['www.amazon.co.uk', 'AMAZON.COM.', 'smile.amazon.com', 'amazon.com.mx', 'www.amazon.com.mx', 'amazon.com.evil.net', 'notamazon.com', 'www.jossandmain.com', 'm.ebay.de', 'zalando.fi', 'shop.example', 'localhost', '', 'co.uk'];
  it.each(hosts)('%s', (host) => {
    const bySuffixTest = ADAPTERS.filter((a) => (a.hosts ?? []).some((h) => hostMatches(host, h))).map((a) => a.id);
    expect(hostAdapters(new URL(`https://${host || 'x.invalid'}/`)).map((a) => a.id)).toEqual(host ? bySuffixTest : []);
    expect(isKnownShopHost(host)).toBe(bySuffixTest.length > 0);
  });
});

describe('platform signatures', () => {
  const doc = (head: string, body = ''): Document => new DOMParser().parseFromString(`<html><head>${head}</head><body ${body}></body></html>`, 'text/html');
  const cases: Array<[string, string, string, string, string[]]> = [
    ['Shopify meta tag in the head', '<meta name="shopify-checkout-api-token" content="x">', '', 'https://s.example/', ['shopify']],
    ['Shopify CDN script in the head', '<script src="//cdn.shopify.com/s/files/theme.js"></script>', '', 'https://s.example/', ['shopify']],
    ['a CDN look-alike is not Shopify', '<script src="https://evil.example/cdn.shopify.com.js"></script>', '', 'https://s.example/', []],
    ['WooCommerce by body class', '', 'class="single-product woocommerce"', 'https://w.example/', ['woocommerce']],
    ['WordPress without WooCommerce markup', '<link rel="stylesheet" href="/wp-content/themes/x/style.css">', '', 'https://w.example/', []],
    ['nothing', '<title>Plain</title>', '', 'https://p.example/', []],
  ];
  it.each(cases)('%s', (_name, head, bodyAttrs, url, want) => {
    expect(platformAdapters(doc(head, bodyAttrs), new URL(url)).map((a) => a.id)).toEqual(want);
  });
  it('WooCommerce price markup counts only where WordPress assets load', () => {
    const price = '<span class="woocommerce-Price-amount">9</span>';
    const wp = new DOMParser().parseFromString(`<html><head><script src="/wp-includes/js/jquery.js"></script></head><body>${price}</body></html>`, 'text/html');
    const other = new DOMParser().parseFromString(`<html><head></head><body>${price}</body></html>`, 'text/html');
    expect(platformAdapters(wp, new URL('https://w.example/')).map((a) => a.id)).toEqual(['woocommerce']);
    expect(platformAdapters(other, new URL('https://w.example/')).map((a) => a.id)).toEqual([]);
  });
});
