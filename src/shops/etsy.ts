import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';
import { SHOP_PATHS } from './paths';

export const etsy = simpleAdapter({
  id: 'etsy',
  hosts: SHOP_HOSTS.etsy,
  paths: SHOP_PATHS.etsy,
  // The first h1 on the page can be the privacy-settings dialog; the listing title has its own hooks.
  title: ['h1[data-buy-box-listing-title]', '[data-buy-box-region="title"] h1', '#listing-page-cart h1', '[data-component="listing-page-title-component"] h1'],
  // Buyer-facing price incl. VAT in the buyer's currency; the struck original sits in its own element.
  price: ['[data-buy-box-region="price"] p.wt-text-title-03', '[data-buy-box-region="price"] .wt-text-title-larger', '[data-selector="price-only"] p.wt-text-title-03', '[data-selector="price-only"]'],
  brand: ['#listing-page-cart a[href*="/shop/"]', '[data-buy-box-region] a[href*="/shop/"]', 'a.wt-text-link-no-underline[href*="/shop/"]'],
  breadcrumbs: 'nav[aria-label="Breadcrumb"] li, .wt-action-group--breadcrumb li',
  availability: ['[data-buy-box-region="price"] p.wt-text-caption', '[data-buy-box-region="stock_indicator"]'],
});
