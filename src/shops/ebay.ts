import type { Product } from '../types';
import { clean, crumbs, MAX_TEXT } from './read';
import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';
import { SHOP_PATHS } from './paths';
import { textStart } from '../extract/bounded-text';

/** eBay's h1 starts with a visually hidden "Details about" (localised) for screen readers. */
const HIDDEN_PREFIX_RE = /^(?:Details about|Detalles de|Détails sur|Details zu|Dettagli su|Details over|Szczegóły dotyczące)\s+/i;
const ITEM_ID_RE = /\/itm\/(?:[^/]+\/)?(\d{9,15})/;
const BRAND_LABEL_RE = /^(?:Brand|Marke|Marque|Marca|Merk|Marka)\s*:?$/i;

/** Item specifics are label/value pairs; the brand is the value next to the "Brand" label. */
function specificsBrand(document: Document): string | null {
  for (const label of Array.from(document.querySelectorAll('.itemAttr td.attrLabels, .ux-labels-values__labels'))) {
    if (!BRAND_LABEL_RE.test(clean(textStart(label, MAX_TEXT)))) continue;
    const value = label.nextElementSibling;
    const t = clean(textStart(value, MAX_TEXT));
    if (t) return t;
  }
  return null;
}

/** A listing can sit in two categories; each trail is its own list, and the first is the primary one. */
function firstTrail(document: Document): string[] | null {
  const first = document.querySelector('#vi-VR-brumb-lnkLst li[itemprop="itemListElement"], nav.breadcrumbs li');
  const list = first?.parentElement;
  return list ? crumbs(list, ':scope > li[itemprop="itemListElement"], :scope > li a, :scope > li > span') : null;
}

export const ebay = simpleAdapter({
  id: 'ebay',
  hosts: SHOP_HOSTS.ebay,
  currency: { 'ebay.com': 'USD', 'ebay.co.uk': 'GBP', 'ebay.ca': 'CAD', 'ebay.de': 'EUR', 'ebay.fr': 'EUR', 'ebay.it': 'EUR', 'ebay.es': 'EUR', 'ebay.nl': 'EUR', 'ebay.be': 'EUR', 'ebay.at': 'EUR', 'ebay.ch': 'CHF', 'ebay.ie': 'EUR', 'ebay.pl': 'PLN', 'ebay.com.au': 'AUD' },
  paths: SHOP_PATHS.ebay,
  title: ['#itemTitle', 'h1.x-item-title__mainTitle', '.x-item-title__mainTitle', 'h1[itemprop="name"]'],
  fixTitle: (t) => t.replace(HIDDEN_PREFIX_RE, ''),
  // The listing's own currency ("GBP 1.99"), not the converted "Approximately US $2.66".
  price: ['#prcIsum', '#prcIsum_bidPrice', '#mm-saleDscPrc', '.x-bin-price .x-price-primary', '.x-bid-price .x-price-primary', '.x-price-primary'],
  availability: ['#qtySubTxt', '.d-quantity__availability'],
  extra(document, url): Partial<Product> {
    const id = ITEM_ID_RE.exec(url.pathname)?.[1] ?? null;
    const out: Partial<Product> = {};
    const brand = specificsBrand(document);
    if (brand) out.brand = brand;
    const trail = firstTrail(document);
    if (trail) out.breadcrumbs = trail;
    if (id) out.sku = id;
    return out;
  },
});
