import { CAR } from '../data/equivalents';

/** Kilometres driven in an average car that emit the same, for the badge and popup. */
export function carKmEquivalent(kg: number): number {
  return kg / CAR.kgPerKm;
}

export const CAR_SOURCE = CAR.source;
