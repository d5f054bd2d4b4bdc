import type { Order } from '../../types';
import { makeOrder, type ItemDraft } from '../build';
import { parseDate } from '../dates';
import { readMoney, type MoneyContext } from '../money';
import { clean, findLabelled, linesOf, textOf } from '../text';
import type { OrderReader } from '../types';
import { localeOfHost } from '../locale';
import { AMAZON_HOSTS, AMAZON_ORDER_ID } from './amazon-hosts';

/**
 * Amazon order-details pages (/gp/your-account/order-details, /your-orders/order-details, both the
 * 2020-23 "yohtmlc" layout and the 2024 data-component layout) and printable order summaries
 * (/gp/css/summary/print.html), in every storefront language we have labels for.
 */

const DETAILS_PATH = /^\/(?:gp\/(?:your-account|css)\/order-details|your-orders\/order-details|gp\/css\/summary\/(?:print|edit)\.html|gp\/digital\/your-account\/order-summary\.html)/i;

const GRAND_TOTAL = /^(?:grand total|order total|gesamtsumme|gesamtbestellwert|summe der bestellung|montant total|total général|total de la commande|importe total|total del pedido|totale ordine|totale complessivo|totaal)\s*:?/i;

function orderIdFrom(text: string): string | null {
  return AMAZON_ORDER_ID.exec(text)?.[1] ?? null;
}

function readDetails(document: Document, url: URL, ctx: MoneyContext): Order | null {
  const header = [...document.querySelectorAll('.order-date-invoice-item')].map(textOf);
  const headerText = header.join(' ');
  const orderId = orderIdFrom(headerText) ?? orderIdFrom(url.searchParams.get('orderID') ?? url.searchParams.get('orderId') ?? '');
  if (!orderId) return null;
  const date = parseDate(header.find((h) => !AMAZON_ORDER_ID.test(h)) ?? headerText, ctx.country);

  const summary = document.querySelector('#od-subtotals');
  const lines = linesOf(summary, 5_000);
  const totalText = findLabelled(lines, GRAND_TOTAL, { moneyOnly: true, last: true })?.value;
  const totalMoney = readMoney(totalText, ctx);

  const items: ItemDraft[] = [];
  // 2024 layout: one [data-component="purchasedItems"] per item; older layout: .yohtmlc-item.
  const blocks = document.querySelectorAll('[data-component="purchasedItems"], .yohtmlc-item');
  for (const block of blocks) {
    let titleEl = block.querySelector('[data-component="itemTitle"] a, .yohtmlc-product-title');
    if (!titleEl) {
      titleEl = [...block.querySelectorAll('a[href]')].find((a) => /\/(?:dp|gp\/product)\//.test(a.getAttribute('href') ?? '')) ?? null;
    }
    const title = textOf(titleEl);
    if (!title) continue;
    // The quantity badge sits on the image, in the left column next to .yohtmlc-item.
    const row = block.closest('.a-fixed-left-grid') ?? block;
    const qtyText = textOf(row.querySelector('.od-item-view-qty, .item-view-qty'));
    const quantity = /^\d+$/.test(qtyText) ? Number(qtyText) : 1;
    const priceEl = block.querySelector('[data-component="unitPrice"] .a-offscreen, .a-price .a-offscreen, .a-color-price');
    const m = readMoney(textOf(priceEl), ctx);
    items.push({ title, quantity, price: m?.amount ?? null, currency: m?.currency ?? null });
  }
  return makeOrder({ orderId, date, currency: totalMoney?.currency ?? ctx.currency ?? null, total: totalMoney?.amount ?? null, items });
}

/** "1 of:", "1 Exemplar(e) von:", "1 exemplaire(s) de :", "1 de:", "1 di:". */
const PRINT_QTY = /^(\d+)\s*(?:of|exemplar\(e\) von|exemplaire\(s\) de|unidad(?:es)?\s+de|de|di|van)\s*:/i;

/** Gift cards have no product title in the summary, only the section heading. */
const GIFT_CARD_TITLES: Record<string, string> = {
  'gift cards': 'Gift Card', 'gift card': 'Gift Card', geschenkgutscheine: 'Geschenkgutschein', geschenkgutschein: 'Geschenkgutschein',
  'chèques-cadeaux': 'Chèque-cadeau', 'cartes cadeaux': 'Carte cadeau', 'buoni regalo': 'Buono regalo', 'cheques regalo': 'Cheque regalo',
};

/** The item title: text from after "1 of:" up to the first line break ("Sold by" follows). */
function printTitle(cell: Element): string {
  let text = '';
  for (const node of cell.childNodes) {
    if (node.nodeType === 1 && (node as Element).tagName.toUpperCase() === 'BR') break;
    text += node.textContent ?? '';
  }
  return clean(text).replace(PRINT_QTY, '').trim();
}

function readPrintable(document: Document, url: URL, ctx: MoneyContext): Order | null {
  const lines = linesOf(document.body, 60_000);
  // A summary covers exactly one order; a page naming several (an order history) is not one.
  const ids = new Set(lines.flatMap((l) => [...l.matchAll(new RegExp(AMAZON_ORDER_ID.source, 'g'))].map((m) => m[1]!)));
  if (ids.size !== 1) return null;
  const orderId = [...ids][0]!;
  const wanted = url.searchParams.get('orderID');
  if (wanted && AMAZON_ORDER_ID.test(wanted) && wanted !== orderId) return null;
  const placed = findLabelled(lines, /^(?:order placed|bestellung aufgegeben am|commande effectuée le|pedido realizado el|ordine effettuato il|bestelling geplaatst op)\s*:?/i);
  const date = parseDate(placed?.value, ctx.country);
  const totalText =
    findLabelled(lines, /^(?:order total|gesamtbestellwert|montant total de la commande|total del pedido|totale ordine)\s*:?/i, { moneyOnly: true })?.value ??
    findLabelled(lines, GRAND_TOTAL, { moneyOnly: true, last: true })?.value;
  const totalMoney = readMoney(totalText, ctx);

  const items: ItemDraft[] = [];
  for (const cell of document.querySelectorAll('td')) {
    const start = clean(cell.firstChild?.textContent ?? '') || textOf(cell).slice(0, 40);
    const q = PRINT_QTY.exec(start);
    if (!q) continue;
    const priceCell = cell.nextElementSibling;
    const m = readMoney(textOf(priceCell), ctx);
    items.push({ title: printTitle(cell), quantity: Number(q[1]), price: m?.amount ?? null, currency: m?.currency ?? null });
  }
  // Gift-card orders: a section headed "Gift Cards" with an "Amount" cell per card.
  for (const center of document.querySelectorAll('center')) {
    const heading = textOf(center).toLowerCase();
    const title = GIFT_CARD_TITLES[heading];
    if (!title) continue;
    const section = center.closest('table')?.closest('tr')?.parentElement;
    for (const cell of section?.querySelectorAll('td') ?? []) {
      const first = textOf(cell.querySelector('b'));
      if (!/^(?:amount|betrag|montant|importe|importo)$/i.test(first)) continue;
      const m = readMoney(textOf(cell).slice(first.length), ctx);
      if (m) items.push({ title, quantity: 1, price: m.amount, currency: m.currency });
    }
  }
  return makeOrder({ orderId, date, currency: totalMoney?.currency ?? ctx.currency ?? null, total: totalMoney?.amount ?? null, items });
}

export const amazon: OrderReader = {
  id: 'amazon',
  hosts: AMAZON_HOSTS,
  path: DETAILS_PATH,
  read(document, url) {
    const ctx = localeOfHost(url.hostname);
    const isDetails = document.querySelector('.order-date-invoice-item, #od-subtotals') !== null;
    const order = isDetails ? readDetails(document, url, ctx) : readPrintable(document, url, ctx);
    return order && (order.total !== null || order.items.length) ? [order] : [];
  },
};
