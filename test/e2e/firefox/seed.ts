import { buildRecords } from '../../../src/store/purchases.ts';
import { SCHEMA_VERSION } from '../../../src/store/db.ts';
import { estimate } from '../../../src/engine/estimate.ts';
import { EXPORT_FORMAT, type ExportFile } from '../../../src/data-io/format.ts';
import type { PageMessage, Reply } from '../../../src/messages/protocol.ts';
import type { ItemRecord, PurchaseRecord } from '../../../src/store/records.ts';
import type { Estimate } from '../../../src/types.ts';
import type { Tab } from './bidi.ts';

/**
 * Test data for the Firefox page tests, and how it gets into the extension.
 *
 * The file is in the export format (src/data-io/format.ts) with records built the way the store builds them
 * (buildRecords + the real estimate), as in the Chromium popup test. Dates are local calendar dates (the popup
 * counts "this month" by the local date), one purchase every `stepDays` days back from today, so the
 * month, year and all-time totals differ.
 */

const TITLES = [
  'Lenovo ThinkPad E14 Laptop 14 inch',
  'Organic cotton T-shirt',
  'Wireless mouse',
  'Ground coffee 500 g',
  'Desk lamp LED',
  'Running shoes',
  'Paperback novel',
  'Stainless steel water bottle',
];

export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface Generated {
  file: ExportFile;
  /** The engine's whole estimate of each item, by item id (the file may hold a compact form of it). */
  estimates: Map<string, Estimate>;
}

/** Also the Chromium popup test's data (popup.e2e.ts), with its own order-number prefix and day step. */
export function generatedExport(n: number, today: Date, { stepDays = 5, orderPrefix = 'FF-E2E', app = 'e2e-firefox' } = {}): Generated {
  const purchases: PurchaseRecord[] = [];
  const items: ItemRecord[] = [];
  const whole = new Map<string, Estimate>();
  for (let i = 0; i < n; i++) {
    const date = localDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() - i * stepDays, 12));
    const count = 1 + (i % 2);
    const lines = Array.from({ length: count }, (_, k) => ({
      title: `${TITLES[(i + k) % TITLES.length]} #${i}`,
      quantity: 1 + ((i + k) % 3),
      price: 5 + ((i * 37 + k * 11) % 400),
      currency: 'EUR',
    }));
    const order = { orderId: `${orderPrefix}-${i}`, date, currency: 'EUR', total: lines.reduce((s, l) => s + l.price * l.quantity, 0), items: lines };
    const estimates = lines.map((l) => estimate({ title: l.title, price: l.price, currency: l.currency, quantity: l.quantity, date, site: 'www.shop-e2e.example' }));
    const r = buildRecords({ shop: i % 3 === 0 ? 'www.shop-a.example' : 'shop-b.example', order, estimates, source: 'page', today: date, now: 1_700_000_000_000 + i });
    purchases.push(r.purchase);
    items.push(...r.items);
    r.items.forEach((it, k) => whole.set(it.id, estimates[k]!));
  }
  return {
    file: {
      format: EXPORT_FORMAT,
      schemaVersion: SCHEMA_VERSION,
      exportedAt: today.toISOString(),
      app,
      counts: { purchases: purchases.length, items: items.length, viewed: 0, settings: 0 },
      tables: { purchases, items, viewed: [], settings: [] },
    },
    estimates: whole,
  };
}

/** What the popup's totals should add up to, from the file. */
export function expectedTotals(file: ExportFile, today: Date): { month: number; year: number; all: number } {
  const month = localDate(today).slice(0, 7);
  const year = month.slice(0, 4);
  const sum = (ps: PurchaseRecord[]) => ps.reduce((s, p) => s + p.kg, 0);
  const ps = file.tables.purchases;
  return { month: sum(ps.filter((p) => p.month === month)), year: sum(ps.filter((p) => p.month.startsWith(year))), all: sum(ps) };
}

/**
 * Seeds the database the way the extension's own pages do it: the import message, sent with
 * `browser.runtime.sendMessage` from an extension page (the background answers it only from there; see
 * src/messages/senders.ts). Returns the number of new purchases.
 *
 * The one place that knows the import protocol (src/messages/protocol.ts, today `data/import` with the whole
 * file as text): adapt it here when that changes. The message is typed against the protocol, so `tsc` points
 * here when it does.
 */
export async function seedThroughMessages(extensionPage: Tab, file: ExportFile): Promise<number> {
  const message: Extract<PageMessage, { type: 'data/import' }> = { type: 'data/import', text: JSON.stringify(file), passphrase: null };
  const reply = await extensionPage.call(async (msg: typeof message) => {
    const ext = (globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
    if (!ext) throw new Error(`no browser.runtime on ${location.href}: not an extension page`);
    return (await ext.runtime.sendMessage(msg)) as Reply<'data/import'>;
  }, message);
  if (!reply || typeof reply !== 'object') throw new Error('no answer from the extension background');
  if (!reply.ok) throw new Error(`data/import refused: ${reply.error}`);
  return reply.result.add.purchases;
}
