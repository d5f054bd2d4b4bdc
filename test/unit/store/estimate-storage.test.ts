import { describe, expect, it } from 'vitest';
import { DATA_VERSION } from '../../../src/data/generated/version';
import { estimate } from '../../../src/engine/estimate';
import { flightEstimate } from '../../../src/engine/flight';
import { compactEstimate } from '../../../src/store/compact-estimate';
import { citationOf, expandEstimate } from '../../../src/store/expand-estimate';
import type { ItemContext } from '../../../src/store/rederive';
import type { StoredEstimate } from '../../../src/store/records';
import type { Estimate, EstimateInput } from '../../../src/types';

const ctx = (title: string, over: Partial<ItemContext> = {}): ItemContext => ({ title, price: 100, currency: 'EUR', quantity: 1, date: '2026-03-03', shop: 'otto.de', ...over });
const inputOf = (c: ItemContext, over: Partial<EstimateInput> = {}): EstimateInput => ({ title: c.title, price: c.price, currency: c.currency, quantity: c.quantity, date: c.date, site: c.shop, ...over });

/** What a page shows: the whole estimate, without the view's own flag. */
function shown(s: StoredEstimate, c: ItemContext): Estimate {
  const { otherDataVersion: _, ...e } = expandEstimate(s, c);
  return e;
}

describe('estimates are stored compact and shown whole', () => {
  it.each<[string, Partial<ItemContext>]>([
    ['Lenovo IdeaPad 5 14" laptop, Ryzen 7, 16 GB RAM', {}],
    ['Samsung 55" QLED 4K Smart TV', { price: 599 }],
    ['Used Apple iPhone 12 64GB, refurbished', { price: 300, currency: 'GBP', shop: 'ebay.co.uk' }],
    ["Levi's 501 Original Fit Jeans", { quantity: 3 }],
    ['Wool blend winter coat, second hand', {}],
    ['Lavazza Qualità Rossa ground coffee 1 kg', { quantity: 2 }],
    ['Coca-Cola 6 x 330 ml cans', { price: 5 }],
    ['Eggs, free range, 12 pack', { price: 4 }],
    ['Wireless mouse', { price: 25 }],
    ['Paperback novel: The Midnight Library', { price: 10, currency: 'USD', shop: 'amazon.com' }],
    ['Dyson V8 cordless vacuum cleaner', { price: 299, currency: 'GBP', shop: 'amazon.co.uk', date: '2019-05-01' }],
    ['Something unclassifiable XJ-42', {}],
    ['Olive oil', { price: null }],
    ['Hand-added thing with no shop', { shop: 'manual', price: 12 }],
  ])('%s', (title, over) => {
    const c = ctx(title, over);
    const e = estimate(inputOf(c));
    const s = compactEstimate(e, c);
    expect(s.kept).toBeUndefined();
    expect(s).not.toHaveProperty('source');
    expect(s).not.toHaveProperty('inputs');
    if (e.source !== null) expect(JSON.stringify(s).length).toBeLessThan(JSON.stringify(e).length / 2);
    expect(shown(s, c)).toEqual(e);
    expect(citationOf(s, c)).toEqual({ factorUnit: e.factorUnit, source: e.source });
    // Unknown stays a state, never zero.
    if (e.kg === null) expect(s.kg).toBeNull();
  });

  it('a booking leg: passengers and all', () => {
    const c = ctx('Flight LHR → JFK (premium economy)', { quantity: 2, price: null, currency: null, shop: 'britishairways.com' });
    const one = flightEstimate('LHR', 'JFK', 'premium-economy');
    const e: Estimate = { ...one, kg: one.kg! * 2, low: one.low! * 2, high: one.high! * 2, inputs: { ...one.inputs, passengers: 2 } };
    const s = compactEstimate(e, c);
    expect(Object.keys(s)).toEqual(['kg', 'low', 'high', 'method', 'category', 'factor', 'dataVersion']);
    expect(shown(s, c)).toEqual(e);
  });

  it('a classification that came from the shop\'s breadcrumbs is pinned by its rule; what differs is stored', () => {
    const c = ctx('Acme ThinBook 14', { price: 899, currency: 'USD', shop: 'amazon.com' });
    const e = estimate(inputOf(c, { category: 'Laptops', breadcrumbs: ['Electronics', 'Computers', 'Laptops'] }));
    expect(e.category).toMatch(/Laptops/);
    const s = compactEstimate(e, c);
    expect(s.rule).toBe('laptop');
    expect(s.kept).toBeUndefined();
    // Only what the title alone does not give back: the words that matched (and the confidence when it differs).
    expect(Object.keys(s.inputs ?? {})).toContain('matched');
    expect(Object.keys(s.inputs ?? {}).every((k) => k === 'matched' || k === 'confidence')).toBe(true);
    expect(shown(s, c)).toEqual(e);
  });

  it('a category the user chose is pinned too', () => {
    const c = ctx("Levi's 501 Original jeans", { price: 89, currency: 'USD', shop: 'amazon.com' });
    const e = estimate(inputOf(c, { category: 'Home & Garden > Household Appliances' }));
    const s = compactEstimate(e, c);
    expect(s.kept).toBeUndefined();
    expect(shown(s, c)).toEqual(e);
  });

  it.each<[string, (e: Estimate) => Estimate, ItemContext?]>([
    ['made with other data', (e) => ({ ...e, dataVersion: '2025.01-old' })],
    ['figures the item does not give back (another price)', (e) => e, ctx('Dyson V8 cordless vacuum cleaner', { price: 555 })],
    ['a hand-made estimate', () => ({ kg: 3, low: 2, high: 4, method: 'manual', category: null, factor: null, factorUnit: null, source: 'my notes', dataVersion: DATA_VERSION, inputs: {} })],
  ])('kept whole when %s', (_name, change, other) => {
    const c = ctx('Dyson V8 cordless vacuum cleaner', { price: 299 });
    const e = change(estimate(inputOf(c)));
    const s = compactEstimate(e, other ?? c);
    expect(s.kept).toBe(true);
    expect(shown(s, other ?? c)).toEqual(e);
    expect(expandEstimate(s, other ?? c).otherDataVersion).toBe(e.dataVersion !== DATA_VERSION);
  });

  it('a compact estimate from an older data version: stored figures, the citation of this version\'s tables, and it says so', () => {
    const c = ctx('Dyson V8 cordless vacuum cleaner', { price: 299 });
    const s: StoredEstimate = { kg: 50, low: 25, high: 100, method: 'spend', category: 'Home & Garden > Household Appliances > Vacuums', factor: 0.2, dataVersion: '2025.01-old', rule: 'vacuum' };
    const e = expandEstimate(s, c);
    expect(e).toMatchObject({ kg: 50, low: 25, high: 100, method: 'spend', factor: 0.2, dataVersion: '2025.01-old', otherDataVersion: true });
    expect(e.source).toMatch(/US EPA.*NAICS 335210/);
    expect(e.factorUnit).toMatch(/kg CO2e/);
    const unknownMethod = expandEstimate({ ...s, method: 'device', rule: undefined }, c);
    expect(unknownMethod.source).toMatch(/Boavizta/);
  });

  it('what a user edits lives on the item, never only in the estimate: an edit re-estimates and compacts again', () => {
    const c = ctx('Lavazza Qualità Rossa ground coffee 1 kg', { quantity: 3 });
    const e = estimate(inputOf(c));
    expect(shown(compactEstimate(e, c), c).inputs.quantity).toBe(3);
  });
});
