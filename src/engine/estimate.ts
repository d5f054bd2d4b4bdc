import type { Estimate, EstimateInput } from '../types';
import { DATA_VERSION } from '../data/generated/version';
import { ruleOf, type Rule } from '../data/categories';
import { classify, type Classification } from './classify';
import { parseCondition, parsePackCount } from './parse-title';
import { deviceEstimate } from './methods/device';
import { garmentEstimate } from './methods/garment';
import { foodEstimate } from './methods/food';
import { referenceEstimate } from './methods/reference';
import { spendEstimate } from './methods/spend';
import { round, type MethodResult } from './methods/types';

export { DATA_VERSION };
export { carKmEquivalent } from './equivalents';

function unknown(input: EstimateInput, note: string, c: Classification | null): Estimate {
  return {
    kg: null, low: null, high: null, method: 'unknown', category: c?.category ?? null,
    factor: null, factorUnit: null, source: null, dataVersion: DATA_VERSION,
    inputs: { title: input.title, price: input.price ?? null, currency: input.currency ?? null, matched: c?.matched.join(', ') ?? null },
    note,
  };
}

/** The product-level method for a rule, when the title gives what it needs. */
function productLevel(rule: Rule, title: string, condition: ReturnType<typeof parseCondition>, pack: number): MethodResult | null {
  switch (rule.method) {
    case 'device': return deviceEstimate(rule.device, title, condition);
    case 'garment': return garmentEstimate(rule.garment, title, condition);
    case 'food': return foodEstimate(rule.food, title, pack);
    case 'reference': return referenceEstimate(rule.ref, condition);
    case 'spend': return null;
  }
}

/**
 * Footprint of a product or order line, on the device. Best method first: device (manufacturer
 * reports), garment (mass x material), food (per kg x pack), then spend (price x EPA factor).
 * Unknown stays unknown, with a note saying why.
 */
export function estimate(input: EstimateInput): Estimate {
  const title = input.title?.trim() ?? '';
  const c = classify(input);
  if (!c) {
    return unknown(input, input.price ? 'product kind not recognised, so no factor applies' : 'product kind not recognised and no price', null);
  }
  const rule = ruleOf(c.rule)!;
  const condition = parseCondition(title, input.condition);
  const pack = parsePackCount(title);
  const quantity = input.quantity && input.quantity > 0 ? input.quantity : 1;

  let r = productLevel(rule, title, condition, pack);
  // Food handles pack counts in its mass; other product-level methods count items.
  let units = r && rule.method !== 'food' ? quantity * pack : quantity;
  let fallback: string | null = null;
  if (!r) {
    if (input.price && input.price > 0) {
      r = spendEstimate({ naics: rule.naics, price: input.price, currency: input.currency, date: input.date, site: input.site, food: rule.method === 'food', condition });
      units = quantity; // the price already covers the whole pack
      if (rule.method !== 'spend') fallback = rule.method === 'food' ? 'no pack size in the title, so the price was used' : 'the product-level data did not apply, so the price was used';
    }
    if (!r) {
      const why = rule.method === 'food' ? 'no pack size in the title and no price' : input.price ? 'the price could not be converted' : 'no price, and no product-level data for this kind of product';
      return unknown(input, why, c);
    }
  }

  return {
    kg: round(r.kg * units),
    low: round(r.low * units),
    high: round(r.high * units),
    method: r.method,
    category: c.category,
    factor: round(r.factor),
    factorUnit: r.factorUnit,
    source: r.source,
    dataVersion: DATA_VERSION,
    inputs: {
      title: input.title,
      rule: c.rule,
      matched: c.matched.join(', '),
      confidence: c.confidence,
      quantity,
      packCount: pack,
      units,
      ...r.inputs,
    },
    comparison: r.comparison ?? null,
    hint: r.hint ?? null,
    note: [fallback, r.note].filter(Boolean).join('; ') || null,
  };
}
