import { ownText } from './read';
import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';
import { SHOP_PATHS } from './paths';

export const zara = simpleAdapter({
  id: 'zara',
  hosts: SHOP_HOSTS.zara,
  paths: SHOP_PATHS.zara,
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
