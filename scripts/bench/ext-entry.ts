/**
 * Bundled into one IIFE and evaluated in an extension page (methodology.html) or the service worker.
 * Generates purchases with the extension's own record builder (src/store/purchases.ts buildRecords, which
 * stores estimates compact) and times export and import exactly as the options page runs them: the paged
 * export (src/data-io/paged-export.ts) and the staged import (src/data-io/staged-import.ts), send to last
 * reply, inside the page, and the upgrade of a schema-3 database (upgradeFrom3). Exposes `globalThis.__lfExt`.
 * Never shipped.
 */
import Dexie from 'dexie';
import { EXPORT_FORMAT } from '../../src/data-io/format';
import { pagedExportJsonBlob } from '../../src/data-io/paged-export';
import { commitImport, previewStaged, sendImportFile } from '../../src/data-io/staged-import';
import { estimate } from '../../src/engine/estimate';
import type { PageSend } from '../../src/popup/api';
import { buildRecords } from '../../src/store/purchases';
import type { ItemRecord, MonthRollup, PurchaseRecord, StoredPurchase } from '../../src/store/records';
import { packPurchases } from '../../src/store/packs';
import { rollupsOf, storeOrder } from '../../src/store/rollups';
import { SCHEMA_VERSION } from '../../src/store/schema';
import { nest } from '../../src/store/stored-purchase';
import type { Estimate } from '../../src/types';
import { FootprintDB } from '../../src/store/db';
import { purchaseCodec } from '../../src/store/purchase-codec';
import { V3 } from '../../src/store/versions/2026-11-28-v3';

/** A real-looking order line; its estimate is made by the real engine for each purchase's date and shop. */
export interface PaletteEntry {
  title: string;
  price: number;
  currency: string;
  /** The engine's answer in Node for a reference date (kept for the record; purchases get their own). */
  estimate: Estimate;
}

const SHOPS = ['www.amazon.de', 'www.amazon.com', 'www.ebay.co.uk', 'www.zalando.de', 'www.ikea.com', 'www.etsy.com', 'shop.example-store.com', 'www.otto.de', 'www.target.com', 'www.johnlewis.com'];

/** Deterministic PRNG (mulberry32), so every run writes the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The engine's answer depends on title, price, currency, quantity, the year and the shop: one call per combination. */
const estimates = new Map<string, Estimate>();
function estimateFor(l: PaletteEntry, quantity: number, date: string, site: string): Estimate {
  const key = `${l.title}|${quantity}|${date.slice(0, 4)}|${site}`;
  let e = estimates.get(key);
  if (!e) estimates.set(key, (e = estimate({ title: l.title, price: l.price, currency: l.currency, quantity, date, site })));
  return e;
}

export interface Generated {
  purchases: PurchaseRecord[];
  items: ItemRecord[];
}

/** Purchases `from` .. `from + n - 1`: 1–3 items each (mean 1.55), dates over the last five years, as the export file's rows. */
export function generate(from: number, n: number, palette: PaletteEntry[], now = 1_795_000_000_000): Generated {
  const purchases: PurchaseRecord[] = [];
  const items: ItemRecord[] = [];
  for (let i = from; i < from + n; i++) {
    const r = rng(i * 7919 + 17);
    const count = r() < 0.6 ? 1 : r() < 0.75 ? 2 : 3;
    const lines = Array.from({ length: count }, () => palette[Math.floor(r() * palette.length)]!);
    const day = new Date(now - Math.floor(r() * 5 * 365) * 86_400_000).toISOString().slice(0, 10);
    const quantities = lines.map(() => (r() < 0.85 ? 1 : 2));
    const shop = SHOPS[i % SHOPS.length]!;
    const order = {
      orderId: `${String(302 + (i % 700)).padStart(3, '0')}-${String(i).padStart(7, '0')}-${String(Math.floor(r() * 1e7)).padStart(7, '0')}`,
      date: day,
      currency: lines[0]!.currency,
      total: Math.round(lines.reduce((s, l, k) => s + l.price * quantities[k]!, 0) * 100) / 100,
      items: lines.map((l, k) => ({ title: l.title, quantity: quantities[k]!, price: l.price, currency: l.currency })),
    };
    const rec = buildRecords({ shop, order, estimates: lines.map((l, k) => estimateFor(l, quantities[k]!, day, shop)), source: 'page', today: day, now: now - (from + n - i) * 1000 });
    purchases.push(rec.purchase);
    items.push(...rec.items);
  }
  return { purchases, items };
}

/** The purchases as stored (items inside). */
function stored(g: Generated): StoredPurchase[] {
  const byPurchase = new Map<string, ItemRecord[]>();
  for (const it of g.items) {
    const list = byPurchase.get(it.purchaseId);
    if (list) list.push(it);
    else byPurchase.set(it.purchaseId, [it]);
  }
  return g.purchases.map((p) => nest(p, byPurchase.get(p.id) ?? []));
}

/** The monthly rollups rebuildRollups (src/store/rollups.ts) would write for these records. */
export function rollups(g: Generated): MonthRollup[] {
  return rollupsOf(stored(g).sort(storeOrder));
}

/** An export file (src/data-io/format.ts, this schema) holding purchases `from` .. `from + n - 1`. */
export function exportText(from: number, n: number, palette: PaletteEntry[]): string {
  const g = generate(from, n, palette);
  return JSON.stringify({
    format: EXPORT_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: new Date(1_795_000_000_000).toISOString(),
    app: 'bench',
    counts: { purchases: g.purchases.length, items: g.items.length, viewed: 0, settings: 0 },
    tables: { purchases: g.purchases, items: g.items, viewed: [], settings: [] },
  });
}

interface Runtime {
  sendMessage(msg: unknown): Promise<{ ok: boolean; error?: string } & Record<string, unknown>>;
}
const runtime = (): Runtime => (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
const pageSend: PageSend = ((msg: unknown) => runtime().sendMessage(msg)) as PageSend;

export interface Timed {
  ms: number;
  ok: boolean;
  error: string | null;
  /** Characters of the file sent or received. */
  chars: number;
  /** Where the time went, ms per step. */
  steps?: Record<string, number>;
}

/**
 * Imports a file as the options page does, timed from the file's text to the commit's reply: checked
 * whole in the page, sent in chunks, checked and held by the background, previewed, committed in one
 * transaction.
 */
async function importText(text: string): Promise<Timed> {
  const steps: Record<string, number> = {};
  const t0 = performance.now();
  let t = t0;
  const lap = (name: string) => {
    const now = performance.now();
    steps[name] = now - t;
    t = now;
  };
  try {
    // As the options page does (src/options/Import.tsx): the file whole on the pipe, checked in the background.
    const id = await sendImportFile(pageSend, text, null);
    lap('sendAndCheck');
    await previewStaged(pageSend, id);
    lap('preview');
    await commitImport(pageSend, id);
    lap('commit');
    return { ms: performance.now() - t0, ok: true, error: null, chars: text.length, steps };
  } catch (e) {
    return { ms: performance.now() - t0, ok: false, error: (e as Error).message, chars: text.length, steps };
  }
}

/** Generates a file of `n` purchases (untimed), then imports it (timed). */
async function importGenerated(from: number, n: number, palette: PaletteEntry[]): Promise<Timed> {
  return importText(exportText(from, n, palette));
}

/** The paged export, timed from the first message to the file's Blob. */
async function exportTimed(): Promise<Timed> {
  const t0 = performance.now();
  try {
    const { blob } = await pagedExportJsonBlob(pageSend, { app: 'bench' });
    return { ms: performance.now() - t0, ok: true, error: null, chars: blob.size };
  } catch (e) {
    return { ms: performance.now() - t0, ok: false, error: (e as Error).message, chars: 0 };
  }
}

async function send(msg: unknown): Promise<unknown> {
  return runtime().sendMessage(msg);
}

async function usage(): Promise<number> {
  const e = await navigator.storage.estimate();
  return e.usage ?? 0;
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/**
 * Writes purchases `from` .. `from + n - 1` straight into the extension's empty database (raw IndexedDB,
 * no Dexie; packed as src/store/packs.ts packs them), then every month's rollup from everything written.
 * A fallback for the service worker, should an import fail.
 */
async function seedRaw(from: number, n: number, palette: PaletteEntry[], batch = 5000): Promise<{ ms: number; purchases: number; items: number }> {
  const t0 = performance.now();
  const db = await req(indexedDB.open('local-footprint'));
  let items = 0;
  const all: StoredPurchase[] = [];
  try {
    for (let start = from; start < from + n; start += batch) {
      const g = generate(start, Math.min(batch, from + n - start), palette);
      items += g.items.length;
      for (const p of stored(g)) all.push(p);
    }
    const { days, shards, kgs, tally } = packPurchases(all);
    const tx = db.transaction(['days', 'idx', 'kgs', 'tally', 'months'], 'readwrite');
    const ms = tx.objectStore('months');
    for (const name of ['days', 'idx', 'kgs', 'tally', 'months']) tx.objectStore(name).clear();
    for (const d of days) tx.objectStore('days').put(d);
    for (const s of shards) tx.objectStore('idx').put(s);
    for (const k of kgs) tx.objectStore('kgs').put(k);
    tx.objectStore('tally').put(tally);
    for (const r of rollupsOf(all.sort(storeOrder))) ms.put(r);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
  return { ms: performance.now() - t0, purchases: n, items };
}

/**
 * The floor under any import of `n` purchases into IndexedDB here: `n` bare puts (`{ id }`, no index) in one
 * transaction, in a scratch database. Chromium pays mostly per record written, so an import that writes one
 * record per purchase cannot be faster than this on this machine. For the service worker.
 */
async function putFloor(n: number): Promise<number> {
  const name = 'lf-bench-put-floor';
  await req(indexedDB.deleteDatabase(name));
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('x', { keyPath: 'id' });
  const db = await req(open);
  try {
    const ids = Array.from({ length: n }, (_, i) => ({ id: `shop.example|${String(i).padStart(8, '0')}` }));
    const t0 = performance.now();
    const tx = db.transaction('x', 'readwrite');
    const store = tx.objectStore('x');
    for (const r of ids) store.put(r);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    return performance.now() - t0;
  } finally {
    db.close();
    await req(indexedDB.deleteDatabase(name));
  }
}

/**
 * The floor under any export: every stored purchase read raw (no Dexie, no decoding), the day records
 * (src/store/packs.ts) in `getAll`s of 64, in the service worker.
 */
async function readFloor(): Promise<number> {
  const db = await req(indexedDB.open('local-footprint'));
  try {
    const t0 = performance.now();
    let after: string | null = null;
    do {
      const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
      const days: Array<{ d: string }> = await req(db.transaction('days', 'readonly').objectStore('days').getAll(range, 64) as IDBRequest<Array<{ d: string }>>);
      after = days.length === 64 ? days[63]!.d : null;
    } while (after !== null);
    return performance.now() - t0;
  } finally {
    db.close();
  }
}

/** Records per store, and purchases (inside the days) and items (counted from the monthly totals). */
async function countRaw(): Promise<Record<string, number>> {
  const db = await req(indexedDB.open('local-footprint'));
  try {
    const out: Record<string, number> = {};
    for (const name of ['days', 'idx', 'kgs', 'tally', 'months', 'viewed']) out[name] = await req(db.transaction(name, 'readonly').objectStore(name).count());
    const shards = await req(db.transaction('idx', 'readonly').objectStore('idx').getAll() as IDBRequest<Array<{ ids: string[] }>>);
    out.purchases = shards.reduce((k, s) => k + s.ids.length, 0);
    const months = await req(db.transaction('months', 'readonly').objectStore('months').getAll() as IDBRequest<MonthRollup[]>);
    out.items = months.reduce((s, m) => s + m.items, 0);
    return out;
  } finally {
    db.close();
  }
}

export interface UpgradeTimed {
  /** Writing schema 3's records (untimed in `ms`). */
  seedMs: number;
  /** Opening them with the current FootprintDB: the upgrade to schema 4, timed to the open's end. */
  ms: number;
  /** Purchases the upgraded database holds. */
  purchases: number;
  ok: boolean;
  error: string | null;
}

/**
 * A database as schema 3 left it (one record per purchase, written through the same row codec), `n`
 * purchases, in a scratch database of the extension's origin; then opened by the current FootprintDB,
 * which packs them (the upgrade to 4, src/store/versions/2026-11-29-v4.ts). For an extension page.
 */
async function upgradeFrom3(n: number, palette: PaletteEntry[], batch = 5000): Promise<UpgradeTimed> {
  const name = 'lf-bench-upgrade';
  const legacy = new Dexie(name);
  legacy.version(V3.version).stores(V3.stores);
  legacy.use(purchaseCodec);
  const db = new FootprintDB(name);
  let seedMs = NaN;
  try {
    await Dexie.delete(name);
    const t0 = performance.now();
    for (let start = 0; start < n; start += batch) await legacy.table('purchases').bulkAdd(stored(generate(start, Math.min(batch, n - start), palette)));
    legacy.close();
    seedMs = performance.now() - t0;
    const t1 = performance.now();
    await db.open();
    const ms = performance.now() - t1;
    return { seedMs, ms, purchases: await db.purchases.count(), ok: true, error: null };
  } catch (e) {
    return { seedMs, ms: NaN, purchases: 0, ok: false, error: (e as Error).message };
  } finally {
    legacy.close();
    db.close();
    await Dexie.delete(name);
  }
}

(globalThis as unknown as { __lfExt: unknown }).__lfExt = { generate, exportText, importText, importGenerated, exportTimed, send, usage, seedRaw, countRaw, putFloor, readFloor, upgradeFrom3 };
