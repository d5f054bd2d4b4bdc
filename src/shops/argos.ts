import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';
import { SHOP_PATHS } from './paths';

export const argos = simpleAdapter({
  id: 'argos',
  hosts: SHOP_HOSTS.argos,
  currency: { 'argos.co.uk': 'GBP', 'argos.ie': 'EUR' },
  paths: SHOP_PATHS.argos,
  title: ['[data-test="product-title"]', 'h1[itemprop="name"]', 'h1'],
  price: ['[data-test="product-price-primary"]', 'section.pdp-pricing-module [itemprop="price"]'],
  brand: ['[itemprop="brand"]', '[data-test="product-brand"]'],
  brandAttr: [['meta[itemprop="brand"]', 'content']],
  breadcrumbs: '[data-test="component-breadcrumb-item"]:not(:last-child)',
  availability: ['[data-test="delivery-availability"]', '[data-test="add-to-trolley-button-button"]'],
});
