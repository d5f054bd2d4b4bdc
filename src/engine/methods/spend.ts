import { SPEND_FACTORS } from '../../data/generated/spend-factors';
import { SECOND_HAND } from '../../data/second-hand';
import { FX } from '../../data/generated/fx';
import { CPI } from '../../data/generated/cpi';
import { convertPrice } from '../money';
import type { MethodResult } from './types';

const factors = SPEND_FACTORS.rows as Record<string, { withMargins: number; margins: number }>;

/** Spend factors average a whole industry: say so with a wide band, x0.5 to x2. */
export const SPEND_BAND = { low: 0.5, high: 2 } as const;

export interface SpendInput {
  naics: string;
  price: number;
  currency?: string | null;
  date?: string | null;
  site?: string | null;
  food: boolean;
  condition: string;
}

export function spendEstimate(s: SpendInput): MethodResult | null {
  const f = factors[s.naics];
  if (!f || !(s.price > 0)) return null;
  const c = convertPrice(s.price, s.currency, s.date, s.site, s.food);
  if (!c) return null;
  const secondHand = s.condition !== 'new';
  const factor = secondHand ? f.margins : f.withMargins;
  const kg = c.usdNet * factor;
  return {
    kg,
    low: kg * SPEND_BAND.low,
    high: kg * SPEND_BAND.high,
    method: 'spend',
    factor,
    factorUnit: `${SPEND_FACTORS.unit}${secondHand ? ' (margins only)' : ''}`,
    source: `${SPEND_FACTORS.source}, NAICS ${s.naics}; ${FX.source}; ${CPI.source}`,
    inputs: {
      naics: s.naics, price: c.price, currency: c.currency, year: c.year, fxPerUsd: c.fxPerUsd, usd: round2(c.usd),
      usd2022: round2(c.usdFactorYear), country: c.country, vatRate: c.vatRate, usdNet: round2(c.usdNet), condition: s.condition,
    },
    comparison: null,
    hint: null,
    note: [`spend-based: an industry average per dollar, so the range is wide (x${SPEND_BAND.low} to x${SPEND_BAND.high})`, ...c.assumed, secondHand ? SECOND_HAND.spend.why : ''].filter(Boolean).join('; '),
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
