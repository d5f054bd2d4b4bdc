import { FOOD } from '../../data/generated/food';
import { MATERIALS } from '../../data/generated/materials';
import { BEVERAGES, BEVERAGE_SOURCE, BEVERAGE_SUGAR_FOOD, CONTAINERS } from '../../data/beverages';
import { parseMass } from '../parse-title';
import { fold } from '../text';
import { position, type MethodResult } from './types';

interface FoodRow { name: string; mean: number; median: number }
const foods = FOOD.rows as Record<string, FoodRow>;
const materials = MATERIALS.rows as Record<string, { perTonne: number }>;

/** Poore & Nemecek's spread across producers is wide: the range runs from half the median to 1.5x the mean. */
export const FOOD_BAND = { low: 0.5, high: 1.5 } as const;
export const EGG_KG = 0.06;

const medians = Object.values(foods).map((f) => f.median).sort((a, b) => a - b);
const q = (p: number) => medians[Math.round((medians.length - 1) * p)]!;
const FOOD_DIST = { p25: q(0.25), p75: q(0.75), p10: q(0.1), p90: q(0.9) };

function container(title: string, litres: number): keyof typeof CONTAINERS {
  const t = fold(title);
  if (/ (can|cans|dose|dosen|canette|lata|lattina) /.test(t)) return 'can';
  if (/ (glass|glas|verre|vidrio|vetro) /.test(t)) return 'glass';
  return litres >= 1.5 ? 'pet-large' : 'pet-small';
}

/** Per-kg factor for drinks built from sugar, container and transport. */
function beveragePerKg(key: keyof typeof BEVERAGES, title: string, unitLitres: number): { perKg: number; container: string } {
  const c = container(title, unitLitres);
  const spec = CONTAINERS[c];
  const sugar = BEVERAGES[key].sugarKgPerKg * foods[BEVERAGE_SUGAR_FOOD]!.median;
  const pack = spec.kgPerLitre * materials[spec.material]!.perTonne / 1000;
  return { perKg: sugar + pack + FOOD.medianTransport, container: c };
}

/** P&N per kg (median-style total) x pack mass parsed from the title. */
export function foodEstimate(food: string, title: string, packCount: number): MethodResult | null {
  const mass = parseMass(title);
  let massKg = mass?.kg ?? null;
  let massText = mass?.text ?? null;
  if (food === 'eggs' && massKg === null) {
    const n = /(\d{1,2})\s*(?:x\s*)?(?:eggs?|eier|oeufs|huevos|uova|pack|er)/i.exec(title)?.[1];
    const count = n ? Number(n) : packCount > 1 ? packCount : null;
    if (count) { massKg = count * EGG_KG; massText = `${count} eggs x ${EGG_KG} kg`; }
  }
  if (massKg === null) return null;
  // Pack counts multiply the mass unless the title already gave "N x mass" (or counted eggs).
  const multiplier = mass && mass.units === 1 && food !== 'eggs' ? packCount : 1;
  const totalKg = massKg * multiplier;

  if (food === 'soft-drink' || food === 'bottled-water') {
    const unitLitres = mass ? mass.kg / mass.units : totalKg;
    const b = beveragePerKg(food, title, unitLitres);
    const kg = b.perKg * totalKg;
    return {
      kg, low: kg * 0.5, high: kg * 1.5, method: 'food', factor: b.perKg, factorUnit: 'kg CO2e per kg (litre) of drink',
      source: BEVERAGE_SOURCE,
      inputs: { food, massKg: totalKg, massText, container: b.container, packCount: multiplier },
      comparison: null, hint: null,
      note: 'built from sugar, container and transport; the range is a documented ±50 % band',
    };
  }
  const f = foods[food];
  if (!f) return null;
  const kg = f.median * totalKg;
  return {
    kg,
    low: f.median * FOOD_BAND.low * totalKg,
    high: Math.max(f.mean, f.median) * FOOD_BAND.high * totalKg,
    method: 'food',
    factor: f.median,
    factorUnit: 'kg CO2e per kg of product (Poore & Nemecek median-style total)',
    source: `${FOOD.source} (${FOOD.licence})`,
    inputs: { food: f.name, massKg: totalKg, massText, packCount: multiplier, meanPerKg: f.mean },
    comparison: `${f.name} is ${position(f.median, FOOD_DIST)} per kg among the ${medians.length} foods Poore & Nemecek cover`,
    hint: null,
    note: null,
  };
}
