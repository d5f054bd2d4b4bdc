import type { Order } from '../types';
import { makeOrder, type ItemDraft } from './build';
import { parseDate } from './dates';
import { localeOfPage } from './locale';
import { readMoney, type MoneyContext } from './money';
import { findLabelled, linesOf, textOf } from './text';
import { DATE_LABEL, ORDER_NUMBER, THANKS, TOTAL_LABELS } from './wording';

/**
 * The shop-independent reader: an order number near confirmation wording, a total, and a line-item
 * table. Only reached after the cheap gate (gate.ts). Pages with several different order numbers are
 * account order lists, not one order, and give nothing.
 */

const NEAR_LINES = 25;
const MAX_TABLES = 40;

function orderNumbers(lines: readonly string[]): Array<{ id: string; index: number }> {
  const found: Array<{ id: string; index: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let m = ORDER_NUMBER.exec(line);
    // "Order number:" alone on its line, the number in the next cell.
    if (!m && line.length < 40 && i + 1 < lines.length) m = ORDER_NUMBER.exec(`${line} ${lines[i + 1]}`);
    const id = m?.[1];
    if (id && /\d/.test(id)) found.push({ id, index: i });
  }
  return found;
}

const COLS = {
  title: /^(?:product|products|item|items|article|artikel|artikelbezeichnung|bezeichnung|produit|produits|désignation|description|descripción|producto|prodotto|articolo|name)\b/i,
  qty: /^(?:qty|quantity|menge|anzahl|stück|qté|quantité|cantidad|cant\.|quantità|q\.tà)\b/i,
  unit: /^(?:unit price|price|each|preis|einzelpreis|stückpreis|prix unitaire|prix|precio(?: unitario)?|prezzo(?: unitario)?)\b/i,
  line: /^(?:total|subtotal|amount|line total|summe|gesamt|gesamtpreis|betrag|montant|total ttc|importe|totale|prix total)\b/i,
};

function readTables(document: Document, ctx: MoneyContext): ItemDraft[] {
  const tables = document.querySelectorAll('table');
  const n = Math.min(tables.length, MAX_TABLES);
  for (let t = 0; t < n; t++) {
    const rows = [...tables[t]!.querySelectorAll('tr')].filter((r) => r.closest('table') === tables[t]);
    const headerIdx = rows.findIndex((r) => [...r.children].some((c) => COLS.title.test(textOf(c))));
    if (headerIdx < 0) continue;
    const head = [...rows[headerIdx]!.children].map((c) => textOf(c));
    const col = (re: RegExp): number => head.findIndex((h) => re.test(h));
    const ci = { title: col(COLS.title), qty: col(COLS.qty), unit: col(COLS.unit), line: col(COLS.line) };
    if (ci.unit < 0 && ci.line < 0) continue;
    const items: ItemDraft[] = [];
    for (const row of rows.slice(headerIdx + 1)) {
      const cells = [...row.children];
      if (cells.length !== head.length) continue;
      const title = linesOf(cells[ci.title], 2_000)[0] ?? '';
      // Totals rows ("Subtotal", "Total") share the table; they have no quantity and a label for a title.
      if (!title || COLS.line.test(title) || /^(?:shipping|versand|livraison|envío|spedizione|tax|mwst|tva|iva)\b/i.test(title)) continue;
      const qtyText = ci.qty >= 0 ? textOf(cells[ci.qty]) : '';
      const qty = /^\D{0,3}(\d{1,5})\b/.exec(qtyText)?.[1];
      const unit = ci.unit >= 0 ? readMoney(textOf(cells[ci.unit]), ctx) : null;
      const line = ci.line >= 0 ? readMoney(textOf(cells[ci.line]), ctx) : null;
      if (!unit && !line) continue;
      items.push({ title, quantity: qty ? Number(qty) : 1, price: unit?.amount ?? null, linePrice: line?.amount ?? null, currency: (unit ?? line)?.currency ?? null });
    }
    if (items.length) return items;
  }
  return [];
}

export function readGeneric(document: Document, url: URL): Order[] {
  const lines = linesOf(document.body, 80_000);
  const numbers = orderNumbers(lines);
  const distinct = new Set(numbers.map((n) => n.id.toUpperCase()));
  if (distinct.size !== 1) return [];
  const first = numbers[0]!;

  const headings = [document.title, ...[...document.querySelectorAll('h1, h2')].slice(0, 6).map(textOf)].join(' \n ').slice(0, 1_000);
  const nearby = lines.slice(Math.max(0, first.index - NEAR_LINES), first.index + NEAR_LINES).join('\n');
  if (!THANKS.test(headings) && !THANKS.test(nearby)) return [];

  const locale = localeOfPage(document, url);
  const ctx: MoneyContext = locale;
  let total: ReturnType<typeof readMoney> = null;
  for (const label of TOTAL_LABELS) {
    total = readMoney(findLabelled(lines, label, { moneyOnly: true })?.value, ctx);
    if (total) break;
  }
  const items = readTables(document, ctx);
  if (!total && !items.length) return [];
  const order = makeOrder({
    orderId: first.id,
    date: parseDate(findLabelled(lines, DATE_LABEL)?.value, locale.country) ?? parseDate(lines[first.index], locale.country),
    currency: total?.currency ?? items[0]?.currency ?? locale.currency,
    total: total?.amount ?? null,
    items,
  });
  return order ? [order] : [];
}
