import { FootprintDB } from '../../../src/store/db';
import { recordPurchase, type NewPurchase } from '../../../src/store/purchases';
import { updateSettings } from '../../../src/store/settings';
import type { ViewedRecord } from '../../../src/store/records';
import { itemRows, purchaseRow } from '../../../src/store/stored-purchase';
import type { Estimate, EstimateMethod, Order } from '../../../src/types';

let n = 0;
/** A fresh, open database with a unique name (fake-indexeddb). */
export async function openDb(prefix = 'data-io'): Promise<FootprintDB> {
  const db = new FootprintDB(`${prefix}-${n++}-${Math.random().toString(36).slice(2)}`);
  await db.open();
  return db;
}

export async function closeDb(db: FootprintDB): Promise<void> {
  db.close();
  await db.delete();
}

export function est(kg: number | null, method: EstimateMethod = 'spend', category: string | null = 'Electronics > Computers'): Estimate {
  if (kg === null) {
    return { kg: null, low: null, high: null, method: 'unknown', category, factor: null, factorUnit: null, source: null, dataVersion: 'test-1', inputs: {}, note: 'no price' };
  }
  return {
    kg,
    low: kg * 0.5,
    high: kg * 2,
    method,
    category,
    factor: 0.37,
    factorUnit: 'kg CO2e per USD (2022)',
    source: 'US EPA USEEIO v1.3, "Supply Chain GHG Emission Factors"',
    dataVersion: 'test-1',
    inputs: { title: 'x', price: 12.5, currency: 'USD', deflated: true, rule: null },
    comparison: null,
    hint: method === 'garment' ? 'Second-hand avoids most of this.' : null,
    note: null,
  };
}

const NOW = Date.UTC(2026, 10, 28, 12);

export function purchaseInput(i: number, over: Partial<NewPurchase> = {}): NewPurchase {
  const order: Order = {
    orderId: `112-${String(1000000 + i)}`,
    date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    currency: i % 3 === 0 ? 'EUR' : 'USD',
    total: 10 + i,
    items: [
      { title: `Laptop stand #${i}`, quantity: 1, price: 30 + i, currency: null },
      { title: 'Cable, USB-C "braided" 2 m', quantity: 2, price: 6.99, currency: 'USD' },
    ],
  };
  return {
    shop: i % 2 ? 'www.amazon.com' : 'shop.example',
    order,
    estimates: [est(10 + i, i % 4 === 0 ? 'garment' : 'spend', i % 5 === 0 ? 'Apparel & Accessories > Clothing' : 'Electronics > Computers'), est(null)],
    source: 'page',
    today: '2026-11-28',
    now: NOW + i,
    ...over,
  };
}

/** Realistic purchases (two items each, one unknown), tricky text, a manual purchase, viewed products and settings. */
export async function seed(db: FootprintDB, count = 12): Promise<void> {
  for (let i = 0; i < count; i++) await recordPurchase(db, purchaseInput(i));
  await recordPurchase(db, {
    shop: 'shop.example',
    order: {
      orderId: '=cmd|"/c calc"!A1',
      date: '2024-02-29',
      currency: 'GBP',
      total: 99,
      items: [
        { title: '<img src=x onerror=alert(1)> Café crème — 100 % coton, « bio »', quantity: 3, price: 12, currency: 'GBP' },
        { title: '-2+3 @SUM(A1:A9)', quantity: 1, price: null, currency: null },
        { title: 'Multi\nline "quoted", title', quantity: 1, price: 0, currency: 'GBP' },
      ],
    },
    estimates: [est(4.5, 'garment', 'Apparel & Accessories > Clothing'), est(0.25, 'food', 'Food, Beverages & Tobacco'), est(null)],
    source: 'page',
    today: '2026-11-28',
    now: NOW,
  });
  await recordPurchase(db, {
    shop: 'manual',
    order: { orderId: null, date: '2025-07-14', currency: 'EUR', total: 420, items: [{ title: 'Flight PAR → NYC', quantity: 1, price: 420, currency: 'EUR' }] },
    estimates: [{ ...est(1500, 'flight', 'Travel > Flights'), inputs: { from: 'CDG', to: 'JFK', cabin: 'economy', km: 5837, haul: 'long-haul' } }],
    source: 'manual',
    today: '2026-11-28',
    now: NOW,
  });
  const viewed: ViewedRecord[] = [
    { id: 'amazon.com|b0abc', host: 'amazon.com', title: 'Laptop stand <b>aluminium</b>', category: 'Electronics', breadcrumbs: ['Electronics', 'Computers'], price: 29.99, currency: 'USD', seenAt: NOW - 1000 },
    { id: 'shop.example|cafe creme', host: 'shop.example', title: 'Café crème', category: null, breadcrumbs: null, price: null, currency: null, seenAt: NOW - 2000 },
  ];
  await db.viewed.bulkPut(viewed);
  await updateSettings(db, { badgeMode: 'toolbar', disabledShops: ['bank.example'], displayCurrency: 'EUR', viewedRetentionDays: 30 });
  await db.settings.put({ key: 'futureThing', value: { nested: [1, 'two', { three: true }], n: null } });
}

/** Every table, in key order, as one string: equal strings = the same data, byte for byte (items are inside their purchases). */
export async function dump(db: FootprintDB): Promise<string> {
  const [purchases, viewed, settings, months] = await Promise.all([db.purchases.toArray(), db.viewed.toArray(), db.settings.toArray(), db.months.toArray()]);
  return JSON.stringify({ purchases, viewed, settings, months });
}

/** Every table as the export file has it: purchases and items as rows of their own. */
export async function tables(db: FootprintDB) {
  const [stored, viewed, settings, months] = await Promise.all([db.purchases.toArray(), db.viewed.toArray(), db.settings.toArray(), db.months.toArray()]);
  return { purchases: stored.map(purchaseRow), items: stored.flatMap(itemRows), viewed, settings, months };
}

/** Every item as a row, in purchase then position order. */
export async function allItems(db: FootprintDB) {
  return (await db.purchases.toArray()).flatMap(itemRows);
}

export const FIXED_NOW = NOW;
