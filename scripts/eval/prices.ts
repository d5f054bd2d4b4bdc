/**
 * Price strings: how often `parsePrice` reads the amount of a real-world price string exactly, and
 * whether its ISO currency is one the expected symbol can mean. The strings and expectations come
 * from the test suite of a public price-parsing library (../shared/fixtures/price-cases.json); that
 * library reports raw symbols ("$", "руб."), so currency is scored against every ISO code the
 * symbol can stand for.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES, HAS_SHARED } from '../../test/shared.ts';
import { currencyCandidates } from '../../src/price/currency.ts';
import { parsePrice } from '../../src/price/parse.ts';
import type { EvalSection } from './types.ts';

export interface PriceCase {
  id: string;
  input: string | null;
  currency_hint?: string | null;
  decimal_separator_hint?: string | null;
  expected_amount: string | null;
  expected_currency: string | null;
  known_failure_in_price_parser: boolean;
}

export interface PriceCaseResult {
  case: PriceCase;
  amount: number | null;
  currency: string | null;
  amountOk: boolean;
  currencyOk: boolean;
}

export function loadPriceCases(): PriceCase[] {
  return JSON.parse(readFileSync(resolve(FIXTURES, 'price-cases.json'), 'utf8')) as PriceCase[];
}

/** Equal as decimals: "1.11000000000000009770" and 1.11 are the same price. */
export function sameAmount(got: number | null, expected: string | null): boolean {
  if (expected === null) return got === null;
  if (got === null) return false;
  const want = Number(expected);
  return Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
}

export function sameCurrency(got: string | null, expected: string | null): boolean {
  if (expected === null) return got === null;
  if (got === null) return false;
  return currencyCandidates(expected).includes(got);
}

export function runPriceCase(c: PriceCase): PriceCaseResult {
  const parsed = parsePrice(c.input ?? '', {
    currencyHint: c.currency_hint ?? null,
    decimalSeparator: c.decimal_separator_hint ?? null,
  });
  return {
    case: c,
    amount: parsed.amount,
    currency: parsed.currency,
    amountOk: sameAmount(parsed.amount, c.expected_amount),
    currencyOk: sameCurrency(parsed.currency, c.expected_currency),
  };
}

export function describeMiss(r: PriceCaseResult): string {
  const c = r.case;
  const hint = c.currency_hint ? ` [hint ${JSON.stringify(c.currency_hint)}]` : '';
  const dec = c.decimal_separator_hint ? ` [decimal ${JSON.stringify(c.decimal_separator_hint)}]` : '';
  const known = c.known_failure_in_price_parser ? ' (known failure of the original library)' : '';
  return `${c.id} ${JSON.stringify(c.input)}${hint}${dec} -> ${r.amount} ${r.currency} ; expected ${c.expected_amount} ${JSON.stringify(c.expected_currency)}${known}`;
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}

export async function evaluate(): Promise<EvalSection[]> {
  if (!HAS_SHARED) return [{ name: 'prices', rows: [['skipped', '../shared not found']], metrics: {} }];
  const cases = loadPriceCases();
  const results = cases.map(runPriceCase);
  // Timed on a second, warm pass: a content script parses many strings with compiled code.
  const t0 = performance.now();
  for (const c of cases) runPriceCase(c);
  const elapsedMs = performance.now() - t0;
  const amountExact = results.filter((r) => r.amountOk).length;
  const currencyConsistent = results.filter((r) => r.currencyOk).length;
  const hard = results.filter((r) => r.case.known_failure_in_price_parser);
  const hardExact = hard.filter((r) => r.amountOk).length;
  const total = results.length;
  const misses = [
    ...results.filter((r) => !r.amountOk).map((r) => `amount: ${describeMiss(r)}`),
    ...results.filter((r) => r.amountOk && !r.currencyOk).map((r) => `currency: ${describeMiss(r)}`),
  ];
  return [
    {
      name: 'prices',
      rows: [
        ['price strings', total],
        ['price strings: amount exact', `${amountExact}/${total} (${pct(amountExact / total)})`],
        ['  of which the original library gets wrong', `${hardExact}/${hard.length}`],
        ['currency consistent', `${currencyConsistent}/${total} (${pct(currencyConsistent / total)})`],
        ['time per string', `${((1000 * elapsedMs) / total).toFixed(1)} µs (warm, incl. scoring)`],
      ],
      metrics: {
        amountExact: amountExact / total,
        currencyConsistent: currencyConsistent / total,
        total,
        knownFailuresAmountExact: hard.length ? hardExact / hard.length : 0,
      },
      misses,
    },
  ];
}
