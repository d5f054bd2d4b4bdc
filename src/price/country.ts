import { COUNTRY_CURRENCY, SECOND_LEVEL_LABELS, TLD_COUNTRY_EXCEPTIONS, VANITY_TLDS } from './country-data';

const SCHEME_RE = /^[a-z][a-z0-9+.-]*:\/\//;
const IPV4_RE = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const TWO_LETTERS_RE = /^[a-z]{2}$/;
/** A locale prefix in the first label: "ar-sa.shop.com", "en_gb.shop.com". */
const LOCALE_LABEL_RE = /^[a-z]{2}[-_]([a-z]{2})$/;

/**
 * The country a shop's host name points at, from its country-code TLD ("amazon.co.uk" -> GB,
 * "mercadolibre.com.mx" -> MX) or a locale label ("ar-sa.namshi.com" -> SA). Generic TLDs (.com)
 * and ccTLDs sold as generic names (.io, .co, .tv) give null. Accepts a URL too.
 */
export function countryFromHostname(hostname: string): string | null {
  if (typeof hostname !== 'string' || hostname.length === 0 || hostname.length > 2048) return null;
  let host = hostname.trim().toLowerCase().replace(SCHEME_RE, '');
  const cut = host.search(/[/?#:]/);
  if (cut >= 0) host = host.slice(0, cut);
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (!host || IPV4_RE.test(host)) return null;

  const labels = host.split('.');
  const tld = labels[labels.length - 1]!;
  if (labels.length >= 2 && TWO_LETTERS_RE.test(tld)) {
    const country = TLD_COUNTRY_EXCEPTIONS[tld] ?? tld.toUpperCase();
    const underSecondLevel = labels.length >= 3 && SECOND_LEVEL_LABELS.has(labels[labels.length - 2]!);
    if (COUNTRY_CURRENCY.has(country) && (!VANITY_TLDS.has(tld) || underSecondLevel)) return country;
  }
  const locale = LOCALE_LABEL_RE.exec(labels[0]!);
  if (locale && labels.length >= 3) {
    const country = TLD_COUNTRY_EXCEPTIONS[locale[1]!] ?? locale[1]!.toUpperCase();
    if (COUNTRY_CURRENCY.has(country)) return country;
  }
  return null;
}

/** The everyday currency (ISO 4217) of an ISO 3166 alpha-2 country, or null when unknown. */
export function currencyForCountry(country: string | null | undefined): string | null {
  if (typeof country !== 'string' || country.length !== 2) return null;
  return COUNTRY_CURRENCY.get(country.toUpperCase()) ?? null;
}
