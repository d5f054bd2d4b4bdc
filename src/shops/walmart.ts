import { simpleAdapter } from './simple';
import { SHOP_HOSTS } from './hosts';
import { SHOP_PATHS } from './paths';

export const walmart = simpleAdapter({
  id: 'walmart',
  hosts: SHOP_HOSTS.walmart,
  currency: { 'walmart.com': 'USD', 'walmart.ca': 'CAD' },
  paths: SHOP_PATHS.walmart,
  title: ['h1[itemprop="name"]', '#main-title', 'h1.prod-ProductTitle', '[data-testid="product-title"]', 'h1'],
  price: [
    '[data-testid="price-wrap"] [itemprop="price"]',
    'span[itemprop="price"]',
    '[data-seo-id="hero-price"]',
    '.prod-PriceHero .price-characteristic',
    '[data-automation="buybox-price"]',
  ],
  brand: ['[data-seo-id="brand-name"]', 'a[link-identifier="brandName"]', '.prod-brandName', '[data-automation="brand-link"]'],
  breadcrumbs: 'nav[aria-label="breadcrumb"] li, .breadcrumb-list li, [data-automation="breadcrumb-item"]',
});
