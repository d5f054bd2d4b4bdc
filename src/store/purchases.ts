import type { Estimate, Order, OrderItem } from '../types';
import { compactEstimate } from './compact-estimate';
import type { FootprintDB } from './db';
import { purchaseKey, shopKey } from './keys';
import { itemContext } from './rederive';
import type { ItemRecord, PurchaseRecord, StoredEstimate } from './records';
import { applyToRollup } from './rollups';
import { itemId, nest } from './stored-purchase';
import { datePage } from './date-page';
import { viewOf, type PurchaseWithItems } from './views';

export type { ItemView, PurchaseWithItems } from './views';

export interface NewPurchase {
  shop: string;
  order: Order;
  /** One estimate per `order.items[i]`. */
  estimates: readonly Estimate[];
  source: PurchaseRecord['source'];
  /** Used when the order shows no date. */
  today: string;
  now?: number;
}

export type RecordResult = { status: 'added' | 'exists'; purchase: PurchaseRecord };

/** A purchase and its items as rows (the export file's shapes), estimates compacted for storage. */
export function buildRecords(input: NewPurchase): { purchase: PurchaseRecord; items: ItemRecord[] } {
  const { order, estimates } = input;
  if (estimates.length !== order.items.length) throw new Error('one estimate per item is required');
  const id = input.source === 'manual' ? `manual|${crypto.randomUUID()}` : purchaseKey(input.shop, order);
  const date = order.date ?? input.today;
  const now = input.now ?? Date.now();
  const shop = input.source === 'manual' ? 'manual' : shopKey(input.shop);
  const items = order.items.map((it: OrderItem, position): ItemRecord => {
    const estimate = estimates[position]!;
    const currency = it.currency ?? order.currency;
    return {
      id: itemId(id, position),
      purchaseId: id,
      position,
      title: it.title,
      quantity: it.quantity,
      price: it.price,
      currency,
      category: estimate.category ?? '',
      estimate: compactEstimate(estimate, itemContext({ date, shop }, { title: it.title, price: it.price, currency, quantity: it.quantity })),
      edited: false,
    };
  });
  const purchase: PurchaseRecord = {
    id,
    shop,
    orderId: order.orderId,
    date,
    month: date.slice(0, 7),
    currency: order.currency,
    total: order.total,
    ...totalsOf(items),
    source: input.source,
    createdAt: now,
    updatedAt: now,
  };
  return { purchase, items };
}

/** Purchase totals from its items: known estimates summed, unknown ones counted, never as zero. */
export function totalsOf(items: ReadonlyArray<{ estimate: Pick<StoredEstimate, 'kg' | 'low' | 'high'> }>): Pick<PurchaseRecord, 'kg' | 'low' | 'high' | 'unknownItems' | 'itemCount'> {
  let kg = 0;
  let low = 0;
  let high = 0;
  let unknownItems = 0;
  for (const it of items) {
    const e = it.estimate;
    if (e.kg === null) {
      unknownItems++;
      continue;
    }
    kg += e.kg;
    low += e.low ?? e.kg;
    high += e.high ?? e.kg;
  }
  return { kg, low, high, unknownItems, itemCount: items.length };
}

/**
 * Records a purchase once: the check and the write happen in one read-write transaction, which
 * IndexedDB runs one at a time per store, so reloads, two tabs and concurrent messages give one record.
 */
export async function recordPurchase(db: FootprintDB, input: NewPurchase): Promise<RecordResult> {
  const { purchase, items } = buildRecords(input);
  const stored = nest(purchase, items);
  return db.transaction('rw', [...db.purchases.tables, db.months], async () => {
    const existing = await db.purchases.get(purchase.id);
    if (existing) return { status: 'exists' as const, purchase: existing };
    await db.purchases.add(stored);
    await applyToRollup(db, stored, 1);
    return { status: 'added' as const, purchase };
  });
}

export async function deletePurchase(db: FootprintDB, id: string): Promise<boolean> {
  return db.transaction('rw', [...db.purchases.tables, db.months], async () => {
    const purchase = await db.purchases.get(id);
    if (!purchase) return false;
    await applyToRollup(db, purchase, -1);
    await db.purchases.delete(id);
    return true;
  });
}

/** Newest first, a page at a time (see `datePage`). */
export async function listPurchases(db: FootprintDB, offset = 0, limit = 50): Promise<PurchaseWithItems[]> {
  return (await datePage(db, true, offset, limit)).map(viewOf);
}

export interface Totals {
  kg: number;
  low: number;
  high: number;
  purchases: number;
  unknownItems: number;
}

export interface Summary {
  thisMonth: Totals;
  thisYear: Totals;
  allTime: Totals;
  /** The last 12 months, oldest first, including empty ones. */
  months: Array<{ month: string } & Totals>;
  byCategory: Array<{ category: string; kg: number }>;
}

/** Reads only the monthly rollups: constant work whatever the number of purchases. */
export async function summarize(db: FootprintDB, today: string): Promise<Summary> {
  const rollups = await db.months.toArray();
  const zero = (): Totals => ({ kg: 0, low: 0, high: 0, purchases: 0, unknownItems: 0 });
  const add = (t: Totals, r: Totals) => {
    t.kg += r.kg;
    t.low += r.low;
    t.high += r.high;
    t.purchases += r.purchases;
    t.unknownItems += r.unknownItems;
  };
  const month = today.slice(0, 7);
  const year = today.slice(0, 4);
  const last12 = lastMonths(month, 12);
  const byMonth = new Map(rollups.map((r) => [r.month, r]));
  const s: Summary = { thisMonth: zero(), thisYear: zero(), allTime: zero(), months: [], byCategory: [] };
  const cats = new Map<string, number>();
  for (const r of rollups) {
    add(s.allTime, r);
    if (r.month.startsWith(year)) add(s.thisYear, r);
    if (r.month === month) add(s.thisMonth, r);
    for (const [c, kg] of Object.entries(r.byCategory)) cats.set(c, (cats.get(c) ?? 0) + kg);
  }
  for (const m of last12) {
    const t = zero();
    const r = byMonth.get(m);
    if (r) add(t, r);
    s.months.push({ month: m, ...t });
  }
  s.byCategory = [...cats].map(([category, kg]) => ({ category, kg })).sort((a, b) => b.kg - a.kg);
  return s;
}

/** What the popup draws first: the summary for `today`, and the number of purchases. */
export async function summaryWithCount(db: FootprintDB, today: string): Promise<{ summary: Summary; count: number }> {
  const [summary, c] = await Promise.all([summarize(db, today), counts(db)]);
  return { summary, count: c.purchases };
}

export function lastMonths(month: string, n: number): string[] {
  let y = Number(month.slice(0, 4));
  let m = Number(month.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m--;
    if (m === 0) {
      m = 12;
      y--;
    }
  }
  return out;
}

export async function wipeAll(db: FootprintDB): Promise<void> {
  await db.transaction('rw', [...db.purchases.tables, db.months, db.viewed, db.settings], async () => {
    await Promise.all([db.purchases.clear(), db.months.clear(), db.viewed.clear(), db.settings.clear()]);
  });
}

/**
 * Purchases and items, from the monthly totals, which every write keeps in step: constant work, where
 * counting the table walks all of it in Chromium's IndexedDB (it keeps no count).
 */
export async function rollupCounts(db: FootprintDB): Promise<{ purchases: number; items: number }> {
  const months = await db.months.toArray();
  let purchases = 0;
  let items = 0;
  for (const m of months) {
    purchases += m.purchases;
    items += m.items;
  }
  return { purchases, items };
}

/** Rows per kind (purchases and items from the monthly totals, see `rollupCounts`). */
export async function counts(db: FootprintDB): Promise<Record<'purchases' | 'items' | 'viewed', number>> {
  return db.transaction('r', [db.months, db.viewed], async () => {
    const [{ purchases, items }, viewed] = await Promise.all([rollupCounts(db), db.viewed.count()]);
    return { purchases, items, viewed };
  });
}
