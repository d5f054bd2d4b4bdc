import { FX } from '../data/generated/fx';
import { CPI } from '../data/generated/cpi';
import { SPEND_FACTORS } from '../data/generated/spend-factors';
import { COUNTRY_CURRENCY, VAT, shopCountry } from '../data/vat';

const fxRows = FX.rows as Record<string, Record<string, number>>;
const cpiRows = CPI.rows as Record<string, { index: number; complete: boolean }>;
const years = Object.keys(cpiRows).map(Number).filter((y) => fxRows.USD?.[String(y)] !== undefined);
/** The newest year with both an exchange rate and a price index (possibly a partial year). */
export const LATEST_YEAR = Math.max(...years);
const FIRST_YEAR = Math.min(...years);

export interface Conversion {
  price: number;
  currency: string;
  year: number;
  /** Units of `currency` per USD, annual ECB average. */
  fxPerUsd: number;
  usd: number;
  /** USD in the factor's dollar year after CPI-U deflation. */
  usdFactorYear: number;
  country: string | null;
  vatRate: number;
  /** Net of VAT, factor-year USD: what the EPA factor multiplies. */
  usdNet: number;
  assumed: string[];
}

/**
 * Price → USD at the year's average ECB rate → deflated with CPI-U to the EPA factor's dollar
 * year → VAT removed where the shop's country includes it in shelf prices.
 */
export function convertPrice(price: number, currency: string | null | undefined, date: string | null | undefined, site: string | null | undefined, food: boolean): Conversion | null {
  const assumed: string[] = [];
  const country = shopCountry(site, currency);
  let cur = currency?.toUpperCase() ?? null;
  if (!cur) {
    cur = (country && COUNTRY_CURRENCY[country]) || 'USD';
    assumed.push(`currency ${cur} assumed from the shop`);
  }
  let year = date ? Number(date.slice(0, 4)) : LATEST_YEAR;
  if (!Number.isFinite(year) || year > LATEST_YEAR) year = LATEST_YEAR;
  if (year < FIRST_YEAR) { year = FIRST_YEAR; assumed.push(`prices before ${FIRST_YEAR} treated as ${FIRST_YEAR}`); }
  const fxPerUsd = fxRows[cur]?.[String(year)];
  if (fxPerUsd === undefined) return null;
  const usd = price / fxPerUsd;
  const usdFactorYear = usd * (cpiRows[String(SPEND_FACTORS.dollarYear)]!.index / cpiRows[String(year)]!.index);
  const vat = country ? VAT[country] : undefined;
  const vatRate = vat ? (food ? vat.food : vat.standard) : 0;
  if (!country) assumed.push('shop country unknown: no VAT removed');
  return { price, currency: cur, year, fxPerUsd, usd, usdFactorYear, country, vatRate, usdNet: usdFactorYear / (1 + vatRate), assumed };
}
