import { makeOrder, type ItemDraft } from '../build';
import { parseDate } from '../dates';
import { localeOfPage } from '../locale';
import { readMoney } from '../money';
import { textOf } from '../text';
import type { OrderReader } from '../types';

/**
 * Shopify thank-you and order-status pages (classic checkout template: `.os-order-number` "Order #1001",
 * `.product-table`, `.payment-due__price`). Shopify runs on any domain, so it is recognised by its
 * markup. The product table shows LINE prices (quantity × unit), divided back into unit prices here.
 * The newer checkout's thank-you page has no stable class names and is left to the generic reader.
 */

const THANK_YOU_PATH = /\/(?:checkouts\/(?:[a-z]{1,3}\/)?[^/]+\/thank[_-]you|orders\/[0-9a-f]{16,})\/?$/i;

export const shopify: OrderReader = {
  id: 'shopify',
  path: THANK_YOU_PATH,
  signature: '.os-order-number',
  signatureAfterGate: true,
  read(document, url) {
    const heading = textOf(document.querySelector('.os-order-number'));
    const orderId = /#\s*([A-Z0-9][A-Z0-9-]{1,30})/i.exec(heading)?.[1] ?? null;
    if (!orderId) return [];
    const locale = localeOfPage(document, url);
    const due = document.querySelector('.payment-due');
    const ctx = { country: locale.country, currency: due?.getAttribute('data-presentment-currency') || textOf(document.querySelector('.payment-due__currency')) || locale.currency };
    const total = readMoney(textOf(document.querySelector('.payment-due__price')), ctx);

    const items: ItemDraft[] = [];
    for (const row of document.querySelectorAll('.product-table tr.product')) {
      const title = textOf(row.querySelector('.product__description__name'));
      if (!title) continue;
      const variant = textOf(row.querySelector('.product__description__variant'));
      const qtyText = textOf(row.querySelector('.product__quantity')) || textOf(row.querySelector('.product-thumbnail__quantity'));
      const qty = Number(/\d+/.exec(qtyText)?.[0] ?? '1');
      const line = readMoney(textOf(row.querySelector('.product__price')), ctx);
      items.push({ title: variant ? `${title} (${variant})` : title, quantity: qty, linePrice: line?.amount ?? null, currency: line?.currency ?? null });
    }
    const order = makeOrder({
      orderId,
      date: parseDate(textOf(document.querySelector('.os-order-date')), locale.country),
      currency: total?.currency ?? ctx.currency ?? null,
      total: total?.amount ?? null,
      items,
    });
    return order ? [order] : [];
  },
};
