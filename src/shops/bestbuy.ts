import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';
import { SHOP_PATHS } from './paths';

export const bestbuy = simpleAdapter({
  id: 'bestbuy',
  hosts: SHOP_HOSTS.bestbuy,
  currency: { 'bestbuy.com': 'USD', 'bestbuy.ca': 'CAD' },
  paths: SHOP_PATHS.bestbuy,
  title: ['.sku-title h1', 'h1.heading-5', 'h1[itemprop="name"]', 'h1[class^="productName"]', 'h1'],
  // bestbuy.ca renders "$249<sup>99</sup>" in the salePrice block.
  price: [
    '[data-testid="customer-price"] span:first-child',
    '.priceView-customer-price > span:first-child',
    '.priceView-hero-price > span:first-child',
    'div[class*="salePrice_"]',
    '[data-automation="product-price"] div[class*="price_"]',
  ],
  brand: ['[data-automation="product-brand"]'],
  breadcrumbs: 'nav[aria-label="breadcrumbs"] li, ol[class*="breadcrumbList"] li, [class*="breadcrumb"] li[typeof="ListItem"]',
  availability: ['.fulfillment-add-to-cart-button', '[data-automation="store-availability-checker"]', '[class*="availabilityMessage"]'],
});
