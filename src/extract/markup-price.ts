import { parsePrice } from './peers';

/** Where we are, for reading price strings whose currency or separators depend on the site. */
export interface PriceContext {
  country: string | null;
}

const PLAIN_NUMBER = /^\s*\d+(?:\.\d+)?\s*$/;
const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Legacy or wrong codes seen in markup, mapped to ISO 4217. */
const CODE_FIXES: Record<string, string> = { RUR: 'RUB', UKP: 'GBP', STG: 'GBP', NIS: 'ILS' };

/**
 * A price from markup. schema.org says numbers with "." as decimal separator, so plain numbers are
 * taken as written (never re-read as thousands); anything else ("26,00 €", "$1,299") goes through
 * the price parser with the declared currency as hint.
 */
export function markupAmount(value: unknown, currencyHint: string | null, ctx: PriceContext): { amount: number | null; currency: string | null } {
  if (typeof value === 'number') return { amount: Number.isFinite(value) && value > 0 ? value : null, currency: null };
  if (typeof value !== 'string') return { amount: null, currency: null };
  const text = value.trim();
  if (!text || text.length > 200) return { amount: null, currency: null };
  if (PLAIN_NUMBER.test(text)) {
    const n = Number(text);
    return { amount: n > 0 ? n : null, currency: null };
  }
  const parsed = parsePrice(text, { currencyHint, country: ctx.country });
  const amount = parsed.amount !== null && Number.isFinite(parsed.amount) && parsed.amount > 0 ? parsed.amount : null;
  return { amount, currency: parsed.currency };
}

/** An ISO 4217 code from a markup currency value, or a symbol run through the parser. */
export function markupCurrency(value: unknown, ctx: PriceContext): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim().toUpperCase();
  if (CURRENCY_CODE.test(s)) return Object.hasOwn(CODE_FIXES, s) ? CODE_FIXES[s]! : s;
  if (!s || s.length > 12) return null;
  const parsed = parsePrice(`${value.trim()} 1`, { country: ctx.country });
  return parsed.currency;
}
