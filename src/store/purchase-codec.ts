import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import type { StoredEstimate, StoredItem, StoredPurchase } from './records';

/**
 * How a purchase lies in IndexedDB (a record of its own in schema 3, a row of its day since schema 4): its key and indexed fields as properties, everything else
 * in positional arrays, values that repeat (the data version, the category, the month) written once.
 *
 * Chromium's IndexedDB pays for every property it serialises: a purchase as a plain object (about 40
 * properties with its items) costs a third more time to write and a third more bytes than this. The
 * database code never sees this shape: `purchaseCodec` turns rows into `StoredPurchase`s on every read
 * and back on every write, below Dexie's own middleware. Every field survives; anything unusual (a month
 * that is not the date's, items of several data versions) is written out in full.
 */
export interface PurchaseRow {
  id: string;
  /** Indexed. */
  date: string;
  /** Indexed. */
  kg: number;
  /** Data version of the first item's estimate; items with the same one do not repeat it. */
  v?: string;
  /** Only when it is not the date's month. */
  m?: string;
  p: [shop: string, orderId: string | null, currency: string | null, total: number | null, low: number, high: number, itemCount: number, unknownItems: number, source: StoredPurchase['source'], createdAt: number, updatedAt: number];
  i: ItemTuple[];
}

/** Descriptive fields of an estimate, and what differs from the usual (see `encodeItem`). */
interface ItemExtra extends Partial<Pick<StoredEstimate, 'kept' | 'factorUnit' | 'source' | 'comparison' | 'hint' | 'note' | 'inputs'>> {
  /** The estimate's category, when it is not the item's (`''` ↔ null). */
  c?: string | null;
  /** The estimate's data version, when it is not the purchase's `v`. */
  v?: string;
}

type ItemTuple = [
  position: number,
  title: string,
  quantity: number,
  price: number | null,
  currency: string | null,
  category: string,
  edited: boolean,
  kg: number | null,
  low: number | null,
  high: number | null,
  method: StoredEstimate['method'],
  factor: number | null,
  rule: string | null,
  extra?: ItemExtra,
];

const EXTRA_KEYS = ['kept', 'factorUnit', 'source', 'comparison', 'hint', 'note', 'inputs'] as const;

function encodeItem(it: StoredItem, version: string | undefined): ItemTuple {
  const e = it.estimate;
  const t: ItemTuple = [it.position, it.title, it.quantity, it.price, it.currency, it.category, it.edited, e.kg, e.low, e.high, e.method, e.factor, e.rule ?? null];
  const x: ItemExtra = {};
  let any = false;
  if ((e.category ?? '') !== it.category || (e.category === '' && it.category === '')) {
    x.c = e.category;
    any = true;
  }
  if (e.dataVersion !== version) {
    x.v = e.dataVersion;
    any = true;
  }
  for (const k of EXTRA_KEYS) {
    if (e[k] !== undefined) {
      (x as Record<string, unknown>)[k] = e[k];
      any = true;
    }
  }
  if (any) t.push(x);
  return t;
}

function decodeItem(t: ItemTuple, version: string | undefined): StoredItem {
  const [position, title, quantity, price, currency, category, edited, kg, low, high, method, factor, rule, x] = t;
  const estimate: StoredEstimate = {
    kg,
    low,
    high,
    method,
    category: x && 'c' in x ? x.c! : category === '' ? null : category,
    factor,
    dataVersion: x?.v ?? version ?? '',
  };
  if (rule !== null) estimate.rule = rule;
  if (x) for (const k of EXTRA_KEYS) if (x[k] !== undefined) (estimate as unknown as Record<string, unknown>)[k] = x[k];
  return { position, title, quantity, price, currency, category, estimate, edited };
}

export function encodePurchase(p: StoredPurchase): PurchaseRow {
  const v = p.items[0]?.estimate.dataVersion;
  const row: PurchaseRow = {
    id: p.id,
    date: p.date,
    kg: p.kg,
    p: [p.shop, p.orderId, p.currency, p.total, p.low, p.high, p.itemCount, p.unknownItems, p.source, p.createdAt, p.updatedAt],
    i: p.items.map((it) => encodeItem(it, v)),
  };
  if (v !== undefined) row.v = v;
  if (p.month !== p.date.slice(0, 7)) row.m = p.month;
  return row;
}

export function decodePurchase(r: PurchaseRow): StoredPurchase {
  const [shop, orderId, currency, total, low, high, itemCount, unknownItems, source, createdAt, updatedAt] = r.p;
  return {
    id: r.id,
    shop,
    orderId,
    date: r.date,
    month: r.m ?? r.date.slice(0, 7),
    currency,
    total,
    kg: r.kg,
    low,
    high,
    itemCount,
    unknownItems,
    source,
    createdAt,
    updatedAt,
    items: r.i.map((t) => decodeItem(t, r.v)),
  };
}

/** Rows in this shape; records written by schemas 1 and 2 (read during their upgrade) pass as they are. */
export function isPurchaseRow(v: unknown): v is PurchaseRow {
  return typeof v === 'object' && v !== null && Array.isArray((v as PurchaseRow).p) && Array.isArray((v as PurchaseRow).i);
}

function isStoredPurchase(v: unknown): v is StoredPurchase {
  return typeof v === 'object' && v !== null && Array.isArray((v as StoredPurchase).items) && typeof (v as StoredPurchase).shop === 'string';
}

const decode = (v: unknown): unknown => (isPurchaseRow(v) ? decodePurchase(v) : v);
const encode = (v: unknown): unknown => (isStoredPurchase(v) ? encodePurchase(v) : v);

function decodingCursor(cursor: DBCoreCursor | null): DBCoreCursor | null {
  if (!cursor) return cursor;
  return Object.create(cursor, { value: { get: () => decode(cursor.value) } }) as DBCoreCursor;
}

function codecTable(t: DBCoreTable): DBCoreTable {
  return {
    ...t,
    mutate: (req) => (req.type === 'add' || req.type === 'put' ? t.mutate({ ...req, values: req.values.map(encode) }) : t.mutate(req)),
    get: (req) => t.get(req).then(decode),
    getMany: (req) => t.getMany(req).then((vs) => vs.map(decode)),
    query: (req) => (req.values ? t.query(req).then((res) => ({ ...res, result: res.result.map(decode) })) : t.query(req)),
    openCursor: (req) => t.openCursor(req).then(decodingCursor),
  };
}

/** Encodes `purchases` rows below every other middleware, so Dexie and the store only ever see `StoredPurchase`s. */
export const purchaseCodec: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'PurchaseCodec',
  level: -10,
  create: (down) => ({
    ...down,
    table: (name) => (name === 'purchases' ? codecTable(down.table(name)) : down.table(name)),
  }),
};
