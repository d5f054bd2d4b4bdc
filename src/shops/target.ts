import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';
import { SHOP_PATHS } from './paths';

export const target = simpleAdapter({
  id: 'target',
  hosts: SHOP_HOSTS.target,
  currency: { 'target.com': 'USD' },
  paths: SHOP_PATHS.target,
  title: ['h1[data-test="product-title"]', 'h1[itemprop="name"]', 'h1'],
  price: ['[data-test="product-price"]', '[data-test="product-price-sale"]', '[data-test="product-price-reg"]'],
  brand: ['[data-test="@web/ProductDetailPage/ProductDetailBrand"]', 'a[data-test="shopAllBrandLink"]', '[data-test="product-brand"]'],
  breadcrumbs: '[data-test="@web/Breadcrumbs/BreadcrumbLink"], nav[aria-label="Breadcrumbs"] li',
});
