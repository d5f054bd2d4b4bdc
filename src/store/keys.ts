import type { Order } from '../types';

/** The shop part of a key: the host without a leading `www.`, lower case. */
export function shopKey(hostname: string): string {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return h.startsWith('www.') ? h.slice(4) : h;
}

/** FNV-1a, 52 bits: stable across browsers and runs, enough to tell orders apart on one device. */
export function fingerprint(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return (h1.toString(16).padStart(8, '0') + (h2 & 0xfffff).toString(16).padStart(5, '0'));
}

/**
 * One key per shop and order number; when the page shows no number, a fingerprint of what it does
 * show (date, lines, total), so that a reload or a second tab gives the same key.
 */
export function purchaseKey(shop: string, order: Pick<Order, 'orderId' | 'date' | 'total' | 'items'>): string {
  const s = shopKey(shop);
  const id = order.orderId?.trim();
  if (id) return `${s}|${id.toUpperCase()}`;
  const lines = order.items
    .map((i) => `${i.title.trim().toLowerCase()}*${i.quantity}@${i.price ?? ''}`)
    .sort()
    .join('\n');
  return `${s}|fp:${fingerprint(`${order.date ?? ''}\n${order.total ?? ''}\n${lines}`)}`;
}
