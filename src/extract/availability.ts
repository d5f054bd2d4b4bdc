import type { Availability } from '../types';

/**
 * Availability as the shopper can act on it. Mapping (schema.org ItemAvailability and the free text
 * shops put in OpenGraph / microdata):
 * - InStock: InStock, InStoreOnly, OnlineOnly, LimitedAvailability, PreOrder, PreSale, BackOrder,
 *   MadeToOrder: the shopper can buy it now, even if it ships later.
 * - OutOfStock: OutOfStock, SoldOut, Discontinued, "out of stock", "unavailable".
 * - anything else (Reserved, unknown words): null.
 */
const IN = /^(?:instock|instoreonly|onlineonly|limitedavailability|preorder|presale|backorder|madetoorder|available|in stock|in_stock|yes|true)$/;
const OUT = /^(?:outofstock|out of stock|out_of_stock|soldout|sold out|discontinued|unavailable|oos|no|false)$/;
const PREFIX = /^(?:https?:\/\/(?:www\.)?schema\.org\/|schema:)/;

export function availabilityFrom(value: unknown): Availability | null {
  if (typeof value !== 'string') return null;
  const s = value.trim().toLowerCase().replace(PREFIX, '').replace(/[\s-]+/g, ' ').trim();
  if (IN.test(s) || IN.test(s.replace(/ /g, ''))) return 'InStock';
  if (OUT.test(s) || OUT.test(s.replace(/ /g, ''))) return 'OutOfStock';
  return null;
}
