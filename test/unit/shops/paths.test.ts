import { describe, expect, it } from 'vitest';
import { SHOP_HOSTS } from '../../../src/shops/hosts.ts';
import { kindFromPaths, SHOP_PATHS, shopPathKind } from '../../../src/shops/paths.ts';
import { ADAPTERS } from '../../../src/shops/registry.ts';

describe('shopPathKind', () => {
  // Which shop a host belongs to; each shop's own rules are tested with its adapter (adapters.test.ts).
  const cases: Array<[string, string | null]> = [
    ['https://www.amazon.de/-/en/s?k=katzenfutter', 'other'],
    ['https://smile.amazon.co.uk/gp/product/B004SNMXRS', 'product'],
    ['https://www.amazon.com/', null],
    ['https://www.ebay.co.uk/sch/i.html?_nkw=kettle', 'other'],
    ['https://cart.ebay.co.uk/sc/view', 'cart'],
    ['https://www.ebay.com/itm/302474151804', 'product'],
    ['https://www.zalando.ie/mustang-winter-boots-graphit-mu312m00l-c11.html', 'product'],
    ['https://www.zalando.ie/cart/', 'cart'],
    ['https://www.johnlewis.com/search?search-term=kettle', 'other'],
    ['https://www.bestbuy.ca/en-ca/category/laptops/20352', 'other'],
    // Suffix rules on the parsed hostname, never substrings.
    ['https://notamazon.com/s?k=drill', null],
    ['https://amazon.com.evil.net/s?k=drill', null],
    ['https://shop.example/search?q=kettle', null],
  ];
  it.each(cases)('%s -> %s', (url, want) => {
    expect(shopPathKind(new URL(url))).toBe(want);
  });
});

describe('SHOP_PATHS data', () => {
  it('has rules for exactly the shops of the hosts data, sorted as it is, each with a product rule', () => {
    expect(Object.keys(SHOP_PATHS)).toEqual(Object.keys(SHOP_HOSTS));
    for (const [shop, rules] of Object.entries(SHOP_PATHS)) {
      expect(rules.some(([, kind]) => kind === 'product'), shop).toBe(true);
      expect(new Set(rules.map(([re]) => re.source)).size, shop).toBe(rules.length);
    }
  });

  it('is what each shop adapter answers, so the gate and the reader agree', () => {
    const urls = ['/', '/s?k=x', '/search?q=x', '/cart', '/basket', '/checkout', '/p/123', '/dp/B07C8KMQQ6', '/itm/1', '/sch/i.html', '/gp/bestsellers/x'];
    for (const [shop, hosts] of Object.entries(SHOP_HOSTS)) {
      const adapter = ADAPTERS.find((a) => a.id === shop)!;
      for (const path of urls) {
        const url = new URL(`https://www.${hosts[0]}${path}`);
        expect(adapter.kind?.(null as unknown as Document, url) ?? null, `${shop} ${path}`).toBe(kindFromPaths(SHOP_PATHS[shop as keyof typeof SHOP_PATHS], url));
        expect(shopPathKind(url), `${shop} ${path}`).toBe(kindFromPaths(SHOP_PATHS[shop as keyof typeof SHOP_PATHS], url));
      }
    }
  });
});
