import type { Estimate, EstimateMethod } from '../types';
import { formatKg } from '../badge/format';
import { t } from '../i18n/t';
import type { PurchaseWithItems } from '../store/purchases';

export function kgText(kg: number): string {
  return t('kg_co2e', formatKg(kg));
}

export function rangeText(low: number | null, high: number | null): string | null {
  if (low === null || high === null) return null;
  return t('range', [formatKg(low), formatKg(high)]);
}

export function methodText(method: EstimateMethod): string {
  switch (method) {
    case 'device':
      return t('method_device');
    case 'product':
      return t('method_product');
    case 'garment':
      return t('method_garment');
    case 'food':
      return t('method_food');
    case 'spend':
      return t('method_spend');
    case 'flight':
      return t('method_flight');
    case 'manual':
      return t('method_manual');
    default:
      return t('method_unknown');
  }
}

/** Short figures for narrow chart labels: 950 → "950", 6684 → "6.7k" (the table has the full ones). */
export function compactKg(kg: number): string {
  if (Math.abs(kg) < 1000) return formatKg(kg);
  try {
    return new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(kg);
  } catch {
    return `${Math.round(kg / 100) / 10}k`;
  }
}

export function estimateText(e: Pick<Estimate, 'kg'>): string {
  return e.kg === null ? t('unknown') : kgText(e.kg);
}

/** One label for a purchase's methods: the method when all items share it, "several methods" otherwise. */
export function purchaseMethod(p: PurchaseWithItems): string {
  const methods = new Set(p.items.map((it) => it.estimate.method));
  if (methods.size === 0) return t('method_unknown');
  if (methods.size === 1) return methodText([...methods][0]!);
  return t('method_mixed');
}

export function purchaseKg(p: Pick<PurchaseWithItems, 'kg' | 'itemCount' | 'unknownItems'>): string {
  if (p.itemCount === 0 || p.unknownItems >= p.itemCount) return t('unknown');
  const known = kgText(p.kg);
  return p.unknownItems > 0 ? t('kg_plus_unknown', [known, p.unknownItems]) : known;
}

/** "Mar 2026" in the browser's language. */
export function monthLabel(month: string, style: 'short' | 'long' = 'long', locale?: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  try {
    return new Intl.DateTimeFormat(locale, { month: style, year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
  } catch {
    return month;
  }
}

export function monthShort(month: string, locale?: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  try {
    return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
  } catch {
    return month.slice(5);
  }
}

/** Top-level category ("Electronics > Computers" → "Electronics"), "Unknown" when none (as the rollups do). */
export function topCategory(path: string | null | undefined): string {
  if (!path) return 'Unknown';
  const i = path.indexOf(' > ');
  return i < 0 ? path : path.slice(0, i);
}

export function categoryLabel(top: string): string {
  return top === 'Unknown' ? t('category_unknown') : top;
}

/** ISO 4217 codes the browser knows, or a short list when it cannot tell. */
export function currencyCodes(): string[] {
  try {
    const list = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('currency');
    if (list && list.length > 0) return list;
  } catch {
    // older engines
  }
  return ['AUD', 'BRL', 'CAD', 'CHF', 'CNY', 'CZK', 'DKK', 'EUR', 'GBP', 'HKD', 'HUF', 'INR', 'JPY', 'KRW', 'MXN', 'NOK', 'NZD', 'PLN', 'SEK', 'SGD', 'TRY', 'USD', 'ZAR'];
}

export function currencyName(code: string, locale?: string): string {
  try {
    const name = new Intl.DisplayNames(locale, { type: 'currency' }).of(code);
    return name && name !== code ? `${code} – ${name}` : code;
  } catch {
    return code;
  }
}

/** "12,5" or "12.50" → 12.5; '' → null; anything else → NaN. */
export function parseAmount(text: string): number | null {
  const s = text.trim().replace(/\s/g, '');
  if (s === '') return null;
  const normalised = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) ? s.replace(/\./g, '').replace(',', '.') : s.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalised)) return Number.NaN;
  return Number(normalised);
}

/** Local calendar date, YYYY-MM-DD. */
export function localToday(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
