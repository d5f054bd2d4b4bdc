import { ownText } from './read';
import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';

export const zara = simpleAdapter({
  id: 'zara',
  hosts: SHOP_HOSTS.zara,
  paths: [[/-p\d{6,}\.html$/, 'product'], [/\/shop\/cart\b/, 'cart'], [/\/checkout\b/, 'checkout'], [/-l\d+\.html$/, 'other'], [/\/search\b/, 'other']],
  title: ['.product-detail-info__header-name', '.product-detail-info__name', 'h1.product-name'],
  price: [
    '.product-detail-info__price .money-amount__main',
    '.product-detail-info__header .money-amount__main',
    '[data-qa-qualifier="product-price"] .main-price',
    '.product-info-price .main-price',
    '.price .main-price',
  ],
  brandFixed: 'ZARA',
  breadcrumbs: '.breadcrumbs li, nav[aria-label="breadcrumb"] li',
  // h1.product-name also holds a "Details" toggle; the name is the h1's own text.
  extra(document) {
    const own = ownText(document.querySelector('h1.product-name'));
    return own ? { title: own } : {};
  },
});
