/** The order gate reads the title and the first heading's first words, never a whole page or heading. */
import { describe, expect, it } from 'vitest';
import { mayBeOrderPage } from '../../../src/orders/gate.ts';

function doc(title: string, h1: string): Document {
  const d = document.implementation.createHTMLDocument(title);
  const h = d.createElement('h1');
  h.textContent = h1;
  d.body.appendChild(h);
  return d;
}

describe('mayBeOrderPage', () => {
  const cases: Array<[string, string, string, string, boolean]> = [
    ['thank-you path', 'Shop', 'Hello', 'https://shop.example/checkout/thank-you', true],
    ['cart path', 'Thank you for your order', 'Thank you for your order', 'https://shop.example/cart', false],
    ['wording in the heading', 'Shop', 'Thank you for your order!', 'https://shop.example/x', true],
    ['wording in the heading after indentation', 'Shop', `\n${' '.repeat(300)}Thank you for your order`, 'https://shop.example/x', true],
    ['a product heading', 'Oak table | Shop', 'Oak table', 'https://shop.example/p/1', false],
  ];
  it.each(cases)('%s', (_name, title, h1, url, want) => {
    expect(mayBeOrderPage(doc(title, h1), new URL(url))).toBe(want);
  });

  it('a 10 MB heading is read no further than its first words', () => {
    const d = doc('Shop', `${'Oak table '.repeat(1_000_000)}Thank you for your order`);
    // The wording sits 10 MB in: past what the gate reads, so not an order signal.
    expect(mayBeOrderPage(d, new URL('https://shop.example/p/1'))).toBe(false);
    expect(mayBeOrderPage(doc('Shop', `Thank you for your order ${'x'.repeat(10_000_000)}`), new URL('https://shop.example/p/1'))).toBe(true);
  });
});
