import type { Order } from '../../types';
import { hostMatchesAny } from '../../shops/host';
import { makeOrder, type ItemDraft, type OrderDraft } from '../build';
import { parseDate } from '../dates';
import { localeOfHost } from '../locale';
import { readMoney, type MoneyContext } from '../money';
import { findLabelled, linkedHosts, linesOf, textOf } from '../text';
import type { OrderReader } from '../types';
import { AMAZON_HOSTS, AMAZON_ORDER_ID } from './amazon-hosts';

/**
 * Amazon order-confirmation e-mails ("Order Confirmation / Order #…"), read in a web-mail client: the
 * page's host says nothing, so the shop is recognised by the e-mail's own tables and its links to an
 * Amazon storefront (whose country also fixes `$` and date order). A purchase that Amazon splits into
 * several orders gives one Order per "Order #" block, each with its own "Order Total".
 */

const BLOCKS = '[id="orderDetails"], [id="criticalInfo"], [id="itemDetails"]';

function shopContext(document: Document): MoneyContext | null {
  const host = linkedHosts(document).find((h) => hostMatchesAny(h, AMAZON_HOSTS));
  return host ? localeOfHost(host) : null;
}

function readItems(table: Element, ctx: MoneyContext): ItemDraft[] {
  const items: ItemDraft[] = [];
  for (const row of table.querySelectorAll('tr')) {
    const name = row.querySelector('td.name');
    if (!name) continue;
    const title = textOf(name.querySelector('a')) || linesOf(name)[0] || '';
    const q = /\b(?:quantity|qty|menge|quantité|cantidad|quantità)\s*:\s*(\d+)/i.exec(textOf(name));
    const m = readMoney(textOf(row.querySelector('td.price')), ctx);
    items.push({ title, quantity: q ? Number(q[1]) : 1, price: m?.amount ?? null, currency: m?.currency ?? null });
  }
  return items;
}

function read(document: Document): Order[] {
  const ctx = shopContext(document);
  if (!ctx) return [];
  const drafts: OrderDraft[] = [];
  let current: OrderDraft | null = null;
  const headerId = AMAZON_ORDER_ID.exec(textOf(document.querySelector('td.title')))?.[1] ?? null;

  for (const block of document.querySelectorAll(BLOCKS)) {
    const id = block.getAttribute('id');
    if (id === 'orderDetails') {
      const text = textOf(block);
      const orderId = AMAZON_ORDER_ID.exec(text)?.[1];
      if (!orderId) continue;
      current = { orderId, date: parseDate(text, ctx.country), items: [] };
      drafts.push(current);
      continue;
    }
    if (!current) {
      // Single-order e-mails have no per-order heading: the number is in the title bar.
      current = { orderId: headerId, date: null, items: [] };
      drafts.push(current);
    }
    if (id === 'criticalInfo') {
      const totalText = findLabelled(linesOf(block, 5_000), /^(?:order total|gesamtbetrag|gesamtsumme|montant total|total del pedido|importe total|totale ordine)\s*:?/i, { moneyOnly: true })?.value;
      const m = readMoney(totalText, ctx);
      if (m) {
        current.total = m.amount;
        current.currency = m.currency;
      }
    } else if (id === 'itemDetails') {
      current.items!.push(...readItems(block, ctx));
    }
  }
  const orders: Order[] = [];
  for (const d of drafts) {
    const o = makeOrder({ ...d, currency: d.currency ?? ctx.currency ?? null });
    if (o && (o.total !== null || o.items.length)) orders.push(o);
  }
  return orders;
}

export const amazonEmail: OrderReader = {
  id: 'amazon-email',
  ids: ['itemDetails', 'criticalInfo'],
  read,
};
