import type { PageKind, Product } from '../types';
import { hostMatches } from './host';
import { availabilityFrom, crumbs, finish, priceAt, textAt, visibleText } from './read';
import type { ShopAdapter } from './types';
import { SHOP_HOSTS } from './hosts';
import { kindFromPaths, SHOP_PATHS } from './paths';

/** Regional storefronts and the currency each one prices in. */
export const CURRENCY_BY_HOST: ReadonlyArray<readonly [string, string]> = [
  ['amazon.com', 'USD'], ['amazon.co.uk', 'GBP'], ['amazon.de', 'EUR'], ['amazon.fr', 'EUR'],
  ['amazon.it', 'EUR'], ['amazon.es', 'EUR'], ['amazon.nl', 'EUR'], ['amazon.se', 'SEK'],
  ['amazon.pl', 'PLN'], ['amazon.com.be', 'EUR'], ['amazon.ca', 'CAD'], ['amazon.com.mx', 'MXN'],
  ['amazon.com.br', 'BRL'], ['amazon.co.jp', 'JPY'], ['amazon.in', 'INR'], ['amazon.com.au', 'AUD'],
  ['amazon.sg', 'SGD'], ['amazon.ae', 'AED'], ['amazon.sa', 'SAR'], ['amazon.eg', 'EGP'],
  ['amazon.com.tr', 'TRY'],
];

function currencyFor(hostname: string): string | null {
  // Longest suffix first, so amazon.com.mx is not read as amazon.com.
  let best: readonly [string, string] | null = null;
  for (const entry of CURRENCY_BY_HOST) {
    if (hostMatches(hostname, entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best ? best[1] : null;
}

/** Buy-box prices, most specific first; list prices are struck through (`a-text-price`) and skipped. */
const PRICE_SELECTORS = [
  '#corePrice_feature_div .a-price:not(.a-text-price) .a-offscreen',
  '#corePriceDisplay_desktop_feature_div .priceToPay .a-offscreen',
  '.apexPriceToPay .a-offscreen',
  '#priceblock_dealprice',
  '#priceblock_saleprice',
  '#priceblock_ourprice',
  '#price_inside_buybox',
  '#newBuyBoxPrice',
  '#kindle-price',
  '#tp_price_block_total_price_ww .a-offscreen',
  '#price .a-price:not(.a-text-price) .a-offscreen',
  '#buyNewSection .a-color-price',
  '#usedBuySection .a-color-price',
];

/** With no buy box, Amazon shows the lowest marketplace offer ("New & Used (7) from €99.12"). */
const OFFER_SELECTORS = ['#olp-upd-new-used .a-color-price', '#olp-upd-new .a-color-price', '#olp-upd-new-used', '#olp-upd-new'];

const BRAND_RES: readonly RegExp[] = [
  /^(?:Visit the|Visita lo Store di|Visita la tienda de|Visitez la boutique|Visiter la boutique|Bezoek de|Besök|Odwiedź sklep|Visite a Loja|Visite la tienda de)\s+(.+?)(?:[-\s]+(?:Store|Shop|Boutique|Tienda|winkel|butik|sklep|Loja))?$/i,
  /^Besuchen Sie den\s+(.+?)-Store$/i,
  /^(?:Brand|Marke|Marque|Marca|Merk|Märke|Marka|ブランド)\s*:\s*(.+)$/i,
];

export function amazonBrand(byline: string | null): string | null {
  if (!byline) return null;
  for (const re of BRAND_RES) {
    const m = re.exec(byline);
    if (m) return m[1]!.trim() || null;
  }
  return null;
}

function kind(_document: Document, url: URL): PageKind | null {
  return kindFromPaths(SHOP_PATHS.amazon, url);
}

function product(document: Document, url: URL): Partial<Product> | null {
  const title = textAt(document, ['#productTitle', '#ebooksProductTitle', '#title']);
  if (!title) return null;
  const hint = { currencyHint: currencyFor(url.hostname) };
  const price = priceAt(document, PRICE_SELECTORS, hint) ?? priceAt(document, OFFER_SELECTORS, hint);
  const asin = document.querySelector('input#ASIN, input[name="ASIN"]')?.getAttribute('value') ?? null;
  return finish({
    title,
    price: price?.price ?? null,
    currency: price?.currency ?? null,
    brand: amazonBrand(visibleText(document.querySelector('#bylineInfo'))),
    sku: asin || asinFrom(url),
    breadcrumbs: crumbs(document, '#wayfinding-breadcrumbs_feature_div li:not(.a-breadcrumb-divider)'),
    availability: availabilityFrom(textAt(document, ['#availability > span', '#availability', '#outOfStock'])),
  });
}

const ASIN_RE = /\/(?:dp|gp\/product|d)\/([A-Z0-9]{10})(?:[/?]|$)/i;
function asinFrom(url: URL): string | null {
  return ASIN_RE.exec(url.pathname)?.[1]?.toUpperCase() ?? null;
}

export const amazon: ShopAdapter = {
  id: 'amazon',
  hosts: SHOP_HOSTS.amazon,
  kind,
  product,
};
