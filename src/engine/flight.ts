/**
 * Flight footprints for the background page. Imports the large airport table, so the content
 * script must not import this module.
 */
import { AIRPORTS } from '../data/generated/airports';
import { FLIGHT_FACTORS } from '../data/generated/flights';
import { DATA_VERSION } from '../data/generated/version';
import type { Estimate } from '../types';

export type Cabin = 'economy' | 'premium-economy' | 'business' | 'first' | 'average';

const airports = AIRPORTS.rows as Record<string, readonly [number, number, string]>;
const factors = FLIGHT_FACTORS.rows as Record<string, { withRF: number; withoutRF: number }>;

/** Great-circle distance in km (haversine, mean Earth radius 6371 km). */
export function greatCircleKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * One passenger, one way, with radiative forcing (DESNZ recommends including it). Haul by distance
 * (short haul up to 3,700 km); short-haul factors exist only for economy, business and average.
 */
export function flightEstimate(fromIata: string, toIata: string, cabin: Cabin = 'economy'): Estimate {
  const from = airports[fromIata.toUpperCase()];
  const to = airports[toIata.toUpperCase()];
  const base = { method: 'flight' as const, category: 'Travel > Flights', dataVersion: DATA_VERSION };
  if (!from || !to) {
    return { ...base, kg: null, low: null, high: null, factor: null, factorUnit: null, source: null, method: 'unknown', inputs: { from: fromIata, to: toIata, cabin }, note: `airport ${!from ? fromIata : toIata} not in the table` };
  }
  const km = greatCircleKm([from[0], from[1]], [to[0], to[1]]);
  const haul = km <= FLIGHT_FACTORS.shortHaulMaxKm ? 'short-haul' : 'long-haul';
  const f = factors[`${haul}|${cabin}`] ?? factors[`${haul}|${cabin === 'first' ? 'business' : 'economy'}`]!;
  const kg = km * f.withRF;
  return {
    ...base,
    kg: Math.round(kg),
    low: Math.round(km * f.withoutRF),
    high: Math.round(kg * 1.2),
    factor: f.withRF,
    factorUnit: FLIGHT_FACTORS.unit + ' (with radiative forcing)',
    source: `${FLIGHT_FACTORS.source}; ${AIRPORTS.source}`,
    inputs: { from: fromIata, to: toIata, cabin, km: Math.round(km), haul },
    note: 'low end without radiative forcing; high end +20 % for routing and load factors',
  };
}
