import type { Availability, Order, OrderItem, PageKind, Product } from '../types';
import type { ItemPatch, ManualPurchase, PurchaseQuery, SortOrder } from './protocol';
import type { Cabin, Trip } from '../flights/types';
import type { CsvCursor } from '../data-io/export-csv';
import { isPipeName, type PipeTarget } from '../data-io/pipe';
import type { TableName } from '../data-io/format';
import type { StageStart } from '../data-io/staging';

/**
 * Payload validation at the trust boundary: everything a content script sends was read from a page the
 * shop controls. Values are copied field by field into fresh objects (no prototype tricks survive),
 * strings are trimmed to sane lengths and numbers must be finite and plausible.
 */
export class InvalidPayload extends Error {}

const MAX_TEXT = 500;
const MAX_ITEMS = 200;
const MAX_AMOUNT = 1e9;
const ISO_CURRENCY = /^[A-Z]{3}$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const KINDS: readonly PageKind[] = ['product', 'order', 'checkout', 'cart', 'other'];

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function field(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

export function text(v: unknown, max = MAX_TEXT): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') throw new InvalidPayload('expected a string');
  const t = v.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return t ? t.slice(0, max) : null;
}

export function amount(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_AMOUNT) throw new InvalidPayload('expected an amount');
  return v;
}

/** A page's price: absurd but well-typed values (over a billion) become unknown instead of failing the report. */
export function pageAmount(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v) && v > MAX_AMOUNT) return null;
  return amount(v);
}

export function currency(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' || !ISO_CURRENCY.test(v)) throw new InvalidPayload('expected an ISO 4217 code');
  return v;
}

export function isoDate(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' || !ISO_DATE.test(v)) throw new InvalidPayload('expected YYYY-MM-DD');
  const d = new Date(`${v}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) throw new InvalidPayload('no such date');
  return v;
}

export function pageKind(v: unknown): PageKind {
  if (typeof v !== 'string' || !(KINDS as readonly string[]).includes(v)) throw new InvalidPayload('unknown page kind');
  return v as PageKind;
}

function textList(v: unknown, maxItems = 20): string[] | null {
  if (v === null || v === undefined) return null;
  if (!Array.isArray(v) || v.length > maxItems) throw new InvalidPayload('expected a short list of strings');
  return v.map((s) => text(s, 200)).filter((s): s is string => s !== null);
}

function availability(v: unknown): Availability | null {
  if (v === null || v === undefined) return null;
  if (v !== 'InStock' && v !== 'OutOfStock') throw new InvalidPayload('unknown availability');
  return v;
}

export function product(v: unknown): Product {
  if (!isPlainObject(v)) throw new InvalidPayload('product must be an object');
  return {
    title: text(field(v, 'title')),
    price: pageAmount(field(v, 'price')),
    currency: currency(field(v, 'currency')),
    brand: text(field(v, 'brand'), 200),
    sku: text(field(v, 'sku'), 100),
    gtin: text(field(v, 'gtin'), 20),
    category: text(field(v, 'category'), 300),
    breadcrumbs: textList(field(v, 'breadcrumbs')),
    availability: availability(field(v, 'availability')),
  };
}

function orderItem(v: unknown): OrderItem {
  if (!isPlainObject(v)) throw new InvalidPayload('item must be an object');
  // Some receipts (PayPal) show no item description: keep the line, it still has a price.
  const title = text(field(v, 'title')) ?? 'Item without a description';
  const q = field(v, 'quantity');
  if (typeof q !== 'number' || !Number.isInteger(q) || q < 1 || q > 10_000) throw new InvalidPayload('bad quantity');
  return { title, quantity: q, price: pageAmount(field(v, 'price')), currency: currency(field(v, 'currency')) };
}

export function order(v: unknown): Order {
  if (!isPlainObject(v)) throw new InvalidPayload('order must be an object');
  const items = field(v, 'items');
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ITEMS) throw new InvalidPayload('order needs 1 to 200 items');
  return {
    orderId: text(field(v, 'orderId'), 100),
    date: isoDate(field(v, 'date')),
    currency: currency(field(v, 'currency')),
    total: pageAmount(field(v, 'total')),
    items: items.map(orderItem),
  };
}

export function orders(v: unknown): Order[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > 10) throw new InvalidPayload('expected 1 to 10 orders');
  return v.map(order);
}

export function id(v: unknown): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > 300) throw new InvalidPayload('bad id');
  return v;
}

export function int(v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new InvalidPayload('bad number');
  return v;
}

const SORTS: readonly SortOrder[] = ['date-desc', 'date-asc', 'kg-desc', 'kg-asc'];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function purchaseQuery(v: unknown): PurchaseQuery {
  if (!isPlainObject(v)) throw new InvalidPayload('query must be an object');
  const month = field(v, 'month');
  if (month !== undefined && month !== null && (typeof month !== 'string' || !MONTH.test(month))) throw new InvalidPayload('month must be YYYY-MM');
  const sort = field(v, 'sort');
  if (sort !== undefined && !(SORTS as readonly unknown[]).includes(sort)) throw new InvalidPayload('unknown sort');
  return {
    offset: int(field(v, 'offset'), 0, 1e7),
    limit: int(field(v, 'limit'), 1, 500),
    month: (month as string | null | undefined) ?? null,
    category: text(field(v, 'category'), 200),
    search: text(field(v, 'search'), 200),
    sort: (sort as SortOrder | undefined) ?? 'date-desc',
  };
}

function quantity(v: unknown): number {
  return int(v, 1, 10_000);
}

export function itemPatch(v: unknown): ItemPatch {
  if (!isPlainObject(v)) throw new InvalidPayload('patch must be an object');
  const out: ItemPatch = {};
  for (const k of Object.keys(v)) if (!['category', 'quantity', 'price', 'currency'].includes(k)) throw new InvalidPayload(`cannot change ${k}`);
  if (Object.hasOwn(v, 'category')) out.category = text(v.category, 300);
  if (Object.hasOwn(v, 'quantity')) out.quantity = quantity(v.quantity);
  if (Object.hasOwn(v, 'price')) out.price = amount(v.price);
  if (Object.hasOwn(v, 'currency')) out.currency = currency(v.currency);
  return out;
}

export function manualPurchase(v: unknown): ManualPurchase {
  if (!isPlainObject(v)) throw new InvalidPayload('purchase must be an object');
  const title = text(field(v, 'title'));
  if (!title) throw new InvalidPayload('a purchase needs a title');
  const date = isoDate(field(v, 'date'));
  if (!date) throw new InvalidPayload('a purchase needs a date');
  const shop = text(field(v, 'shop'), 253);
  return {
    title,
    price: amount(field(v, 'price')),
    currency: currency(field(v, 'currency')),
    date,
    category: text(field(v, 'category'), 300),
    quantity: quantity(field(v, 'quantity') ?? 1),
    shop,
  };
}

/** An import file as text: the size limit is checked by the importer with a clear message. */
export function bigText(v: unknown): string {
  if (typeof v !== 'string') throw new InvalidPayload('expected the file as text');
  return v;
}

export function passphrase(v: unknown, required: boolean): string | null {
  if (v === undefined || v === null || v === '') {
    if (required) throw new InvalidPayload('a passphrase is required');
    return null;
  }
  if (typeof v !== 'string' || v.length > 1024) throw new InvalidPayload('bad passphrase');
  return v;
}

const CABINS: readonly Cabin[] = ['economy', 'premium-economy', 'business', 'first'];

export function trips(v: unknown): Trip[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > 8) throw new InvalidPayload('expected 1 to 8 flights');
  return v.map((t) => {
    if (!isPlainObject(t)) throw new InvalidPayload('flight must be an object');
    const from = field(t, 'from');
    const to = field(t, 'to');
    if (typeof from !== 'string' || typeof to !== 'string' || !/^[A-Z]{3}$/.test(from) || !/^[A-Z]{3}$/.test(to) || from === to) throw new InvalidPayload('bad airports');
    const cabin = field(t, 'cabin');
    if (cabin !== null && !(CABINS as readonly unknown[]).includes(cabin)) throw new InvalidPayload('bad cabin');
    const ref = text(field(t, 'bookingRef'), 12);
    if (ref !== null && !/^[A-Z0-9]{5,12}$/.test(ref)) throw new InvalidPayload('bad booking reference');
    return { from, to, cabin: cabin as Cabin | null, passengers: int(field(t, 'passengers'), 1, 9), date: isoDate(field(t, 'date')), bookingRef: ref };
  });
}

/** A staged import's id, as `data/import-begin` gave it. */
export function importId(v: unknown): string {
  if (typeof v !== 'string' || !/^[0-9a-f-]{8,64}$/.test(v)) throw new InvalidPayload('bad import id');
  return v;
}

/** Where an export page starts: a purchase id, or null for the first page. */
export function exportCursor(v: unknown): string | null {
  if (v === null) return null;
  if (typeof v !== 'string' || v.length === 0 || v.length > 1000) throw new InvalidPayload('bad export cursor');
  return v;
}

export function pipeName(v: unknown): string {
  if (!isPipeName(v)) throw new InvalidPayload('bad pipe');
  return v;
}

/** An optional pipe for a page's text (`data-io/pipe.ts`), as a property to spread: absent stays absent. */
export function pipeTarget(v: unknown): { pipe?: PipeTarget } {
  if (v === undefined) return {};
  if (!isPlainObject(v) || !isPipeName(field(v, 'name'))) throw new InvalidPayload('bad pipe');
  return { pipe: { name: field(v, 'name') as string, seq: int(field(v, 'seq'), 0, 1e7) } };
}

export function csvCursor(v: unknown): CsvCursor | null {
  if (v === null) return null;
  if (!isPlainObject(v)) throw new InvalidPayload('bad CSV cursor');
  const date = isoDate(field(v, 'date'));
  if (!date) throw new InvalidPayload('bad CSV cursor');
  return { date, skip: int(field(v, 'skip'), 0, 1e7) };
}

const TABLE_NAMES: readonly TableName[] = ['purchases', 'items', 'viewed', 'settings'];

export function tableName(v: unknown): TableName {
  if (typeof v !== 'string' || !(TABLE_NAMES as readonly string[]).includes(v)) throw new InvalidPayload('unknown table');
  return v as TableName;
}

function shortTextOrNull(v: unknown, max: number): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' || v.length > max) throw new InvalidPayload('bad text');
  return v;
}

/** The start of a staged import: the file's header and how many records will follow. Records are checked as they come. */
export function stageStart(v: unknown): StageStart {
  if (!isPlainObject(v)) throw new InvalidPayload('bad import start');
  const c = field(v, 'counts');
  if (!isPlainObject(c)) throw new InvalidPayload('bad import counts');
  const counts = { purchases: 0, items: 0, viewed: 0, settings: 0 };
  for (const t of TABLE_NAMES) counts[t] = int(field(c, t), 0, 1e7);
  return {
    schemaVersion: int(field(v, 'schemaVersion'), 1, 1e6),
    exportedAt: shortTextOrNull(field(v, 'exportedAt'), 64),
    app: shortTextOrNull(field(v, 'app'), 100),
    counts,
    outside: int(field(v, 'outside') ?? 0, 0, 1e7),
    months: int(field(v, 'months') ?? 0, 0, 1e7),
  };
}

/** Records of one table as JSON text, at most 32 MB; the import parses and checks them (src/data-io/staging.ts). */
export function importRows(v: unknown): string {
  if (typeof v !== 'string' || v.length > 32 * 1024 * 1024) throw new InvalidPayload('expected records as JSON text of at most 32 MB');
  return v;
}
