import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';
import { SHOP_PATHS } from './paths';

export const hm = simpleAdapter({
  id: 'hm',
  hosts: SHOP_HOSTS.hm,
  paths: SHOP_PATHS.hm,
  title: ['#js-product-name h1', 'h1.product-item-headline', '[data-testid="product-name"]', 'h1'],
  // Sale items show the reduced price in .price-value and the original in .price-value-original.
  price: ['#product-price .price-value', '.product-item-price .price-value', '[data-testid="price"] .price-value', '.ProductPrice-module--productItemPrice span', 'hm-product-price'],
  brandFixed: 'H&M',
  breadcrumbs: '.breadcrumbs-list li, nav[aria-label="Breadcrumb"] li',
});
