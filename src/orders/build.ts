import type { Order, OrderItem } from '../types';
import { saneAmount } from './money';
import { clean } from './text';

export interface ItemDraft {
  title: string | null | undefined;
  quantity?: number | null;
  /** Unit price. */
  price?: number | null;
  /** Price for the whole line; turned into a unit price by dividing by the quantity. */
  linePrice?: number | null;
  currency?: string | null;
}

export interface OrderDraft {
  orderId: string | null | undefined;
  date?: string | null;
  currency?: string | null;
  total?: number | null;
  items?: ItemDraft[];
}

const MAX_ITEMS = 500;
const MAX_QUANTITY = 10_000;

function quantity(q: number | null | undefined): number {
  if (typeof q !== 'number' || !Number.isFinite(q) || q < 1) return 1;
  return Math.min(Math.floor(q), MAX_QUANTITY);
}

export function makeItem(d: ItemDraft, fallbackCurrency: string | null): OrderItem {
  const q = quantity(d.quantity);
  let price = saneAmount(d.price);
  if (price === null && d.linePrice != null) {
    const line = saneAmount(d.linePrice);
    price = line === null ? null : Math.round((line / q) * 100) / 100;
  }
  return {
    title: clean(d.title ?? '').slice(0, 500),
    quantity: q,
    price,
    currency: d.currency ?? fallbackCurrency,
  };
}

const ISO_CURRENCY = /^[A-Z]{3}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Normalises a draft into an `Order`, or null when it has no order number (nothing to record once). */
export function makeOrder(d: OrderDraft): Order | null {
  const orderId = clean(d.orderId ?? '').slice(0, 64);
  if (!orderId) return null;
  const currency = d.currency && ISO_CURRENCY.test(d.currency) ? d.currency : null;
  const items = (d.items ?? []).slice(0, MAX_ITEMS).map((i) => makeItem(i, currency));
  return {
    orderId,
    date: d.date && ISO_DATE.test(d.date) ? d.date : null,
    currency: currency ?? items.find((i) => i.currency)?.currency ?? null,
    total: saneAmount(d.total),
    items,
  };
}
