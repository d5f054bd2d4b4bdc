import { ruleOf } from '../data/categories';
import { AIRPORTS } from '../data/generated/airports';
import { CPI } from '../data/generated/cpi';
import { DEVICES } from '../data/generated/devices.odbl';
import { FLIGHT_FACTORS } from '../data/generated/flights';
import { FOOD } from '../data/generated/food';
import { FX } from '../data/generated/fx';
import { GARMENTS } from '../data/generated/garments';
import { MATERIALS } from '../data/generated/materials';
import { SPEND_FACTORS } from '../data/generated/spend-factors';
import { DATA_VERSION } from '../data/generated/version';
import type { Estimate, EstimateMethod } from '../types';
import { DESCRIPTIVE } from './compact-estimate';
import { firstMatch, rederivations, ruleIn, type ItemContext } from './rederive';
import type { StoredEstimate } from './records';

/** An estimate as shown: every field of `Estimate`, whatever was stored. */
export interface EstimateView extends Estimate {
  /**
   * The estimate was made with other data than this version ships (`dataVersion` says which): its figures
   * are shown as they were stored, and a citation the record does not carry is that of this version's tables.
   */
  otherDataVersion: boolean;
}

/** The dataset behind each method, from the shipped tables: the citation when nothing better can be derived. */
function methodSource(method: EstimateMethod, rule: string | undefined): string | null {
  switch (method) {
    case 'device':
      return `${DEVICES.source}; ${DEVICES.licence}`;
    case 'garment':
      return `${GARMENTS.source} (${GARMENTS.licence}); ${MATERIALS.source} (${MATERIALS.licence})`;
    case 'food':
      return `${FOOD.source} (${FOOD.licence})`;
    case 'spend': {
      const naics = rule ? ruleOf(rule)?.naics : undefined;
      return `${SPEND_FACTORS.source}${naics ? `, NAICS ${naics}` : ''}; ${FX.source}; ${CPI.source}`;
    }
    case 'flight':
      return `${FLIGHT_FACTORS.source}; ${AIRPORTS.source}`;
    default:
      return null;
  }
}

function base(s: StoredEstimate): Pick<Estimate, 'kg' | 'low' | 'high' | 'method' | 'category' | 'factor' | 'dataVersion'> {
  return { kg: s.kg, low: s.low, high: s.high, method: s.method, category: s.category, factor: s.factor, dataVersion: s.dataVersion };
}

/** Descriptive fields for figures no re-run reproduces: the same method and rule run on this version's data, or the method's dataset. */
function fallbackCitation(s: StoredEstimate, ctx: ItemContext): Pick<Estimate, 'factorUnit' | 'source'> {
  if (s.method !== 'unknown' && s.method !== 'manual') {
    for (const e of rederivations(s, ctx)) {
      if (e.method === s.method && ruleIn(e) === s.rule) return { factorUnit: e.factorUnit, source: e.source };
    }
  }
  return { factorUnit: null, source: methodSource(s.method, s.rule) };
}

/**
 * The whole estimate for a stored one (see `StoredEstimate`): re-derived from this version's data when a
 * re-run gives the stored figures back (overrides applied), as kept when it was kept, and otherwise the
 * stored figures with a citation from the tables. Unknown stays unknown (kg null).
 */
export function expandEstimate(s: StoredEstimate, ctx: ItemContext): EstimateView {
  const otherDataVersion = s.dataVersion !== DATA_VERSION;
  if (!s.kept && !otherDataVersion) {
    const d = firstMatch(s, ctx);
    if (d) {
      const out: EstimateView = { ...d, ...base(s), inputs: { ...d.inputs, ...s.inputs }, otherDataVersion };
      for (const k of DESCRIPTIVE) if (s[k] !== undefined) out[k] = s[k];
      return out;
    }
  }
  const c = s.kept ? { factorUnit: null, source: null } : fallbackCitation(s, ctx);
  const out: EstimateView = {
    ...base(s),
    factorUnit: s.factorUnit !== undefined ? s.factorUnit : c.factorUnit,
    source: s.source !== undefined ? s.source : c.source,
    inputs: { ...(s.rule !== undefined ? { rule: s.rule } : {}), ...s.inputs },
    otherDataVersion,
  };
  // Kept as made: a field the estimate did not have stays absent.
  for (const k of ['comparison', 'hint', 'note'] as const) if (s[k] !== undefined) out[k] = s[k];
  return out;
}

const citations = new Map<string, Pick<Estimate, 'factorUnit' | 'source'>>();

/**
 * Factor unit and citation only (the CSV export's columns), without a re-run per item: for derived
 * estimates they follow from data version, method, rule and factor (the NAICS row, the new or re-use
 * factor...), so one re-run per such combination is enough.
 */
export function citationOf(s: StoredEstimate, ctx: ItemContext): Pick<Estimate, 'factorUnit' | 'source'> {
  if (s.kept || (s.factorUnit !== undefined && s.source !== undefined)) return { factorUnit: s.factorUnit ?? null, source: s.source ?? null };
  const key = `${s.dataVersion}\u0000${s.method}\u0000${s.rule ?? ''}\u0000${s.factor ?? ''}`;
  let c = citations.get(key);
  if (!c) {
    const d = s.dataVersion === DATA_VERSION ? firstMatch(s, ctx) : null;
    if (d) {
      // A real derivation speaks for every estimate with this key; a fallback is the item's own.
      c = { factorUnit: d.factorUnit, source: d.source };
      if (citations.size > 10_000) citations.clear();
      citations.set(key, c);
    } else {
      const e = expandEstimate(s, ctx);
      c = { factorUnit: e.factorUnit, source: e.source };
    }
  }
  return { factorUnit: s.factorUnit !== undefined ? s.factorUnit : c.factorUnit, source: s.source !== undefined ? s.source : c.source };
}
