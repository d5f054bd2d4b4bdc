import { describe, expect, it } from 'vitest';
import { availabilityFrom } from '../../../src/extract/availability.ts';
import { mergeFields, pickPrice, type NamedFacts } from '../../../src/extract/merge.ts';
import { titleFromDocument } from '../../../src/extract/title.ts';
import { withDom } from './helpers.ts';

const adapter = (facts: NamedFacts['facts']): NamedFacts => ({ tier: 'adapter', facts });
const visual = (facts: NamedFacts['facts']): NamedFacts => ({ tier: 'visual', facts });
const jsonLd = (facts: NamedFacts['facts']): NamedFacts => ({ tier: 'json-ld', facts });
const og = (facts: NamedFacts['facts']): NamedFacts => ({ tier: 'opengraph', facts });

describe('price precedence', () => {
  it('an adapter price wins outright', () => {
    expect(pickPrice(adapter({ price: 53.11, currency: 'EUR' }), visual({ price: 1 }), [jsonLd({ price: 43.9, currency: 'EUR' })])).toMatchObject({ price: 53.11, tier: 'adapter' });
  });
  it('the visible price beats stale markup', () => {
    expect(pickPrice(adapter(null), visual({ price: 17.1, currency: 'EUR' }), [jsonLd({ price: 18, currency: 'EUR' })])).toMatchObject({ price: 17.1, currency: 'EUR', tier: 'visual' });
  });
  it('nor when the page also shows the markup price as a current price (the visual tier read another amount)', () => {
    expect(pickPrice(adapter(null), visual({ price: 7.95, currency: 'CHF' }), [jsonLd({ price: 2.25, currency: 'CHF' })], new Set([7.95, 2.25]))).toMatchObject({ price: 2.25, tier: 'json-ld' });
    expect(pickPrice(adapter(null), visual({ price: 17.1, currency: 'EUR' }), [jsonLd({ price: 18, currency: 'EUR' })], new Set([17.1]))).toMatchObject({ price: 17.1, tier: 'visual' });
  });
  it('but not when the markup names the visible price as another offer (the from-price stays)', () => {
    expect(pickPrice(adapter(null), visual({ price: 9.56 }), [jsonLd({ price: 5.29, currency: 'GBP', knownPrices: [5.29, 9.56] })])).toMatchObject({ price: 5.29, currency: 'GBP' });
  });
  it('nor when the visible price is the markup price with its decimal separator lost', () => {
    expect(pickPrice(adapter(null), visual({ price: 6307 }), [jsonLd({ price: 63.07, currency: 'RON' })])).toMatchObject({ price: 63.07 });
  });
  it('a markup list price yields to another tier\'s different price', () => {
    expect(pickPrice(adapter(null), visual(null), [jsonLd({ price: 150, currency: 'USD' }), og({ price: 120, currency: 'USD', listPrices: [150] })])).toMatchObject({ price: 120, tier: 'opengraph' });
  });
  it('the visible price takes the markup currency when it has none', () => {
    expect(pickPrice(adapter(null), visual({ price: 10 }), [jsonLd({ price: 10, currency: 'CHF' })])).toMatchObject({ price: 10, currency: 'CHF' });
  });
  it('no price anywhere', () => {
    expect(pickPrice(adapter(null), visual(null), [jsonLd({ title: 'x' })]).price).toBeNull();
  });
});

describe('field precedence', () => {
  it('first tier with a value wins, lower tiers fill gaps', () => {
    const { product, sources } = mergeFields([adapter({ title: 'Shown title' }), jsonLd({ title: 'Markup title', brand: 'Acme', breadcrumbs: [] }), og({ brand: 'Other', breadcrumbs: ['Home'] })]);
    expect(product).toMatchObject({ title: 'Shown title', brand: 'Acme', breadcrumbs: ['Home'] });
    expect(sources).toMatchObject({ title: 'adapter', brand: 'json-ld', breadcrumbs: 'opengraph' });
  });
});

describe('availability mapping', () => {
  it.each([
    ['http://schema.org/InStock', 'InStock'],
    ['https://schema.org/OutOfStock', 'OutOfStock'],
    ['instock', 'InStock'],
    ['out of stock', 'OutOfStock'],
    ['PreOrder', 'InStock'],
    ['https://schema.org/BackOrder', 'InStock'],
    ['SoldOut', 'OutOfStock'],
    ['http://schema.org/Discontinued', 'OutOfStock'],
    ['whatever', null],
  ])('%s → %s', (text, want) => {
    expect(availabilityFrom(text)).toBe(want);
  });
});

describe('document title fallback', () => {
  it.each([
    ['Tully Sconce | Pottery Barn', 'https://www.potterybarn.com/p', 'Pottery Barn', 'Tully Sconce'],
    ['KÄRCHER Hochdruckreiniger | OTTO', 'https://www.otto.de/p/x', null, 'KÄRCHER Hochdruckreiniger'],
    ['Shop - T-Shirt - Blue', 'https://shop.example/', null, 'T-Shirt'],
    ['Just a name', 'https://x.example/', null, 'Just a name'],
  ])('%s', (title, url, site, want) => {
    expect(withDom(`<html><head><title>${title}</title></head><body></body></html>`, (d, u) => titleFromDocument(d, u, site), url)).toBe(want);
  });
});
