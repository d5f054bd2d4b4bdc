import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';
import { SHOP_PATHS } from './paths';

export const aliexpress = simpleAdapter({
  id: 'aliexpress',
  hosts: SHOP_HOSTS.aliexpress,
  paths: SHOP_PATHS.aliexpress,
  title: ['h1[data-pl="product-title"]', '.product-title-text', '[class*="title--wrap"] h1', 'h1'],
  price: ['.product-price-current', '[class*="price--current"] [class*="price--currentPriceText"]', '.uniform-banner-box-price', '[class*="price--current"]', '.product-price-value'],
});
