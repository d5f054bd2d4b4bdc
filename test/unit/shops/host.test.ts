import { describe, expect, it } from 'vitest';
import { hostMatches } from '../../../src/shops/host.ts';
import { ADAPTERS, findAdapters, isKnownShopHost, SHOP_MATCH_PATTERNS } from '../../../src/shops/registry.ts';
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
