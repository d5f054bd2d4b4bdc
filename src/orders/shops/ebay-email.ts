import type { Order } from '../../types';
import { hostMatchesAny } from '../../shops/host';
import { makeOrder, type ItemDraft } from '../build';
import { localeOfHost } from '../locale';
import { readMoney, type MoneyContext } from '../money';
import { findLabelled, linesOf, linkedHosts, textOf } from '../text';
import type { OrderReader } from '../types';

/**
 * eBay "your order is confirmed" e-mails, read in web mail (the shop is recognised from the e-mail's
 * links to eBay). Each item block carries its own "Order number" (items from different sellers get
 * different numbers), but the e-mail shows one "Total charged" for the whole checkout. We return ONE
 * Order per e-mail, numbered with the first order number and holding every item: one payment is one
 * purchase, and splitting the single total across sellers would invent figures the e-mail does not show.
 */

export const EBAY_HOSTS = ['ebay.com', 'ebay.co.uk', 'ebay.de', 'ebay.fr', 'ebay.it', 'ebay.es', 'ebay.ca', 'ebay.com.au', 'ebay.at', 'ebay.ch', 'ebay.ie', 'ebay.nl', 'ebay.be', 'ebay.pl'] as const;

const ORDER_NO = /^(?:order number|bestellnummer|numéro de commande|número de pedido|numero ordine)\s*:?\s*(\d{2}-\d{5}-\d{5}|\d{6,20}(?:-\d+)?)/i;
const ITEM_PRICE = /^(?:item price|price|artikelpreis|preis|prix de l'objet|prix|precio|prezzo)\s*:?/i;
const LINE_TOTAL = /^(?:total|gesamt|summe)\s*:?/i;
const QUANTITY = /^(?:quantity|qty|menge|anzahl|quantité|cantidad|quantità)\s*:?\s*(\d+)/i;

function shopContext(document: Document): MoneyContext | null {
  const hosts = linkedHosts(document).filter((h) => hostMatchesAny(h, EBAY_HOSTS));
  if (!hosts.length) return null;
  // rover.ebay.com tracking links say nothing about the country; a storefront link does.
  return localeOfHost(hosts.find((h) => !/^rover\./.test(h)) ?? hosts[0]!);
}

function read(document: Document): Order[] {
  const ctx = shopContext(document);
  if (!ctx) return [];
  const blocks = new Set<Element>();
  for (const p of document.querySelectorAll('p')) {
    if (ORDER_NO.test(textOf(p))) {
      const table = p.closest('table');
      if (table) blocks.add(table);
    }
  }
  const ids: string[] = [];
  const items: ItemDraft[] = [];
  for (const block of blocks) {
    const lines = linesOf(block, 5_000);
    for (const line of lines) {
      const id = ORDER_NO.exec(line)?.[1];
      if (id && !ids.includes(id)) ids.push(id);
    }
    // The desktop copy of the title (the mobile copy above the block may be cut shorter).
    const title = textOf(block.querySelector('h1'));
    if (!title) continue;
    const qty = lines.map((l) => QUANTITY.exec(l)?.[1]).find(Boolean);
    const quantity = qty ? Number(qty) : 1;
    const unit = readMoney(findLabelled(lines, ITEM_PRICE, { moneyOnly: true })?.value, ctx);
    const line = unit ? null : readMoney(findLabelled(lines, LINE_TOTAL, { moneyOnly: true })?.value, ctx);
    items.push({
      title,
      quantity,
      price: unit?.amount ?? null,
      linePrice: line?.amount ?? null,
      currency: (unit ?? line)?.currency ?? null,
    });
  }
  if (!ids.length) return [];

  // "Total charged to <card>" is the last row of the order-total table; its amount is the last cell.
  let total: ReturnType<typeof readMoney> = null;
  const totals = document.querySelector('[id="orderTotal"]');
  if (totals) {
    const rows = [...totals.querySelectorAll('tr')].reverse();
    for (const row of rows) {
      const cells = row.querySelectorAll('td');
      if (cells.length >= 2 && /total/i.test(textOf(cells[0]))) {
        total = readMoney(textOf(cells[cells.length - 1]), ctx);
        if (total) break;
      }
    }
  }
  if (!total) {
    const lines = linesOf(document.body, 60_000);
    total = readMoney(findLabelled(lines, /^(?:total charged|order total|total)\b[^:£$€\d]*:?/i, { moneyOnly: true, last: true })?.value, ctx);
  }
  const order = makeOrder({
    orderId: ids[0],
    date: null,
    currency: total?.currency ?? ctx.currency ?? null,
    total: total?.amount ?? null,
    items,
  });
  return order ? [order] : [];
}

export const ebayEmail: OrderReader = {
  id: 'ebay-email',
  ids: ['orderTotal', 'itemdetails', 'itemtitle'],
  read,
};
