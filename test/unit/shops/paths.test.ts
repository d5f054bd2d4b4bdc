import { describe, expect, it } from 'vitest';
import { SHOP_HOSTS } from '../../../src/shops/hosts.ts';
import { kindFromPaths, SHOP_PATHS, shopPathKind } from '../../../src/shops/paths.ts';
import { ADAPTERS } from '../../../src/shops/registry.ts';

describe('shopPathKind', () => {
  const cases: Array<[string, string | null]> = [
    ['https://www.amazon.com/dp/B07C8KMQQ6', 'product'],
    ['https://www.amazon.de/-/en/dp/B00CYG4J5U', 'product'],
    ['https://www.amazon.com/s?k=drill', 'other'],
    ['https://www.amazon.de/-/en/s?k=katzenfutter', 'other'],
    ['https://www.amazon.com/Best-Sellers-Tools-Home-Improvement/zgbs/hi', 'other'],
    ['https://www.amazon.de/gp/bestsellers/ce-de', 'other'],
    ['https://www.amazon.com/gp/your-account/order-details?orderID=113-1625648-3437067', 'other'],
    ['https://www.amazon.com/-/zh_TW/gp/cart/view.html', 'cart'],
    ['https://www.amazon.co.uk/gp/buy/spc/handlers/display.html', 'checkout'],
    ['https://www.amazon.com/', null],
    ['https://www.ebay.co.uk/sch/i.html?_nkw=kettle', 'other'],
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
