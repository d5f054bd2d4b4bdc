import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';

export const alibaba = simpleAdapter({
  id: 'alibaba',
  hosts: SHOP_HOSTS.alibaba,
  currency: { 'alibaba.com': 'USD' },
  paths: [[/^\/product-detail\//, 'product'], [/^\/(?:trade\/search|showroom|catalog|products)\b/, 'other']],
  title: ['.product-title-container h1', '.module-pdp-title h1', 'h1.ma-title', 'h1'],
  // Tiered B2B prices: the first tier (smallest order) is the one a shopper compares.
  price: ['.price-list .price-item .price', '.module-pdp-price .price', '.ma-ref-price', '.price-range .price', '.promotion-price .price'],
});
