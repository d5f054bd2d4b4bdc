/**
 * The one place where page reading meets the modules other parts of the team own (price parser,
 * shop adapters, visual tier, orders). Everything in src/extract imports them from here, so a
 * change of their signatures touches one file.
 */
export { parsePrice } from '../price/parse';
export { countryFromHostname } from '../price/country';
export { findAdapters, hostAdapters, isKnownShopHost, platformAdapters } from '../shops/registry';
export type { ShopAdapter } from '../shops/types';
export { readVisualProduct } from '../visual/read-visual';
export { readOrders } from '../orders/read-order';
export { mayBeOrderPage } from '../orders/gate';
