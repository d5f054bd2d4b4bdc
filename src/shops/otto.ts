import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';
import { SHOP_PATHS } from './paths';

export const otto = simpleAdapter({
  id: 'otto',
  hosts: SHOP_HOSTS.otto,
  currency: { 'otto.de': 'EUR' },
  paths: SHOP_PATHS.otto,
  title: ['h1[data-qa="variationName"]', '.prd_shortInfo__variationName', 'h1[itemprop="name"]', 'h1'],
  // "UVP € 149,99 -21% € 119,01": the reduced amount is the price, the UVP is a reference.
  price: ['#reducedPriceAmount', '#normalPriceAmount', '.prd_price__main .prd_price__amount', '[data-qa="price"]', '.pdp_price__price'],
  brand: ['[itemprop="brand"]', '[data-qa="brandName"]'],
  breadcrumbs: '.nav_breadcrumb .nav_breadcrumb-path',
  availability: ['.prd_availability__text', '[data-qa="deliveryStatus"]'],
});
