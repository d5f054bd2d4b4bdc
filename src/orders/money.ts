import { parsePrice } from '../price/parse';

/** What the page's shop tells us about money when the text itself does not. */
export interface MoneyContext {
  /** ISO 4217 to assume for bare numbers and ambiguous signs. */
  currency?: string | null;
  /** ISO 3166 alpha-2, resolves `$` and `kr`. */
  country?: string | null;
}

export interface Money {
  amount: number;
  currency: string | null;
}

/** Above this an "order total" is a parse error or hostile input, not a purchase. */
export const MAX_AMOUNT = 10_000_000;

const CODES = /\b(USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|CNY|SEK|NOK|DKK|PLN|CZK|HUF|RON|INR|BRL|MXN|SGD|HKD|AED|SAR|TRY|ZAR|ARS|EGP)\b/;
const DOLLAR_BY_COUNTRY: Record<string, string> = { US: 'USD', CA: 'CAD', AU: 'AUD', NZ: 'NZD', SG: 'SGD', HK: 'HKD', MX: 'MXN' };
const KRONA_BY_COUNTRY: Record<string, string> = { SE: 'SEK', NO: 'NOK', DK: 'DKK' };

/**
 * The currency named by `text` itself, falling back to the shop's. Kept here (not only in the shared
 * price parser) because order pages mix codes and signs ("£32.00 GBP", "EUR 15,99", "CA$") and an
 * order with the wrong currency is worse than one without.
 */
export function currencyOf(text: string, ctx: MoneyContext = {}): string | null {
  const code = CODES.exec(text);
  if (code) return code[1]!;
  if (/CA\$|C\$/.test(text)) return 'CAD';
  if (/A\$|AU\$/.test(text)) return 'AUD';
  if (/US\$/.test(text)) return 'USD';
  if (text.includes('£')) return 'GBP';
  if (text.includes('€')) return 'EUR';
  if (text.includes('₹')) return 'INR';
  if (text.includes('¥') || text.includes('円')) return ctx.country === 'CN' ? 'CNY' : 'JPY';
  if (/zł/i.test(text)) return 'PLN';
  if (/\bkr\b/i.test(text)) return KRONA_BY_COUNTRY[ctx.country ?? ''] ?? ctx.currency ?? null;
  if (text.includes('$')) return DOLLAR_BY_COUNTRY[ctx.country ?? ''] ?? (ctx.currency && /D$/.test(ctx.currency) ? ctx.currency : 'USD');
  return ctx.currency ?? null;
}

/** A non-negative, finite, plausible amount, or null. */
export function saneAmount(n: unknown): number | null {
  const x = typeof n === 'string' ? Number(n.trim()) : n;
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x >= MAX_AMOUNT) return null;
  return Math.round(x * 100) / 100;
}

/** Reads one amount shown in `text` ("$28.50", "EUR 15,99", "£32.00 GBP"). Negative amounts (discounts) come back as null. */
export function readMoney(text: string | null | undefined, ctx: MoneyContext = {}): Money | null {
  if (!text) return null;
  const t = text.length > 200 ? text.slice(0, 200) : text;
  if (!/\d/.test(t)) return null;
  const hint = currencyOf(t, ctx);
  let parsed: { amount: number | null; currency: string | null };
  try {
    parsed = parsePrice(t, { currencyHint: hint, country: ctx.country ?? null });
  } catch {
    return null;
  }
  if (/^\s*[-−–]/.test(t) && parsed.amount !== null && parsed.amount > 0) return null;
  const amount = saneAmount(parsed.amount);
  if (amount === null) return null;
  return { amount, currency: parsed.currency ?? hint };
}
