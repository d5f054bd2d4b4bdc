import { makeOrder, type ItemDraft } from '../build';
import { parseDate } from '../dates';
import { localeOfPage } from '../locale';
import { readMoney } from '../money';
import { clean, textOf } from '../text';
import type { OrderReader } from '../types';

/**
 * WooCommerce "order received" (thank-you) endpoint and the account "view order" page, from the
 * standard templates: `.woocommerce-order-overview` (number, date, total) and
 * `.woocommerce-table--order-details` (one row per line; the price column is the LINE total).
 */

const PATH = /\/(?:order-received|view-order)\/\d+/i;

/** The overview `<li>` holds "Label: <strong>value</strong>". */
function overview(document: Document, cls: string): string {
  const li = document.querySelector(`.woocommerce-order-overview__${cls}`);
  return textOf(li?.querySelector('strong') ?? li);
}

export const woocommerce: OrderReader = {
  id: 'woocommerce',
  path: PATH,
  signature: '.woocommerce-order-details',
  signatureAfterGate: true,
  read(document, url) {
    const locale = localeOfPage(document, url);
    const ctx = { country: locale.country, currency: locale.currency };
    let orderId = overview(document, 'order').replace(/^#/, '') || null;
    // The "view order" page has no overview list: "Order #123 was placed on …".
    const mark = textOf(document.querySelector('.woocommerce-MyAccount-content > p, .order-number'));
    orderId ??= /#\s*([A-Z0-9-]{1,30})/i.exec(mark)?.[1] ?? (textOf(document.querySelector('mark.order-number')) || null);
    if (!orderId) return [];

    const table = document.querySelector('.woocommerce-table--order-details');
    const items: ItemDraft[] = [];
    for (const row of table?.querySelectorAll('tr.order_item, tr.woocommerce-table__line-item') ?? []) {
      const nameCell = row.querySelector('.product-name');
      if (!nameCell) continue;
      const qtyText = textOf(nameCell.querySelector('.product-quantity'));
      const qty = Number(/\d+/.exec(qtyText)?.[0] ?? '1');
      const link = nameCell.querySelector('a');
      const title = link ? textOf(link) : clean(textOf(nameCell).replace(qtyText, ''));
      const line = readMoney(textOf(row.querySelector('.product-total')), ctx);
      items.push({ title, quantity: qty, linePrice: line?.amount ?? null, currency: line?.currency ?? null });
    }

    let totalText = overview(document, 'total');
    if (!totalText && table) {
      for (const tr of table.querySelectorAll('tfoot tr')) {
        if (/^(?:total|gesamtsumme|gesamt|total ttc|totale)\s*:?$/i.test(textOf(tr.querySelector('th')))) totalText = textOf(tr.querySelector('td'));
      }
    }
    const total = readMoney(totalText, ctx);
    const dateText = overview(document, 'date') || textOf(document.querySelector('mark.order-date'));
    const order = makeOrder({
      orderId,
      date: parseDate(dateText, locale.country),
      currency: total?.currency ?? items[0]?.currency ?? ctx.currency ?? null,
      total: total?.amount ?? null,
      items,
    });
    return order ? [order] : [];
  },
};
