import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';
import { SHOP_PATHS } from './paths';

export const alibaba = simpleAdapter({
  id: 'alibaba',
  hosts: SHOP_HOSTS.alibaba,
  currency: { 'alibaba.com': 'USD' },
  paths: SHOP_PATHS.alibaba,
  title: ['.product-title-container h1', '.module-pdp-title h1', 'h1.ma-title', 'h1'],
  // Tiered B2B prices: the first tier (smallest order) is the one a shopper compares.
  price: ['.price-list .price-item .price', '.module-pdp-price .price', '.ma-ref-price', '.price-range .price', '.promotion-price .price'],
});
