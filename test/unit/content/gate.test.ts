/**
 * The gate decides whether the page reader is loaded at all, so it must never hide a page the reader would
 * have read: checked on every shared page (needs ../shared) and on small hand-made pages.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, HAS_SHARED } from '../../shared.ts';
import { loadBenchmark, loadFixture, loadManifest, manifestUrl } from '../../../scripts/eval/pages.ts';
import { readerWanted } from '../../../src/content/gate.ts';
import { installReader, loadedReader } from '../../../src/content/reader-hook.ts';
import { quickShopCheck, readShopPage } from '../../../src/extract/read-page.ts';

/** What the content script read before the gate existed (runOnPage: quickShopCheck, then readShopPage). */
function contentKind(document: Document, url: string): string {
  const u = new URL(url);
  return quickShopCheck(document, u) ? readShopPage(document, u).kind : 'other';
}
import { withDom } from '../extract/helpers.ts';

describe('readerWanted on hand-made pages', () => {
  const cases: Array<[string, string, string, boolean]> = [
    ['a known shop home page without shop signals', '<title>Amazon.com. Spend less. Smile more.</title><h1>Deals</h1>', 'https://www.amazon.com/', false],
    ['an Amazon product URL', '<title>Something</title>', 'https://www.amazon.com/dp/B07C8KMQQ6', true],
    ['JSON-LD in the head', '<title>x</title><script type="application/ld+json">{"@type":"Product"}</script>', 'https://shop.example/', true],
    ['an order-confirmation path', '<title>x</title>', 'https://shop.example/checkout/thank-you', true],
    ['a thank-you heading', '<title>x</title><h1>Thank you for your order</h1>', 'https://shop.example/', true],
    ['a flight booking confirmation', '<title>Your booking is confirmed</title><h1>Booking confirmed</h1>', 'https://www.britishairways.com/', true],
    ['an article', '<title>How to bake bread</title><h1>Bread</h1><p>Flour, water.</p>', 'https://blog.example/bread', false],
    // A built-in shop's search, listing and cart paths: only an order can bring the reader in.
    ['an Amazon search page full of prices and buy buttons', '<title>Amazon.de: katzenfutter</title><span class="price">€12.99</span><button class="add-to-cart">Add to cart</button><script type="application/ld+json">{"@type":"Product"}</script>', 'https://www.amazon.de/-/en/s?k=katzenfutter', false],
    ['an eBay cart', '<title>Your eBay Shopping Cart</title><span class="price">£5</span>', 'https://cart.ebay.co.uk/sc/view', false],
    ["Amazon's order details, under its account path", '<title>Order Details</title>', 'https://www.amazon.com/gp/your-account/order-details?orderID=113-1625648-3437067', true],
    ['a listing path whose title names an invoice', '<title>Invoice 4711</title>', 'https://www.ebay.com/sch/i.html', true],
    ['a listing path with a thank-you heading', '<title>x</title><h1>Thank you for your order</h1>', 'https://www.walmart.com/browse/x', true],
    ['a listing path declaring an Order in JSON-LD', '<title>x</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Order","orderNumber":"1"}</script>', 'https://www.target.com/s?searchTerm=x', true],
    ['a listing path declaring an Order in microdata', '<title>x</title><div itemscope itemtype="https://schema.org/Order"></div>', 'https://www.walmart.com/search?q=x', true],
    ['a non-web URL', '<title>x</title><script type="application/ld+json">{}</script>', 'file:///tmp/x.html', false],
    ['an unparsable URL', '<title>x</title>', 'not a url', false],
  ];
  it.each(cases)('%s', (_name, html, url, want) => {
    expect(withDom(`<html><head>${html}</head><body></body></html>`, (doc) => readerWanted(doc, url), url.startsWith('http') ? url : 'https://x.example/')).toBe(want);
  });
});

describe('reader hand-over', () => {
  it('is empty until the reader installs itself, and a second copy does not replace the first', () => {
    const g = globalThis as Record<string, unknown>;
    delete g.__localFootprintReader;
    expect(loadedReader()).toBeNull();
    const first = { runOnPage: async () => ({ reading: null, shown: 'none' as const }) };
    installReader(first);
    installReader({ runOnPage: async () => ({ reading: null, shown: 'estimate' as const }) });
    expect(loadedReader()).toBe(first);
    delete g.__localFootprintReader;
  });
});

describe.skipIf(!HAS_SHARED)('readerWanted never hides what the reader finds (shared pages)', () => {
  it('lets through every manifest page read as a product or an order, and stops some of the others', () => {
    const lost: string[] = [];
    let stopped = 0;
    for (const p of loadManifest()) {
      const url = manifestUrl(p);
      const { document, close } = loadFixture(join(FIXTURES, 'pages', p.file), url);
      try {
        const kind = contentKind(document, url);
        const wanted = readerWanted(document, url);
        if ((kind === 'product' || kind === 'order') && !wanted) lost.push(`${p.file} (${kind})`);
        if (!wanted) stopped++;
      } finally {
        close();
      }
    }
    expect(lost).toEqual([]);
    // Wikipedia, a recipe blog, a search page and Amazon's bestseller lists need no reader.
    expect(stopped).toBeGreaterThanOrEqual(4);
  }, 120_000);

  it('lets through every product benchmark page the content script reads as a product', () => {
    const lost: string[] = [];
    for (const [id, t] of Object.entries(loadBenchmark())) {
      const { document, close } = loadFixture(join(FIXTURES, 'product-benchmark/html', `${id}.html.gz`), t.url);
      try {
        if (contentKind(document, t.url) === 'product' && !readerWanted(document, t.url)) lost.push(t.url);
      } finally {
        close();
      }
    }
    expect(lost).toEqual([]);
  }, 240_000);
});
