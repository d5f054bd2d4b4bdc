import { GARMENTS } from '../../data/generated/garments';
import { MATERIALS } from '../../data/generated/materials';
import { SECOND_HAND } from '../../data/second-hand';
import type { Condition } from '../parse-title';
import { parseFibre } from '../parse-title';
import type { MethodResult } from './types';

const garments = GARMENTS.rows as Record<string, { name: string; massKg: number }>;
const materials = MATERIALS.rows as Record<string, { name: string; perTonne: number }>;

/**
 * Ecobalyse default mass x DESNZ "Clothing" (kg CO2e per tonne). The band, x0.5 to x2.5, covers
 * mass and fibre differences and the washing and drying that cradle-to-grave studies add.
 */
export const GARMENT_BAND = { low: 0.5, high: 2.5 } as const;

export function garmentEstimate(garment: string, title: string, condition: Condition): MethodResult | null {
  const g = garments[garment];
  const clothing = materials.clothing;
  const reused = materials[SECOND_HAND.garment.material];
  if (!g || !clothing || !reused) return null;
  const secondHand = condition !== 'new';
  const perKg = (secondHand ? reused.perTonne : clothing.perTonne) / 1000;
  const kg = g.massKg * perKg;
  const fibre = parseFibre(title);
  return {
    kg,
    low: kg * GARMENT_BAND.low,
    high: kg * GARMENT_BAND.high,
    method: 'garment',
    factor: perKg,
    factorUnit: `kg CO2e per kg of clothing (DESNZ ${secondHand ? 'Clothing, re-used' : 'Clothing, primary material production'})`,
    source: `${GARMENTS.source} (${GARMENTS.licence}); ${MATERIALS.source} (${MATERIALS.licence})`,
    inputs: { garment: g.name, massKg: g.massKg, fibre, condition },
    comparison: `typical mass for this kind of garment (${g.massKg} kg, Ecobalyse default)`,
    hint: secondHand ? null : 'Second-hand clothing avoids almost all of the production footprint (DESNZ re-use factor).',
    note: (fibre ? `Fibre "${fibre}" noted; DESNZ gives one clothing factor for all fibres. ` : '') + (secondHand ? SECOND_HAND.garment.why : ''),
  };
}
