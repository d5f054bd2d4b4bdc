import type { Product } from '../types';
import { clean, MAX_TEXT, priceAfter } from './read';
import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';
import { SHOP_PATHS } from './paths';
import { textStart } from '../extract/bounded-text';

/**
 * Zalando's class names are generated and change between deploys, so the rules are structural:
 * the brand is the h3 just before the product h1, and the price is the first price after the h1
 * (sale price first, then the original; "alkaen 74,95 €" = from-price of the size range).
 */
function read(document: Document): Partial<Product> {
  const h1 = document.querySelector('h1');
  if (!h1) return {};
  const out: Partial<Product> = {};
  let scope: Element = h1;
  for (let i = 0; i < 4 && scope.parentElement; i++) {
    scope = scope.parentElement;
    if (!out.brand) {
      const h3 = scope.querySelector('h3');
      if (h3 && h3.compareDocumentPosition(h1) & 4) out.brand = clean(textStart(h3, MAX_TEXT)) || null;
    }
  }
  const price = priceAfter(h1, scope, { currencyHint: 'EUR' });
  if (price) {
    out.price = price.price;
    out.currency = price.currency;
  }
  return out;
}

export const zalando = simpleAdapter({
  id: 'zalando',
  hosts: SHOP_HOSTS.zalando,
  paths: SHOP_PATHS.zalando,
  title: ['h1'],
  price: [],
  extra: read,
});
