import type { Estimate, EstimateInput } from '../types';
import { DATA_VERSION } from '../data/generated/version';
import { ruleOf } from '../data/categories';
import { classify } from './classify';
import { parseCondition } from './parse-title';
import { spendEstimate } from './methods/spend';
import { round } from './methods/types';

/** The spend method alone (same classifier and NAICS map): the baseline the eval compares with. */
export function spendBaseline(input: EstimateInput): Estimate {
  const c = classify(input);
  const rule = c ? ruleOf(c.rule) : undefined;
  const r = rule && input.price
    ? spendEstimate({ naics: rule.naics, price: input.price, currency: input.currency, date: input.date, site: input.site, food: rule.method === 'food', condition: parseCondition(input.title, input.condition) })
    : null;
  const q = input.quantity && input.quantity > 0 ? input.quantity : 1;
  if (!r) return { kg: null, low: null, high: null, method: 'unknown', category: c?.category ?? null, factor: null, factorUnit: null, source: null, dataVersion: DATA_VERSION, inputs: {}, note: 'no price or no category' };
  return { kg: round(r.kg * q), low: round(r.low * q), high: round(r.high * q), method: 'spend', category: c!.category, factor: r.factor, factorUnit: r.factorUnit, source: r.source, dataVersion: DATA_VERSION, inputs: r.inputs, note: r.note ?? null };
}
