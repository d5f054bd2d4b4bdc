import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';
import { SHOP_PATHS } from './paths';

/** Wayfair and its sister stores (Joss & Main, AllModern, Birch Lane, Perigold) share one platform. */
export const wayfair = simpleAdapter({
  id: 'wayfair',
  hosts: SHOP_HOSTS.wayfair,
  currency: { 'wayfair.com': 'USD', 'wayfair.ca': 'CAD', 'wayfair.co.uk': 'GBP', 'wayfair.de': 'EUR', 'jossandmain.com': 'USD', 'allmodern.com': 'USD', 'birchlane.com': 'USD', 'perigold.com': 'USD' },
  paths: SHOP_PATHS.wayfair,
  title: ['[data-enzyme-id="PdpLayout-infoBlock"] h1', 'h1[data-hb-id="Heading"]', '.pl-Heading', '.ProductDetailInfoBlock-header h1', 'h1'],
  // "$98.99 $169.10 41% Off": the list price sits in BasePriceBlock--list.
  price: [
    '[data-test-id="PriceDisplay"]',
    '.StandardPriceBlock .BasePriceBlock:not(.BasePriceBlock--list)',
    '.StandardPricingPrice-PRIMARY',
    '.SFPrice .BasePriceBlock:not(.BasePriceBlock--list)',
  ],
  brand: ['[data-enzyme-id="manufacturer-link"]', '.ProductDetailInfoBlock-header-manu a', '.ProductDetailInfoBlock-header-manu'],
  breadcrumbs: '.Breadcrumbs-listItem',
});
