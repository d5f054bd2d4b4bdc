import { describe, expect, it } from 'vitest';
import { carKmEquivalent, DATA_VERSION, estimate } from '../../../src/engine/estimate.ts';
import type { Estimate } from '../../../src/types.ts';

function expectSourced(e: Estimate) {
  expect(e.kg).not.toBeNull();
  expect(e.low!).toBeLessThanOrEqual(e.kg!);
  expect(e.high!).toBeGreaterThanOrEqual(e.kg!);
  expect(e.factor).toBeGreaterThan(0);
  expect(e.factorUnit).toBeTruthy();
  expect(e.source).toBeTruthy();
  expect(e.category).toBeTruthy();
  expect(e.dataVersion).toBe(DATA_VERSION);
}

describe('estimate: methods on realistic inputs', () => {
  it('laptop: Boavizta median for the size', () => {
    const e = estimate({ title: 'Dell XPS 13 9310 Laptop, 13.4" FHD+' });
    expectSourced(e);
    expect(e.method).toBe('device');
    expect(e.kg).toBeGreaterThan(150);
    expect(e.kg).toBeLessThan(450);
    expect(e.inputs.sizeBand).toBe('13');
    expect(e.comparison).toMatch(/laptop/);
  });

  it('27-inch monitor', () => {
    const e = estimate({ title: 'Dell UltraSharp U2720Q 27-inch 4K Monitor' });
    expectSourced(e);
    expect(e.inputs.screenInches).toBe(27);
    expect(e.kg).toBeGreaterThan(400);
    expect(e.kg).toBeLessThan(800);
  });

  it('iPhone', () => {
    const e = estimate({ title: 'Apple iPhone 13 128GB Midnight' });
    expectSourced(e);
    expect(e.method).toBe('device');
    expect(e.kg).toBeGreaterThan(40);
    expect(e.kg).toBeLessThan(100);
    expect(e.hint).toMatch(/refurbished/i);
  });

  it('cotton T-shirt: Ecobalyse mass x DESNZ clothing, fibre noted', () => {
    const e = estimate({ title: 'Organic Cotton T-Shirt' });
    expectSourced(e);
    expect(e.method).toBe('garment');
    expect(e.kg).toBeCloseTo(0.17 * 22.31, 1);
    expect(e.inputs.fibre).toBe('organic cotton');
    expect(e.source).toMatch(/Ecobalyse/);
    expect(e.source).toMatch(/DESNZ/);
  });

  it('jeans', () => {
    const e = estimate({ title: "Levi's 501 Original Fit Jeans" });
    expect(e.method).toBe('garment');
    expect(e.kg).toBeCloseTo(0.45 * 22.31, 1);
  });

  it('500 g coffee', () => {
    const e = estimate({ title: 'Lavazza Espresso ground coffee 500 g' });
    expectSourced(e);
    expect(e.method).toBe('food');
    expect(e.kg).toBeCloseTo(0.5 * 16.5, 1);
    expect(e.inputs.massKg).toBe(0.5);
  });

  it('6 x 330 ml beer', () => {
    const e = estimate({ title: 'Craft lager beer 6 x 330 ml' });
    expectSourced(e);
    expect(e.inputs.massKg).toBeCloseTo(1.98, 2);
    expect(e.kg).toBeCloseTo(1.98 * 1.1, 1);
  });

  it('a sofa via spend: EUR → USD → 2022 USD → without German VAT → EPA factor', () => {
    const e = estimate({ title: 'Sofa 3-Sitzer Samt', price: 899, currency: 'EUR', site: 'www.example.de', date: '2024-05-01' });
    expectSourced(e);
    expect(e.method).toBe('spend');
    expect(e.inputs.naics).toBe('337121');
    expect(e.inputs.vatRate).toBe(0.19);
    expect(e.inputs.year).toBe(2024);
    const usd = 899 / 0.924128;
    const usd2022 = usd * 292.655 / 313.689;
    expect(e.inputs.usdNet).toBeCloseTo(usd2022 / 1.19, 1);
    expect(e.high! / e.kg!).toBeCloseTo(2, 1);
    expect(e.low! / e.kg!).toBeCloseTo(0.5, 1);
  });

  it('US shops: no VAT removed', () => {
    const e = estimate({ title: 'Upholstered sofa', price: 1000, currency: 'USD', site: 'www.example.com', date: '2022-06-01' });
    expect(e.inputs.vatRate).toBe(0);
    expect(e.inputs.usdNet).toBeCloseTo(1000, 5);
  });

  it('food without a pack size falls back to the price', () => {
    const e = estimate({ title: 'Fairtrade ground coffee', price: 7.99, currency: 'GBP', site: 'shop.example.co.uk' });
    expect(e.method).toBe('spend');
    expect(e.inputs.vatRate).toBe(0);
    expect(e.note).toMatch(/pack size/);
  });
});

describe('estimate: unknown stays unknown', () => {
  it('no category and no price', () => {
    const e = estimate({ title: 'Gift card' });
    expect(e).toMatchObject({ kg: null, low: null, high: null, method: 'unknown' });
    expect(e.note).toMatch(/not recognised/);
  });
  it('a spend-only category without a price', () => {
    const e = estimate({ title: 'Cordless hammer drill' });
    expect(e.kg).toBeNull();
    expect(e.category).toMatch(/Drills/);
    expect(e.note).toMatch(/no price/);
  });
  it('food with neither pack size nor price', () => {
    expect(estimate({ title: 'Organic bananas' }).kg).toBeNull();
  });
  it('an unknown currency', () => {
    expect(estimate({ title: 'Sofa', price: 100, currency: 'XYZ' }).kg).toBeNull();
  });
});

describe('estimate: quantity, packs, second-hand', () => {
  it('quantity multiplies', () => {
    const one = estimate({ title: 'Apple iPhone 13' });
    const two = estimate({ title: 'Apple iPhone 13', quantity: 2 });
    expect(two.kg).toBeCloseTo(one.kg! * 2, 5);
    expect(Math.abs(two.high! - one.high! * 2)).toBeLessThan(2);
  });
  it.each(['Socks pack of 3', 'Socken 3er Pack', 'Chaussettes lot de 3'])('%s counts three pairs', (title) => {
    const e = estimate({ title });
    expect(e.kg).toBeCloseTo(3 * 0.043 * 22.31, 1);
  });
  it('a pack price is not multiplied again', () => {
    const one = estimate({ title: 'Sofa', price: 500, currency: 'USD' });
    const pack = estimate({ title: 'Sofa pack of 2', price: 500, currency: 'USD' });
    expect(pack.kg).toBe(one.kg);
  });
  it('refurbished devices keep only the non-manufacturing part plus refurbishing', () => {
    const n = estimate({ title: 'Apple iPhone 13 128GB' });
    for (const e of [estimate({ title: 'Apple iPhone 13 128GB (Renewed)' }), estimate({ title: 'iPhone 13 generalüberholt' }), estimate({ title: 'iPhone 13', condition: 'used' })]) {
      expect(e.kg!).toBeLessThan(n.kg! * 0.5);
      expect(e.note).toMatch(/manufacturing/);
    }
  });
  it('second-hand clothing uses the DESNZ re-use factor', () => {
    const e = estimate({ title: 'Used denim jacket' });
    expect(e.kg!).toBeLessThan(0.5);
    expect(e.factorUnit).toMatch(/re-used/);
  });
});

describe('equivalents and speed', () => {
  it('carKmEquivalent uses the DESNZ average car', () => {
    expect(carKmEquivalent(16.6)).toBeCloseTo(100, 0);
  });
  it('estimate() takes well under 0.5 ms', () => {
    const input = { title: 'Dell UltraSharp U2720Q 27-inch 4K Monitor', brand: 'Dell', category: 'Computer monitors', price: 549, currency: 'EUR' };
    for (let i = 0; i < 200; i++) estimate(input);
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) estimate(input);
    expect((performance.now() - t0) / 2000).toBeLessThan(0.5);
  });
});
