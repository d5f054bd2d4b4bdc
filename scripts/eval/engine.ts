/**
 * Engine check against /work/shared/data/reference-products.json: products with published
 * footprints. The engine sees only what a shop page shows (title, brand, category text, price);
 * an unknown counts as a miss. A spend-only baseline runs beside it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EvalSection } from './types.ts';
import type { Estimate, EstimateInput } from '../../src/types.ts';
import { estimate } from '../../src/engine/estimate.ts';
import { spendBaseline } from '../../src/engine/baseline.ts';

export interface ReferenceRecord {
  id: string; title: string; brand: string | null; category: string; kg_co2e: number;
  price: number | null; currency: string | null;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = resolve(process.env.LF_SHARED_DIR ?? resolve(root, '../shared'), 'data');

export function loadReference(): ReferenceRecord[] {
  const f = resolve(dataDir, 'reference-products.json');
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as ReferenceRecord[]) : [];
}

export function inputOf(r: ReferenceRecord): EstimateInput {
  return { title: r.title, brand: r.brand, category: r.category, price: r.price, currency: r.currency };
}

export interface Score {
  n: number; within2x: number; rangeContains: number; medianAbsLog10: number; sourced: number; unknown: number; misses: string[];
}

/** Share within 2x, range coverage and median |log10 ratio| over all records (unknown = miss, ratio counted as 1 decade). */
export function score(records: ReferenceRecord[], run: (i: EstimateInput) => Estimate): Score {
  let within = 0, contains = 0, sourced = 0, unknown = 0;
  const logs: number[] = [];
  const misses: string[] = [];
  for (const r of records) {
    const e = run(inputOf(r));
    if (e.kg === null) {
      unknown++;
      logs.push(1);
      misses.push(`${r.id}: unknown (${e.note ?? ''}); published ${r.kg_co2e}`);
      continue;
    }
    if (e.source && e.factor !== null && e.factorUnit && e.dataVersion) sourced++;
    const l = Math.abs(Math.log10(e.kg / r.kg_co2e));
    logs.push(l);
    const ok = l <= Math.log10(2);
    if (ok) within++;
    const inRange = e.low !== null && e.high !== null && e.low <= r.kg_co2e && r.kg_co2e <= e.high;
    if (inRange) contains++;
    if (!ok || !inRange) misses.push(`${r.id}: ${e.method} ${e.kg} [${e.low}-${e.high}] vs published ${r.kg_co2e}${ok ? ' (range only)' : ''}`);
  }
  logs.sort((a, b) => a - b);
  const n = records.length;
  const mid = n ? (n % 2 ? logs[(n - 1) / 2]! : (logs[n / 2 - 1]! + logs[n / 2]!) / 2) : NaN;
  return { n, within2x: within / n, rangeContains: contains / n, medianAbsLog10: mid, sourced: sourced / Math.max(1, n - unknown), unknown, misses };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export async function evaluate(): Promise<EvalSection[]> {
  const records = loadReference();
  if (!records.length) return [{ name: 'engine', rows: [['reference products', 'not found (../shared missing)']], metrics: {} }];
  const e = score(records, estimate);
  const b = score(records, spendBaseline);
  const t0 = performance.now();
  const reps = 20;
  for (let i = 0; i < reps; i++) for (const r of records) estimate(inputOf(r));
  const msPer = (performance.now() - t0) / (reps * records.length);
  return [{
    name: 'engine',
    rows: [
      ['records', e.n],
      ['within 2x (engine | spend-only)', `${pct(e.within2x)} | ${pct(b.within2x)}`],
      ['range contains published', `${pct(e.rangeContains)} | ${pct(b.rangeContains)}`],
      ['median |log10 ratio|', `${e.medianAbsLog10.toFixed(3)} | ${b.medianAbsLog10.toFixed(3)}`],
      ['unknown', `${e.unknown} | ${b.unknown}`],
      ['fully sourced (of known)', pct(e.sourced)],
      ['ms per estimate', msPer.toFixed(4)],
    ],
    metrics: {
      within2x: e.within2x, rangeContains: e.rangeContains, medianAbsLog10: e.medianAbsLog10, unknown: e.unknown, sourced: e.sourced,
      baselineWithin2x: b.within2x, baselineRangeContains: b.rangeContains, baselineMedianAbsLog10: b.medianAbsLog10, baselineUnknown: b.unknown,
      msPerEstimate: msPer,
    },
    misses: [...e.misses, ...b.misses.map((m) => `baseline ${m}`)],
  }];
}
