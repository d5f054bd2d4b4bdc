import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/engine/classify.ts';

describe('classify', () => {
  it.each([
    ['Apple MacBook Air 13" M2 256GB', 'Electronics > Computers > Laptops'],
    ['Lenovo ThinkPad X1 Carbon Notebook', 'Electronics > Computers > Laptops'],
    ['Ordinateur portable HP 15 pouces', 'Electronics > Computers > Laptops'],
    ['Dell 27 Zoll Monitor S2721H', 'Electronics > Video > Computer Monitors'],
    ['Apple iPhone 15 Pro 128 GB', 'Electronics > Communications > Telephony > Mobile Phones'],
    ['Samsung 55" QLED Fernseher', 'Electronics > Video > Televisions'],
    ['Herren T-Shirt aus Bio-Baumwolle', 'Apparel & Accessories > Clothing > Shirts & Tops'],
    ['Jean slim homme bleu', 'Apparel & Accessories > Clothing > Pants'],
    ['Lavazza Kaffeebohnen 1 kg', 'Food, Beverages & Tobacco > Beverages > Coffee'],
    ['Canapé 3 places en velours', 'Furniture > Sofas'],
    ['Pommes de terre 2,5 kg', 'Food, Beverages & Tobacco > Food Items > Fruits & Vegetables > Fresh & Frozen Vegetables'],
    ['Zapatillas de running', 'Apparel & Accessories > Shoes'],
    ['Staubsauger beutellos', 'Home & Garden > Household Appliances > Vacuums'],
  ])('%s → %s', (title, path) => {
    expect(classify({ title })?.category).toBe(path);
  });

  it('an accessory beats the device it fits', () => {
    expect(classify({ title: 'Apple iPhone 13 Hülle Silikon' })?.rule).toBe('phone-case');
    expect(classify({ title: 'Google Chromecast with Google TV (4K)' })?.rule).toBe('streaming');
  });

  it('a meat alternative is not meat', () => {
    expect(classify({ title: 'Quorn Meat Free Mince 300g' })?.rule).toBe('tofu');
  });

  it('the shop category outweighs the title', () => {
    const c = classify({ title: 'Levi\'s 505 (Water<Less)', category: 'Jeans' });
    expect(c?.rule).toBe('jeans');
  });

  it('returns the matched words and a confidence', () => {
    const c = classify({ title: 'Dell XPS 13 laptop', category: 'Laptops' })!;
    expect(c.matched).toEqual(expect.arrayContaining(['laptop', 'xps']));
    expect(c.confidence).toBeGreaterThan(0.5);
    expect(c.confidence).toBeLessThanOrEqual(1);
  });

  it('returns null for nothing recognisable', () => {
    expect(classify({ title: 'Gift card' })).toBeNull();
    expect(classify({})).toBeNull();
  });
});
