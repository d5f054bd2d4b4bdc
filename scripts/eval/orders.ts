/**
 * Order understanding on the shared fixture pages: `npx tsx scripts/eval.ts --only orders --verbose`.
 *
 * URL CONVENTION (use the same in other tests): most order pages were saved without their address
 * (`original_url: null`), so each page is loaded at the URL it would have had (`fixtureUrl` below):
 *   - `original_url` when the manifest has one;
 *   - Amazon order details (page_subkind "order-details-page"):
 *       https://www.<site>/gp/your-account/order-details?orderID=<order number from the file name>
 *   - Amazon printable summaries ("printable-order-summary"):
 *       https://www.<site>/gp/css/summary/print.html?orderID=<order number from the file name>
 *   - e-mails and the Gmail markup examples: https://mail.example/ (an e-mail open in web mail: the
 *     shop must be recognised from the content, not from the host name);
 *   - the Amazon order-history list: https://www.<site>/gp/your-account/order-history;
 *   - the checkout fragment: https://www.<site>/checkout/r/fast-track;
 *   - any other page without a URL: https://www.<site>/.
 * Negatives are ALSO read at https://mail.example/ ("as web mail"), where no host rule can help.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPage } from '../lib/dom.ts';
import { readOrders } from '../../src/orders/read-order.ts';
import type { Order } from '../../src/types.ts';
import { FIXTURES, HAS_SHARED } from '../../test/shared.ts';
import type { EvalSection } from './types.ts';

export interface ManifestLineItem {
  title: string | null;
  quantity: number | null;
  unit_price: string | null;
}

export interface ManifestPage {
  file: string;
  page_kind: string;
  page_subkind: string;
  site: string;
  original_url: string | null;
  expected: {
    order_number?: string | string[] | null;
    order_date?: string | null;
    currency?: string | null;
    total?: string | null;
    line_items?: ManifestLineItem[];
    orders?: Array<{ order_number: string; total: string | null }>;
  } & Record<string, unknown>;
}

export const MAIL_URL = 'https://mail.example/';

export function loadManifest(): ManifestPage[] {
  const raw = JSON.parse(readFileSync(resolve(FIXTURES, 'pages/manifest.json'), 'utf8')) as { pages: ManifestPage[] };
  return raw.pages;
}

export function isOrderPage(p: ManifestPage): boolean {
  return p.page_kind === 'order-confirmation';
}

/** The URL a fixture page is read at (see the convention at the top of this file). */
export function fixtureUrl(p: ManifestPage): string {
  if (p.original_url) return p.original_url;
  const idFromFile = /--((?:\d{3}|D\d{2})-\d{7}-\d{7})\.html$/.exec(p.file)?.[1] ?? '';
  const host = `www.${p.site}`;
  if (p.page_subkind === 'order-details-page') return `https://${host}/gp/your-account/order-details?orderID=${idFromFile}`;
  if (p.page_subkind === 'printable-order-summary') return `https://${host}/gp/css/summary/print.html?orderID=${idFromFile}`;
  if (isOrderPage(p)) return MAIL_URL;
  if (p.page_subkind === 'order-history-list') return `https://${host}/gp/your-account/order-history`;
  if (p.page_kind === 'checkout') return `https://${host}/checkout/r/fast-track`;
  return `https://${host}/`;
}

/** Reads a fixture's orders; `timing`, when given, receives the milliseconds spent in readOrders alone. */
export function readFixture(p: ManifestPage, url = fixtureUrl(p), timing?: { ms: number }): Order[] {
  const { document, close } = loadPage(resolve(FIXTURES, 'pages', p.file), url);
  try {
    const t0 = performance.now();
    const orders = readOrders(document, new URL(url));
    if (timing) timing.ms += performance.now() - t0;
    return orders;
  } finally {
    close();
  }
}

const norm = (s: string | null | undefined): string => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
const cents = (x: number | string | null | undefined): number | null => (x === null || x === undefined || x === '' ? null : Math.round(Number(x) * 100));

export interface PageScore {
  detected: boolean;
  number: boolean;
  total: boolean | null;
  date: boolean | null;
  currency: boolean | null;
  itemCount: boolean;
  titles: [ok: number, of: number];
  prices: [ok: number, of: number];
  quantities: [ok: number, of: number];
  notes: string[];
}

/** Scores the orders read from one order page against its manifest entry. */
export function scoreOrderPage(p: ManifestPage, orders: Order[]): PageScore {
  const e = p.expected;
  const notes: string[] = [];
  const first = orders[0];
  let number = false;
  let total: boolean | null = null;
  if (e.orders?.length) {
    number = orders.length === e.orders.length && e.orders.every((o, i) => orders[i]?.orderId === o.order_number);
    total = orders.length === e.orders.length && e.orders.every((o, i) => cents(orders[i]?.total) === cents(o.total));
  } else {
    const want = Array.isArray(e.order_number) ? e.order_number : [e.order_number];
    number = !!first && want.includes(first.orderId ?? '');
    if (e.total != null) total = cents(first?.total) === cents(e.total);
  }
  if (!number) notes.push(`order number ${JSON.stringify(orders.map((o) => o.orderId))} ≠ ${JSON.stringify(e.orders?.map((o) => o.order_number) ?? e.order_number)}`);
  if (total === false) notes.push(`total ${JSON.stringify(orders.map((o) => o.total))} ≠ ${JSON.stringify(e.orders?.map((o) => o.total) ?? e.total)}`);
  const date = e.order_date ? orders.length > 0 && orders.every((o) => o.date === e.order_date) : null;
  if (date === false) notes.push(`date ${JSON.stringify(orders.map((o) => o.date))} ≠ ${e.order_date}`);
  if (!e.order_date && orders.some((o) => o.date)) notes.push(`date given (${orders.map((o) => o.date).join(',')}) where the page shows none`);
  const currency = e.currency ? orders.length > 0 && orders.every((o) => o.currency === e.currency) : null;
  if (currency === false) notes.push(`currency ${orders.map((o) => o.currency).join(',')} ≠ ${e.currency}`);

  const got = orders.flatMap((o) => o.items);
  const want = e.line_items ?? [];
  const itemCount = got.length === want.length;
  if (!itemCount) notes.push(`${got.length} items, expected ${want.length}`);
  const titles: [number, number] = [0, 0];
  const prices: [number, number] = [0, 0];
  const quantities: [number, number] = [0, 0];
  want.forEach((w, i) => {
    const match = w.title ? got.find((g) => norm(g.title) === norm(w.title)) : got[i];
    if (w.title) {
      titles[1]++;
      if (match) titles[0]++;
      else notes.push(`title not found: "${w.title.slice(0, 60)}" (have ${JSON.stringify(got.map((g) => g.title.slice(0, 40)))})`);
    }
    if (w.unit_price != null) {
      prices[1]++;
      if (match && cents(match.price) === cents(w.unit_price)) prices[0]++;
      else if (match) notes.push(`price of "${match.title.slice(0, 40)}" ${match.price} ≠ ${w.unit_price}`);
    }
    if (w.quantity != null) {
      quantities[1]++;
      if (match && match.quantity === w.quantity) quantities[0]++;
      else if (match) notes.push(`quantity of "${match.title.slice(0, 40)}" ${match.quantity} ≠ ${w.quantity}`);
    }
  });
  return { detected: orders.length > 0, number, total, date, currency, itemCount, titles, prices, quantities, notes };
}

const pct = (ok: number, of: number): string => (of ? `${ok}/${of} (${((100 * ok) / of).toFixed(0)} %)` : 'n/a');
const ratio = (ok: number, of: number): number => (of ? ok / of : 1);

export async function evaluate(): Promise<EvalSection[]> {
  if (!HAS_SHARED) return [{ name: 'orders', rows: [['shared fixtures', 'missing: skipped']], metrics: {} }];
  const pages = loadManifest();
  const orderPages = pages.filter(isOrderPage);
  const negatives = pages.filter((p) => !isOrderPage(p));
  const misses: string[] = [];

  let detected = 0, numberOk = 0, bothOk = 0, itemCountOk = 0;
  let totalOk = 0, totalOf = 0, dateOk = 0, dateOf = 0, curOk = 0, curOf = 0;
  const titles: [number, number] = [0, 0], prices: [number, number] = [0, 0], quantities: [number, number] = [0, 0];
  const timing = { ms: 0 };
  for (const p of orderPages) {
    const orders = readFixture(p, fixtureUrl(p), timing);
    const s = scoreOrderPage(p, orders);
    if (s.detected) detected++;
    if (s.number) numberOk++;
    if (s.number && s.total !== false) bothOk++;
    if (s.total !== null) { totalOf++; if (s.total) totalOk++; }
    if (s.date !== null) { dateOf++; if (s.date) dateOk++; }
    if (s.currency !== null) { curOf++; if (s.currency) curOk++; }
    if (s.itemCount) itemCountOk++;
    titles[0] += s.titles[0]; titles[1] += s.titles[1];
    prices[0] += s.prices[0]; prices[1] += s.prices[1];
    quantities[0] += s.quantities[0]; quantities[1] += s.quantities[1];
    if (!s.detected) misses.push(`${p.file}: not detected as an order page`);
    else for (const n of s.notes) misses.push(`${p.file}: ${n}`);
  }

  let falsePages = 0, falseMail = 0;
  const negTiming = { ms: 0 };
  for (const p of negatives) {
    const orders = readFixture(p, fixtureUrl(p), negTiming);
    if (orders.length) { falsePages++; misses.push(`${p.file}: FALSE order page ${JSON.stringify(orders.map((o) => o.orderId))}`); }
    const asMail = readFixture(p, MAIL_URL);
    if (asMail.length) { falseMail++; misses.push(`${p.file} (as web mail): FALSE order page ${JSON.stringify(asMail.map((o) => o.orderId))}`); }
  }

  const n = orderPages.length;
  return [
    {
      name: 'orders',
      rows: [
        ['order pages detected', pct(detected, n)],
        ['order number right', pct(numberOk, n)],
        ['total right (to the cent)', pct(totalOk, totalOf)],
        ['order number AND total right', pct(bothOk, n)],
        ['date right', pct(dateOk, dateOf)],
        ['currency right', pct(curOk, curOf)],
        ['line-item count right', pct(itemCountOk, n)],
        ['line-item titles', pct(titles[0], titles[1])],
        ['line-item unit prices', pct(prices[0], prices[1])],
        ['line-item quantities', pct(quantities[0], quantities[1])],
        ['false order pages', `${falsePages}/${negatives.length}`],
        ['false order pages (negatives read as web mail)', `${falseMail}/${negatives.length}`],
        ['mean ms in readOrders, order pages', (timing.ms / Math.max(1, n)).toFixed(1)],
        ['mean ms in readOrders, other pages', (negTiming.ms / Math.max(1, negatives.length)).toFixed(1)],
      ],
      metrics: {
        recall: ratio(detected, n),
        order_number: ratio(numberOk, n),
        total: ratio(totalOk, totalOf),
        number_and_total: ratio(bothOk, n),
        date: ratio(dateOk, dateOf),
        currency: ratio(curOk, curOf),
        item_count: ratio(itemCountOk, n),
        item_titles: ratio(titles[0], titles[1]),
        item_prices: ratio(prices[0], prices[1]),
        item_quantities: ratio(quantities[0], quantities[1]),
        false_order_pages: falsePages,
        false_order_pages_as_mail: falseMail,
      },
      misses,
    },
  ];
}
