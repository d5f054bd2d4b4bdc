import { DATA_VERSION } from '../data/generated/version';
import type { Estimate } from '../types';
import { firstMatch, ruleIn, type ItemContext } from './rederive';
import type { StoredEstimate } from './records';

/** Fields an estimate explains itself with; derived again from the data tables when shown. */
export const DESCRIPTIVE = ['factorUnit', 'source', 'comparison', 'hint', 'note'] as const;

/** The figures: what is stored whatever else is. */
export function figuresOf(e: Estimate): StoredEstimate {
  const s: StoredEstimate = {
    kg: e.kg,
    low: e.low,
    high: e.high,
    method: e.method,
    category: e.category,
    factor: e.factor,
    dataVersion: e.dataVersion,
  };
  const rule = ruleIn(e);
  if (rule !== undefined) s.rule = rule;
  return s;
}

function sameKeys(a: object, b: object): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k));
}

/** Every descriptive field as made: for estimates the data tables cannot give back. */
export function keptEstimate(e: Estimate): StoredEstimate {
  const s = figuresOf(e);
  s.kept = true;
  s.factorUnit = e.factorUnit;
  s.source = e.source;
  for (const k of ['comparison', 'hint', 'note'] as const) if (Object.hasOwn(e, k)) s[k] = e[k] ?? null;
  s.inputs = { ...e.inputs };
  return s;
}

/**
 * An estimate to store for an item: its figures, plus whatever a re-run of the engine on the item
 * (see `rederive.ts`) would not give back. An estimate from this version's data usually stores nothing
 * else; anything the re-run cannot reproduce (the figures, or the shape of its inputs) is kept whole.
 */
export function compactEstimate(e: Estimate, ctx: ItemContext): StoredEstimate {
  const s = figuresOf(e);
  if (e.dataVersion !== DATA_VERSION) return keptEstimate(e);
  const d = firstMatch(s, ctx);
  if (!d || !sameKeys(e.inputs ?? {}, d.inputs ?? {})) return keptEstimate(e);
  for (const k of DESCRIPTIVE) {
    const mine = e[k] ?? null;
    if (mine !== (d[k] ?? null)) s[k] = mine;
  }
  const inputs: NonNullable<StoredEstimate['inputs']> = {};
  let differs = false;
  for (const [k, v] of Object.entries(e.inputs)) {
    if (v !== d.inputs[k]) {
      inputs[k] = v;
      differs = true;
    }
  }
  if (differs) s.inputs = inputs;
  return s;
}
