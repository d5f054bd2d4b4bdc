import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';
import { SHOP_PATHS } from './paths';

export const johnlewis = simpleAdapter({
  id: 'johnlewis',
  hosts: SHOP_HOSTS.johnlewis,
  currency: { 'johnlewis.com': 'GBP' },
  paths: SHOP_PATHS.johnlewis,
  title: ['h1.product-header__title', '[data-testid="product:title"]', 'h1[itemprop="name"]', 'h1'],
  // "£12.50 per metre": the amount is the price, the unit only qualifies it.
  price: ['.product-header .price--large', '.prices-container .price', '[data-testid="product:price"]', '.price-value'],
  brand: ['[data-testid="product:title:brand"]', '[itemprop="brand"]'],
  brandAttr: [['#brand-link-app', 'data-brand-name'], ['[data-brand-name]', 'data-brand-name']],
  breadcrumbs: '.breadcrumbs__item',
  availability: ['.add-to-basket-form .stock-message', '[data-testid="stock-message"]'],
});
