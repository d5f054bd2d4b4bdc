import type { ParsedPrice } from '../types';
import { findCurrencyTokens, isCurrencyCode, resolveCurrency, currencyFromText, type CurrencyToken } from './currency';
import { HISTORIC_CODES, THREE_DECIMAL_CURRENCIES } from './currency-data';
import { blankDates, normalizeText } from './normalize';
import { readNumber, scanNumbers, type RawNumber } from './number';

export { countryFromHostname, currencyForCountry } from './country';
export { currencyFromText } from './currency';

export interface ParsePriceOptions {
  /**
   * ISO 4217 code to assume when the text names no currency, or to pick among the meanings of an
   * ambiguous one (`$` with "CAD" -> CAD). Free text that names a currency ("Price in €", "руб.")
   * is accepted too.
   */
  currencyHint?: string | null;
  /** ISO 3166 alpha-2 country of the site, to resolve `$`, `kr`, `¥`, ... */
  country?: string | null;
  /**
   * The page's decimal separator when known: "." or ",", or a currency sign written in its place
   * ("1250€60").
   */
  decimalSeparator?: string | null;
}

interface Candidate {
  raw: RawNumber;
  amount: number;
  /** Decimals as written: "26" 0, "89,95" 2. */
  decimals: number;
  /** Currency spellings touching the number, nearest first: left then right. */
  tokens: CurrencyToken[];
  /** Span including the touching currency spellings, for range detection. */
  from: number;
  to: number;
}

const NO_PRICE: ParsedPrice = { amount: null, currency: null };
const DIGIT_RE = /\d/;
const LETTER_RE = /[\p{L}\p{M}]/u;
const TWO_LETTERS_RE = /^[A-Za-z]{2}$/;
const THREE_LETTERS_RE = /^[A-Za-z]{3}$/;

/** "Free", "Gratis", ... alone: a price of zero. */
const FREE_RE =
  /^[\W_]*(?:free|gratis|kostenlos|gratuit|gratuite|gratuito|gratuita|zdarma|darmowa|darmowy|ilmainen|ingyenes|бесплатно|безкоштовно|無料|免费|免費)[\W_]*$/iu;

/** What follows a number that is a quantity, not a price: "40%", "2 x", "500 ml", "4.5 out of 5", "18+". */
const NOT_PRICE_AFTER_RE =
  /(?: ?(?:%|‰|×|[xX](?![\p{L}])|(?:kgs?|Kgs?|KGS?|g|gr|mg|lbs?|oz|ml|mL|ML|cl|dl|l|ltr|cm|mm|m|km|m²|m2|m³|ft|in\.|inch|inches|"|mAh|W|kW|kWh|V|Hz|MHz|GHz|GB|MB|TB|px|pcs|pc|piece|pieces|pack|items?|products?|reviews?|ratings?|stars?|sold|left|in stock|st|Stk|stk|Stück|ks|szt|шт|штук|out of|von|sur|days?|hours?|h|min|months?|years?|nd|rd|th)(?![\p{L}\d]))|[eE][+-]?\d|\+|[/:]\d|\p{L}+\d)/uy;

/** What precedes a number that is a reference, count or exponent: "#123", "No. 5", "SKU: 4411", "Qty 2", "1E+308". */
const NOT_PRICE_BEFORE_RE = /(?:(?:#|№|\b(?:No|Nr|Art|SKU|EAN|Ref|Qty|Menge|Anzahl|Item)\.?:?) ?|\d[eE][+-]?)$/i;

/** Between two prices, a range: "$10 - $20", "26 to 50 €", "ab 5 bis 9 €". */
const RANGE_LINK_RE = /^ ?(?:-|–|—|~|to|bis|à|a|até|al|au|hasta|до|od|do) ?$/i;

function normalizeCountry(country: string | null | undefined): string | null {
  return typeof country === 'string' && TWO_LETTERS_RE.test(country) ? country.toUpperCase() : null;
}

/** The ISO code a hint stands for: a code as given, or the currency free text names. */
function hintCurrency(hint: string | null | undefined, country: string | null): string | null {
  if (typeof hint !== 'string') return null;
  const trimmed = hint.trim();
  if (THREE_LETTERS_RE.test(trimmed)) {
    const code = trimmed.toUpperCase();
    if (isCurrencyCode(code)) return HISTORIC_CODES[code] ?? code;
  }
  return currencyFromText(trimmed, { country });
}

/** The most specific spelling: "AUD" over "$" in "$1,190.00 AUD". */
function mostSpecific(tokens: readonly CurrencyToken[]): CurrencyToken | null {
  let best: CurrencyToken | null = null;
  for (const t of tokens) if (!best || t.info.codes.length < best.info.codes.length) best = t;
  return best;
}

function tokensAround(raw: RawNumber, s: string, endingAt: Map<number, CurrencyToken>, startingAt: Map<number, CurrencyToken>): CurrencyToken[] {
  const out: CurrencyToken[] = [];
  const leftOf = (pos: number, first: boolean): CurrencyToken | undefined => {
    const glued = endingAt.get(pos);
    if (glued && (first || !glued.info.prefixOnly)) return glued;
    const spaced = s[pos - 1] === ' ' ? endingAt.get(pos - 1) : undefined;
    return spaced && !spaced.info.prefixOnly ? spaced : undefined;
  };
  const rightOf = (pos: number): CurrencyToken | undefined => {
    const t = startingAt.get(pos) ?? (s[pos] === ' ' ? startingAt.get(pos + 1) : undefined);
    return t && !t.info.prefixOnly ? t : undefined;
  };
  const l1 = leftOf(raw.start, true);
  const r1 = rightOf(raw.end);
  if (l1) out.push(l1);
  if (r1) out.push(r1);
  const l2 = l1 && leftOf(l1.start, false);
  const r2 = r1 && rightOf(r1.end);
  if (l2) out.push(l2);
  if (r2) out.push(r2);
  return out;
}

/** "35€ 99", "1250€60": a sign written where the decimal point goes, followed by the cents. */
function mergeSignCents(raws: RawNumber[], s: string, startingAt: Map<number, CurrencyToken>, decimalSign: string | null): void {
  for (let i = 0; i + 1 < raws.length; i++) {
    const raw = raws[i]!;
    if (raw.seps.length > 0 || raw.lead || raw.spacedFraction !== null || raw.wholeMark) continue;
    const sign = startingAt.get(raw.end);
    if (!sign || sign.text !== '€') continue;
    const next = raws[i + 1]!;
    const gap = next.start - sign.end;
    if (gap > 1 || (gap === 1 && s[sign.end] !== ' ')) continue;
    if (next.seps.length > 0 || next.lead || next.spacedFraction !== null || next.wholeMark) continue;
    const cents = next.groups[0]!;
    const hinted = decimalSign === sign.text && gap === 0;
    if (cents.length > 2 && !hinted) continue;
    // "10€ 20 €" are two prices, not 10.20.
    const after = s[next.end] === ' ' ? next.end + 1 : next.end;
    if (startingAt.has(after) || startingAt.has(next.end)) continue;
    raw.spacedFraction = cents;
    raw.end = next.end;
    raws.splice(i + 1, 1);
  }
}

function isNegative(s: string, from: number): boolean {
  if (s[from - 1] !== '-') return false;
  const before = s.charCodeAt(from - 2);
  return !(before >= 48 && before <= 57);
}

function isQuantity(raw: RawNumber, s: string, hasGluedLeft: boolean, hasRight: boolean): boolean {
  if (raw.start > 0 && LETTER_RE.test(s[raw.start - 1]!) && !hasGluedLeft) return true;
  if (NOT_PRICE_BEFORE_RE.test(s.slice(Math.max(0, raw.start - 8), raw.start))) return true;
  if (raw.start >= 2 && (s[raw.start - 1] === '/' || s[raw.start - 1] === ':') && DIGIT_RE.test(s[raw.start - 2]!)) return true;
  if (hasRight) return false;
  NOT_PRICE_AFTER_RE.lastIndex = raw.end;
  return NOT_PRICE_AFTER_RE.test(s);
}

function parseNormalized(s: string, options: ParsePriceOptions): ParsedPrice {
  const country = normalizeCountry(options.country);
  const hint = hintCurrency(options.currencyHint, country);
  const decimalSign = typeof options.decimalSeparator === 'string' ? options.decimalSeparator : null;
  const tokens = findCurrencyTokens(s);
  const firstStandalone = tokens.find((t) => t.info.standalone);
  const textCurrency = firstStandalone ? resolveCurrency(firstStandalone.info, hint, country) : null;

  if (!DIGIT_RE.test(s)) {
    if (FREE_RE.test(s)) return { amount: 0, currency: textCurrency ?? hint };
    // A currency alone ("chf", "so'm") names itself, even one that needs a number elsewhere.
    const only = tokens.length === 1 && tokens[0]!.text.length === s.length && !tokens[0]!.info.prefixOnly ? tokens[0] : undefined;
    return { amount: null, currency: only ? resolveCurrency(only.info, hint, country) : (textCurrency ?? hint) };
  }

  const endingAt = new Map<number, CurrencyToken>();
  const startingAt = new Map<number, CurrencyToken>();
  for (const t of tokens) {
    endingAt.set(t.end, t);
    startingAt.set(t.start, t);
  }
  const raws = scanNumbers(s);
  mergeSignCents(raws, s, startingAt, decimalSign);

  const candidates: Candidate[] = [];
  let firstPriced = -1;
  const lastTokenEnd = tokens.length > 0 ? tokens[tokens.length - 1]!.end : -2;
  for (const raw of raws) {
    // Nothing after the first priced number and its right neighbour (a range's other end) can
    // matter; nor, with no currency left to touch, anything after the first two numbers.
    if (firstPriced >= 0 && candidates.length > firstPriced + 1) break;
    if (firstPriced < 0 && candidates.length >= 2 && raw.start > lastTokenEnd + 1) break;
    const around = tokensAround(raw, s, endingAt, startingAt);
    const gluedLeft = endingAt.has(raw.start);
    const hasRight = around.some((t) => t.start >= raw.end);
    if (isQuantity(raw, s, gluedLeft, hasRight)) continue;
    const left = around.find((t) => t.end <= raw.start);
    const from = left ? left.start : raw.start;
    if (isNegative(s, raw.start) || (left && isNegative(s, left.start))) continue;
    const own = mostSpecific(around);
    const currency = own ? resolveCurrency(own.info, hint, country) : (textCurrency ?? hint);
    const read = readNumber(raw, {
      decimalSeparator: decimalSign,
      threeDecimals: currency !== null && THREE_DECIMAL_CURRENCIES.has(currency),
    });
    if (read === null) continue;
    const right = around.filter((t) => t.start >= raw.end).pop();
    candidates.push({ raw, amount: read.value, decimals: read.decimals, tokens: around, from, to: right ? right.end : raw.end });
    if (firstPriced < 0 && around.length > 0) firstPriced = candidates.length - 1;
  }
  if (candidates.length === 0) return { amount: null, currency: textCurrency ?? hint };

  // The first number written with a currency is the price; without any, the first number.
  let index = candidates.findIndex((c) => c.tokens.length > 0);
  if (index < 0) index = 0;
  const pick = candidates[index]!;
  let amount = pick.amount;
  let tokensForCurrency = pick.tokens;
  for (const other of [candidates[index - 1], candidates[index + 1]]) {
    if (!other) continue;
    const [a, b] = other.from < pick.from ? [other, pick] : [pick, other];
    if (!RANGE_LINK_RE.test(s.slice(a.to, b.from))) continue;
    // A bare number next to a price is its other end only if written alike and in rising order:
    // "26 to 50 €" is a range, "Size 42 - 89,95 €" and "50 - $2.00" (quantity, price) are not.
    if (other.tokens.length === 0 && pick.tokens.length > 0 && (other.decimals !== pick.decimals || a.amount > b.amount)) continue;
    // A range ("$10 - $20", "from 26 to 50 €"): its lowest end.
    amount = Math.min(amount, other.amount);
    if (tokensForCurrency.length === 0) tokensForCurrency = other.tokens;
  }
  const own = mostSpecific(tokensForCurrency);
  const currency = own ? resolveCurrency(own.info, hint, country) : (textCurrency ?? hint);
  return { amount, currency };
}

/**
 * The price a short text shows: its amount and ISO 4217 currency. Handles every common locale
 * ("1.234,56 €", "1 234,56 kr", "$1,234.56", "CHF 1'234.–", "12,-"), ranges and "from" prices
 * (the lowest end), and prices inside longer text ("Price: 12.99 USD incl. VAT").
 *
 * Returns `{ amount: null }` when the text shows no price, and for negative amounts ("-5,00 €",
 * a discount), quantities ("40%", "500 ml"), dates and references ("#123"). "Free" alone is 0.
 * Amounts of 10^15 or more are rejected as absurd. Only the first 4096 characters are read.
 * Never throws.
 */
export function parsePrice(text: string, options: ParsePriceOptions = {}): ParsedPrice {
  try {
    if (typeof text !== 'string') text = '';
    const opts = options && typeof options === 'object' ? options : {};
    return parseNormalized(blankDates(normalizeText(text)), opts);
  } catch {
    return { ...NO_PRICE };
  }
}
