/**
 * The currency spellings of currency-data.ts as lookup tables. Used at build time (`npm run data` writes
 * them to src/data/generated/currency-tokens.ts) and by the tests that check that output: the reader only
 * reads the generated tables, since building these took 0.8 ms on every page it was injected into.
 */
import {
  CURRENCY_TOKENS,
  HISTORIC_CODES,
  ISO_CODES,
  LOWERCASE_CODES,
  NOT_CURRENCY_CODES,
  WORDLIKE_CODES,
  type TokenFlags,
} from './currency-data';
import type { CurrencyInfo } from './currency';
import { escapeRe } from '../engine/text';

const LETTERS_ONLY_RE = /^[\p{L}\p{M}]+$/u;

function info(codes: string, flags: TokenFlags | string, spelling: string): CurrencyInfo {
  const adjacentOnly = flags.includes('a');
  const prefixOnly = flags.includes('p');
  // Whole words ("dollars", "real", "lira") are everyday words too: only next to a number.
  const standalone = !adjacentOnly && !prefixOnly && !(LETTERS_ONLY_RE.test(spelling) && spelling.length > 3);
  return { codes: codes.split(' '), adjacentOnly, prefixOnly, standalone };
}

export interface SpellingTables {
  /** Case-sensitive spellings (ISO codes, "c" tokens). */
  exact: Map<string, CurrencyInfo>;
  /** The others, by their lower case. */
  folded: Map<string, CurrencyInfo>;
}

export function spellingTables(): SpellingTables {
  const exact = new Map<string, CurrencyInfo>();
  const folded = new Map<string, CurrencyInfo>();
  for (const code of ISO_CODES) {
    if (!NOT_CURRENCY_CODES.has(code)) exact.set(code, info(code, WORDLIKE_CODES.has(code) ? 'a' : '', 'X'));
  }
  for (const code of LOWERCASE_CODES) exact.set(code, info(code.toUpperCase(), 'a', 'x'));
  for (const [code, iso] of Object.entries(HISTORIC_CODES)) {
    exact.set(code, { codes: [iso], adjacentOnly: true, prefixOnly: false, standalone: false });
  }
  for (const [spellings, codes, flags = ''] of CURRENCY_TOKENS) {
    for (const spelling of spellings) {
      const target = flags.includes('c') ? exact : folded;
      const key = flags.includes('c') ? spelling : spelling.toLowerCase();
      if (!target.has(key)) target.set(key, info(codes, flags, spelling));
    }
  }
  return { exact, folded };
}

/** One alternation of every spelling, longest first so "US$" wins over "$" (ties keep table order). */
export function tokenSource({ exact, folded }: SpellingTables): string {
  return [...new Set([...exact.keys(), ...folded.keys()])]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|');
}

/** A spelling's meaning as the generated tables write it: "codes|flags" (a adjacent only, p prefix only, s standalone). */
export function encodeInfo(i: CurrencyInfo): string {
  return `${i.codes.join(' ')}|${i.adjacentOnly ? 'a' : ''}${i.prefixOnly ? 'p' : ''}${i.standalone ? 's' : ''}`;
}

/** The generated module's text (the part after its header). */
export function generatedTables(): string {
  const t = spellingTables();
  const record = (m: Map<string, CurrencyInfo>) => JSON.stringify(Object.fromEntries([...m].map(([k, v]) => [k, encodeInfo(v)])));
  return [
    '/** Source: src/price/currency-data.ts, as src/price/currency-tables.ts reads it: spelling → "codes|flags". */',
    `export const CURRENCY_EXACT: Readonly<Record<string, string>> = ${record(t.exact)};`,
    `export const CURRENCY_FOLDED: Readonly<Record<string, string>> = ${record(t.folded)};`,
    '/** Every spelling, longest first, as one regex alternation. */',
    `export const CURRENCY_TOKEN_SOURCE = ${JSON.stringify(tokenSource(t))};`,
    '',
  ].join('\n');
}
