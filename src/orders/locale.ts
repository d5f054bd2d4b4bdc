import { countryFromHostname, currencyForCountry } from '../price/country';

/** Country and default currency of a shop: the hint for `$`, `kr` and numeric dates. */
export interface ShopLocale {
  country: string | null;
  currency: string | null;
}

/** `.com` says nothing about the country; these `.com` shops are the US storefronts. */
const US_DOT_COM = new Set(['amazon.com', 'ebay.com', 'bestbuy.com', 'walmart.com', 'target.com']);

export function localeOfHost(hostname: string): ShopLocale {
  let country = countryFromHostname(hostname);
  if (!country && US_DOT_COM.has(hostname.toLowerCase().replace(/\.+$/, '').split('.').slice(-2).join('.'))) country = 'US';
  return { country, currency: country ? currencyForCountry(country) : null };
}

/**
 * The shop's locale from its host, else from `<html lang="en-GB">`: platform shops (Shopify,
 * WooCommerce) often sit on a `.com` that says nothing, but declare the region in the page language.
 */
export function localeOfPage(document: Document, url: URL): ShopLocale {
  const byHost = localeOfHost(url.hostname);
  if (byHost.country) return byHost;
  const lang = document.documentElement?.getAttribute('lang') ?? '';
  const region = /^[a-z]{2,3}[-_]([A-Za-z]{2})\b/.exec(lang)?.[1]?.toUpperCase();
  if (region) return { country: region, currency: currencyForCountry(region) };
  return byHost;
}
