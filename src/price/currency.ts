import { currencyForCountry } from './country';
import { HISTORIC_CODES, ISO_CODES } from './currency-data';
import { CURRENCY_EXACT, CURRENCY_FOLDED, CURRENCY_TOKEN_SOURCE } from '../data/generated/currency-tokens';

/** What one spelling of a currency can mean. */
export interface CurrencyInfo {
  /** ISO 4217 codes, default first. */
  codes: readonly string[];
  /** Counts only next to a number. */
  adjacentOnly: boolean;
  /** Counts only glued before digits ("R8,499"). */
  prefixOnly: boolean;
  /** May name the currency of a number elsewhere in the text ("EUR", "€", "руб."). */
  standalone: boolean;
}

/** A currency spelling found in text. */
export interface CurrencyToken {
  start: number;
  end: number;
  text: string;
  info: CurrencyInfo;
}

const ISO_SET: ReadonlySet<string> = new Set(ISO_CODES);
const LETTER_RE = /[\p{L}\p{M}]/u;

// The spelling tables and their alternation are written out by `npm run data` (src/price/currency-tables.ts
// builds them; test/unit/price checks the output): building them here, on every page the reader is
// injected into, took 0.8 of the 1.2 ms this module cost to evaluate. Each meaning is decoded when first met.
const TOKEN_RE = new RegExp(CURRENCY_TOKEN_SOURCE, 'giu');
const decodedExact = new Map<string, CurrencyInfo>();
const decodedFolded = new Map<string, CurrencyInfo>();

/** `table[key]` ("codes|flags") as a CurrencyInfo, decoded once; null when the table has no such key. */
function decode(table: Readonly<Record<string, string>>, decoded: Map<string, CurrencyInfo>, key: string): CurrencyInfo | null {
  let found = decoded.get(key);
  if (!found) {
    if (!Object.hasOwn(table, key)) return null;
    const [codes = '', flags = ''] = table[key]!.split('|');
    found = { codes: codes.split(' '), adjacentOnly: flags.includes('a'), prefixOnly: flags.includes('p'), standalone: flags.includes('s') };
    decoded.set(key, found);
  }
  return found;
}

function lookup(text: string): CurrencyInfo | null {
  return decode(CURRENCY_EXACT, decodedExact, text) ?? decode(CURRENCY_FOLDED, decodedFolded, text.toLowerCase());
}

/**
 * Every currency spelling in `s`, left to right, not overlapping. A spelling that starts or ends
 * with a letter must not touch another letter ("Eur" in "Europe", "Ft" in "ft").
 */
export function findCurrencyTokens(s: string): CurrencyToken[] {
  const out: CurrencyToken[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(s); m; m = TOKEN_RE.exec(s)) {
    const text = m[0];
    const start = m.index;
    const end = start + text.length;
    const found = lookup(text);
    const leftOk = !LETTER_RE.test(text[0]!) || start === 0 || !LETTER_RE.test(s[start - 1]!);
    const rightOk = !LETTER_RE.test(text[text.length - 1]!) || end === s.length || !LETTER_RE.test(s[end]!);
    if (found && leftOk && rightOk) {
      out.push({ start, end, text, info: found });
    } else {
      TOKEN_RE.lastIndex = start + 1;
    }
  }
  return out;
}

/** The ISO code a spelling means here: the hint if it is one of its meanings, else the site country's currency, else its default. */
export function resolveCurrency(found: CurrencyInfo, hint: string | null, country: string | null): string {
  const codes = found.codes;
  if (codes.length === 1) return codes[0]!;
  if (hint && codes.includes(hint)) return hint;
  const local = currencyForCountry(country);
  if (local && codes.includes(local)) return local;
  return codes[0]!;
}

/** The ISO 4217 codes a currency spelling can stand for (empty when unknown): `$` -> USD, CAD, AUD, ... */
export function currencyCandidates(spelling: string): string[] {
  const text = spelling.trim();
  const direct = lookup(text) ?? (ISO_SET.has(text.toUpperCase()) ? lookup(text.toUpperCase()) : null);
  if (direct) return [...direct.codes];
  const inside = findCurrencyTokens(text);
  return inside.length > 0 ? [...inside[0]!.info.codes] : [];
}

/** Whether `code` is an ISO 4217 code this parser knows (active or historic). */
export function isCurrencyCode(code: string): boolean {
  return ISO_SET.has(code) || Object.hasOwn(HISTORIC_CODES, code);
}

/**
 * The currency a piece of text names, for hints such as a neighbouring element's text ("Price in
 * EUR", "руб.") or a markup value ("€"). Null when it names none.
 */
export function currencyFromText(text: string, options: { currencyHint?: string | null; country?: string | null } = {}): string | null {
  if (typeof text !== 'string' || !text) return null;
  const s = text.length > 256 ? text.slice(0, 256) : text;
  const trimmed = s.trim();
  if (trimmed.length === 3 && isCurrencyCode(trimmed.toUpperCase())) {
    const code = trimmed.toUpperCase();
    return HISTORIC_CODES[code] ?? code;
  }
  for (const token of findCurrencyTokens(s)) {
    if (token.info.prefixOnly) continue;
    return resolveCurrency(token.info, options.currencyHint ?? null, options.country ?? null);
  }
  return null;
}
