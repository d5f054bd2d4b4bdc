import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';

export const argos = simpleAdapter({
  id: 'argos',
  hosts: SHOP_HOSTS.argos,
  currency: { 'argos.co.uk': 'GBP', 'argos.ie': 'EUR' },
  paths: [[/^\/product\//, 'product'], [/^\/basket\b/, 'cart'], [/^\/(?:checkout|webapp\/wcs\/stores\/servlet\/.*Checkout)/, 'checkout'], [/^\/(?:search|browse|list)\//, 'other']],
  title: ['[data-test="product-title"]', 'h1[itemprop="name"]', 'h1'],
  price: ['[data-test="product-price-primary"]', 'section.pdp-pricing-module [itemprop="price"]'],
  brand: ['[itemprop="brand"]', '[data-test="product-brand"]'],
  brandAttr: [['meta[itemprop="brand"]', 'content']],
  breadcrumbs: '[data-test="component-breadcrumb-item"]:not(:last-child)',
  availability: ['[data-test="delivery-availability"]', '[data-test="add-to-trolley-button-button"]'],
});
