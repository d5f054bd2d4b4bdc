import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';
import { SHOP_PATHS } from './paths';

export const ikea = simpleAdapter({
  id: 'ikea',
  hosts: SHOP_HOSTS.ikea,
  paths: SHOP_PATHS.ikea,
  title: ['h1.pip-header-section', 'h1.range-revamp-header-section', '.pip-header-section h1', 'h1'],
  // The main price package; the compact packages further down are other products.
  price: [
    '.pip-temp-price-module__current-price .pip-temp-price',
    '.pip-pip-price-package__main-price .pip-price',
    '.pip-price-package__main-price .pip-price',
    '.range-revamp-pip-price-package__main-price .range-revamp-price',
    '.js-price-package .pip-price',
  ],
  brandFixed: 'IKEA',
  breadcrumbs: '.bc-breadcrumb__list-item',
  availability: ['.pip-stockcheck__text', '.range-revamp-stockcheck__text'],
  sku: ['.pip-product-identifier__value', '.range-revamp-product-identifier__value'],
});
