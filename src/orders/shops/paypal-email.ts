import type { Order } from '../../types';
import { hostMatchesAny } from '../../shops/host';
import { makeOrder, type ItemDraft } from '../build';
import { parseDate } from '../dates';
import { readMoney, type MoneyContext } from '../money';
import { findLabelled, linesOf, linkedHosts, textOf } from '../text';
import type { OrderReader } from '../types';

/**
 * PayPal payment receipts ("You submitted an order amounting to 32.00 GBP to Boots.com"). The order
 * number is the merchant's "Invoice ID" when there is one (that is what the shop calls the order),
 * else PayPal's transaction ID. Items come from the cart table (Description / Unit price / Qty / Amount);
 * a blank description stays an empty title.
 */

const PAYPAL_HOSTS = ['paypal.com', 'paypal.me', 'paypalobjects.com'] as const;

const AMOUNTING = /(?:order amounting to|sent a payment of|payment of|paid|Zahlung (?:über|von)|paiement de)\s+([^\n]{1,40}?)\s+(?:to|an|à)\s/i;

function read(document: Document, url: URL): Order[] {
  // On paypal.com itself links are relative; in web mail the e-mail's links name PayPal.
  if (!hostMatchesAny(url.hostname, PAYPAL_HOSTS) && !linkedHosts(document).some((h) => hostMatchesAny(h, PAYPAL_HOSTS))) return [];
  const lines = linesOf(document.body, 60_000);
  const ctx: MoneyContext = {};
  const invoice = findLabelled(lines, /^(?:invoice id|invoice number|rechnungsnummer|n° de facture|numéro de facture)\s*:?/i)?.value;
  const transaction = findLabelled(lines, /^(?:transaction id|transaktionscode|n° de transaction|id de transacción)\s*:?/i)?.value;
  const orderId = (invoice ?? transaction ?? '').split(' ')[0] ?? null;

  let total = null as ReturnType<typeof readMoney>;
  for (const line of lines) {
    const m = AMOUNTING.exec(line);
    if (m) {
      total = readMoney(m[1], ctx);
      if (total) break;
    }
  }
  total ??= readMoney(findLabelled(lines, /^(?:total|gesamt|subtotal)\s*:?/i, { moneyOnly: true, last: true })?.value, ctx);

  const items: ItemDraft[] = [];
  const cart = document.querySelector('table.CartTable');
  if (cart) {
    const rows = [...cart.querySelectorAll('tr')];
    for (const row of rows.slice(1)) {
      const cells = [...row.querySelectorAll('td')];
      if (cells.length < 4) continue;
      const unit = readMoney(textOf(cells[1]), ctx);
      const qty = Number(textOf(cells[2]));
      const amount = readMoney(textOf(cells[3]), ctx);
      if (!unit && !amount) continue;
      items.push({
        title: textOf(cells[0]),
        quantity: Number.isInteger(qty) && qty > 0 ? qty : 1,
        price: unit?.amount ?? null,
        linePrice: amount?.amount ?? null,
        currency: (unit ?? amount)?.currency ?? null,
      });
    }
  }
  const order = makeOrder({
    orderId,
    date: parseDate(findLabelled(lines, /^(?:transaction date|date|datum)\s*:?/i)?.value),
    currency: total?.currency ?? items[0]?.currency ?? null,
    total: total?.amount ?? null,
    items,
  });
  return order && (order.total !== null || order.items.length) ? [order] : [];
}

export const paypalEmail: OrderReader = {
  id: 'paypal-email',
  signature: '.CartTable',
  read,
};
