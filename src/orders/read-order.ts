import type { Order } from '../types';
import { hostMatchesAny } from '../shops/host';
import { mayBeOrderPage } from './gate';
import { readGeneric } from './generic';
import { ORDER_READERS } from './registry';
import { readSchemaOrders } from './schema-org';
import type { OrderReader } from './types';

/**
 * Orders shown on an order confirmation / order-detail page (or an order e-mail open in web mail), in
 * three tiers: schema.org `Order` markup, then a shop/platform reader from the registry, then the generic
 * reader behind a cheap gate. [] for every other page (products, lists, order histories, carts,
 * checkouts not yet placed). Never throws: a page that breaks a reader is simply not an order page.
 */

function recognised(document: Document, url: URL, reader: OrderReader, gatePassed: boolean): boolean {
  if (reader.hosts && !hostMatchesAny(url.hostname, reader.hosts)) return false;
  if (reader.path?.test(url.pathname)) return true;
  if (reader.ids?.some((id) => document.getElementById(id) !== null)) return true;
  if (!reader.signature || (reader.signatureAfterGate && !gatePassed)) return false;
  return document.querySelector(reader.signature) !== null;
}

function fromReaders(document: Document, url: URL, gatePassed: boolean, tried: Set<string>): Order[] | null {
  for (const reader of ORDER_READERS) {
    if (tried.has(reader.id) || !recognised(document, url, reader, gatePassed)) continue;
    tried.add(reader.id);
    const orders = reader.read(document, url);
    if (orders.length) return orders;
    // A shop reader that claims its own page (e.g. Amazon order details) has the last word there.
    if (reader.hosts) return [];
  }
  return null;
}

export function readOrders(document: Document, url: URL): Order[] {
  try {
    const marked = readSchemaOrders(document);
    if (marked.length) return marked;
    const tried = new Set<string>();
    const early = fromReaders(document, url, false, tried);
    if (early) return early;
    if (!mayBeOrderPage(document, url)) return [];
    return fromReaders(document, url, true, tried) ?? readGeneric(document, url);
  } catch {
    return [];
  }
}

/** The first order on the page, or null. */
export function readOrder(document: Document, url: string): Order | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return readOrders(document, parsed)[0] ?? null;
}
