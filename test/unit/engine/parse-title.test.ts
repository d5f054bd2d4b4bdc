import { describe, expect, it } from 'vitest';
import { parseCondition, parseInches, parseMass, parsePackCount } from '../../../src/engine/parse-title.ts';

describe('parseMass', () => {
  it.each([
    ['Coffee 500 g', 0.5], ['Beer 6 x 330 ml', 1.98], ['Pasta 2 lb', 0.907], ['Mehl 1,5 kg', 1.5], ['Cereal 12 oz', 0.34], ['Cola 2L', 2], ['Water 0.5 l', 0.5], ['Tuna 5 oz can', 0.142],
  ])('%s → %f kg', (title, kg) => {
    expect(parseMass(title)!.kg).toBeCloseTo(kg, 2);
  });
  it('ignores storage sizes', () => expect(parseMass('iPhone 13 128GB')).toBeNull());
});

describe('parsePackCount', () => {
  it.each([['Socks pack of 3', 3], ['Socken 3er Pack', 3], ['Lot de 2 jeans', 2], ['3-Pack T-Shirts', 3], ['T-shirt', 1]])('%s → %d', (t, n) => {
    expect(parsePackCount(t)).toBe(n);
  });
});

describe('parseInches and parseCondition', () => {
  it.each([['Dell 27" monitor', 27], ['27-inch 4K', 27], ['LG 32 Zoll', 32], ['68,6 cm (27 Zoll)', 27], ['Lenovo IdeaPad 3 14 (V14)', null]])('%s → %s', (t, n) => {
    expect(parseInches(t)).toBe(n);
  });
  it.each([
    ['iPhone 12 (Renewed)', 'refurbished'], ['MacBook Pro generalüberholt', 'refurbished'], ['iPhone reconditionné', 'refurbished'], ['Used Xbox One', 'used'], ['iPhone 12', 'new'],
  ])('%s → %s', (t, c) => {
    expect(parseCondition(t)).toBe(c);
  });
});
