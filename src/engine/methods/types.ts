import type { EstimateMethod } from '../../types';

/** One method's answer for a single item (before quantity). */
export interface MethodResult {
  kg: number;
  low: number;
  high: number;
  method: EstimateMethod;
  factor: number;
  factorUnit: string;
  source: string;
  inputs: Record<string, string | number | boolean | null>;
  comparison?: string | null;
  hint?: string | null;
  note?: string | null;
}

export type Position = 'lowest' | 'low' | 'average' | 'high' | 'highest';

/** Where a value sits in a distribution, in plain words. */
export function position(v: number, d: { p10?: number; p25: number; p75: number; p90?: number }): string {
  if (d.p10 !== undefined && v < d.p10) return 'among the lowest tenth';
  if (v < d.p25) return 'in the lowest quarter';
  if (d.p90 !== undefined && v > d.p90) return 'among the highest tenth';
  if (v > d.p75) return 'in the highest quarter';
  return 'about average';
}

export function round(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x))));
  const f = 10 ** Math.min(digits, 4);
  return Math.round(x * f) / f;
}
