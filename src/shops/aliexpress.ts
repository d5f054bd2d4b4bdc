import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';

export const aliexpress = simpleAdapter({
  id: 'aliexpress',
  hosts: SHOP_HOSTS.aliexpress,
  paths: [[/^\/item\//, 'product'], [/^\/p\/shoppingcart\b|^\/shoppingcart\b/, 'cart'], [/^\/p\/trade\/confirm|^\/trade\//, 'checkout'], [/^\/(?:w|af|category|wholesale)\b/, 'other']],
  title: ['h1[data-pl="product-title"]', '.product-title-text', '[class*="title--wrap"] h1', 'h1'],
  price: ['.product-price-current', '[class*="price--current"] [class*="price--currentPriceText"]', '.uniform-banner-box-price', '[class*="price--current"]', '.product-price-value'],
});
