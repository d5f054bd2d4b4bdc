import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';
import { SHOP_PATHS } from './paths';

export const homedepot = simpleAdapter({
  id: 'homedepot',
  hosts: SHOP_HOSTS.homedepot,
  currency: { 'homedepot.com': 'USD', 'homedepot.ca': 'CAD' },
  paths: SHOP_PATHS.homedepot,
  title: ['h1.product-details__title', '.product-details__title', '[data-component*="ProductDetailsTitle"] h1', 'h1.product-title__title', 'h1'],
  // "$<span>299</span><span>00</span>": the price parts sit in separate spans with the cents raised.
  price: ['[data-testid="price-format__main-price"]', '#standard-price', '.price-format__main-price', '.price-detailed__wrapper .price', '#ajaxPrice'],
  brand: ['.product-details__brand--link', '[data-component*="ProductDetailsBrandCollection"] a', '.product-title__brand', 'h2.product-details__brand'],
  breadcrumbs: '.breadcrumb__item, nav[aria-label="breadcrumbs"] li',
});
