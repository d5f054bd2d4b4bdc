/**
 * VAT to remove from shop prices before applying spend factors (EPA factors are per purchaser
 * price excluding sales taxes). Standard and food rates as in force in 2024-2025 (European
 * Commission "VAT rates applied in the Member States"; HMRC; Swiss FTA). US and Canadian shops show
 * prices before sales tax, so nothing is removed there.
 */
export interface VatRate { standard: number; food: number }

export const VAT: Record<string, VatRate> = {
  AT: { standard: 0.2, food: 0.1 },
  AU: { standard: 0.1, food: 0 },
  BE: { standard: 0.21, food: 0.06 },
  CA: { standard: 0, food: 0 },
  CH: { standard: 0.081, food: 0.026 },
  CZ: { standard: 0.21, food: 0.12 },
  DE: { standard: 0.19, food: 0.07 },
  DK: { standard: 0.25, food: 0.25 },
  ES: { standard: 0.21, food: 0.1 },
  FI: { standard: 0.255, food: 0.14 },
  FR: { standard: 0.2, food: 0.055 },
  GB: { standard: 0.2, food: 0 },
  IE: { standard: 0.23, food: 0 },
  IT: { standard: 0.22, food: 0.1 },
  JP: { standard: 0.1, food: 0.08 },
  NL: { standard: 0.21, food: 0.09 },
  NO: { standard: 0.25, food: 0.15 },
  PL: { standard: 0.23, food: 0.05 },
  PT: { standard: 0.23, food: 0.06 },
  SE: { standard: 0.25, food: 0.12 },
  US: { standard: 0, food: 0 },
};

/** Country-code top-level domains that differ from the ISO country code. */
const TLD_COUNTRY: Record<string, string> = { uk: 'GB', com: 'US' };

/** Where a currency alone says where the shop is (EUR: the euro-area shop we see most, Germany). */
const CURRENCY_COUNTRY: Record<string, string> = {
  USD: 'US', GBP: 'GB', EUR: 'DE', CHF: 'CH', SEK: 'SE', DKK: 'DK', NOK: 'NO', PLN: 'PL', CZK: 'CZ', CAD: 'CA', AUD: 'AU', JPY: 'JP',
};

/** The shop's country from its host name (country TLD) or, failing that, its currency. */
export function shopCountry(site: string | null | undefined, currency: string | null | undefined): string | null {
  const tld = site?.toLowerCase().replace(/\.$/, '').split('.').pop();
  if (tld && tld !== 'com' && tld !== 'net' && tld !== 'org' && tld !== 'shop') {
    const c = TLD_COUNTRY[tld] ?? tld.toUpperCase();
    if (VAT[c]) return c;
  }
  if (currency && CURRENCY_COUNTRY[currency]) return CURRENCY_COUNTRY[currency]!;
  if (tld === 'com') return 'US';
  return null;
}

/** Default currency by shop country, when the page gives a price without one. */
export const COUNTRY_CURRENCY: Record<string, string> = {
  AT: 'EUR', AU: 'AUD', BE: 'EUR', CA: 'CAD', CH: 'CHF', CZ: 'CZK', DE: 'EUR', DK: 'DKK', ES: 'EUR', FI: 'EUR', FR: 'EUR',
  GB: 'GBP', IE: 'EUR', IT: 'EUR', JP: 'JPY', NL: 'EUR', NO: 'NOK', PL: 'PLN', PT: 'EUR', SE: 'SEK', US: 'USD',
};
