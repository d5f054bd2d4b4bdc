import { REFERENCE_FIGURES } from '../../data/reference-figures';
import { MATERIALS } from '../../data/generated/materials';
import type { MethodResult } from './types';

const materials = MATERIALS.rows as Record<string, { name: string; perTonne: number }>;

/** A published figure, or typical mass x DESNZ material factors, for products Boavizta lacks. */
export function referenceEstimate(ref: string, condition: string): MethodResult | null {
  const r = REFERENCE_FIGURES[ref];
  if (!r) return null;
  const inputs: MethodResult['inputs'] = { reference: ref, condition };
  let kg: number, low: number, high: number, factor: number, factorUnit: string;
  if (r.kind === 'figure') {
    ({ kg, low, high } = r);
    factor = r.kg;
    factorUnit = r.unit;
  } else {
    const perKg = r.materials.reduce((s, m) => s + (materials[m]?.perTonne ?? NaN), 0) / r.materials.length / 1000;
    if (!Number.isFinite(perKg)) return null;
    kg = r.massKg * perKg;
    low = r.massLow * perKg * (1 - r.band);
    high = r.massHigh * perKg * (1 + r.band);
    factor = perKg;
    factorUnit = 'kg CO2e per kg of material (DESNZ, mean of the listed materials)';
    Object.assign(inputs, { massKg: r.massKg, materials: r.materials.join(', ') });
  }
  return {
    kg, low, high, method: r.method, factor, factorUnit, source: r.source, inputs,
    comparison: null,
    hint: condition === 'new' ? 'Buying this second-hand avoids most of the production footprint.' : null,
    note: `${r.why}${condition !== 'new' ? `; ${condition}: the figure is for a new product` : ''}`,
  };
}
