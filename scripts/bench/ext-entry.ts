/**
 * Bundled into one IIFE and evaluated in an extension page (methodology.html) or the service worker.
 * Generates purchases with the extension's own record builder (src/store/purchases.ts buildRecords) and
 * times the `data/*` messages inside the page. Exposes `globalThis.__lfExt`. Never shipped.
 */
import { EXPORT_FORMAT } from '../../src/data-io/format';
import { buildRecords } from '../../src/store/purchases';
import type { ItemRecord, MonthRollup, PurchaseRecord } from '../../src/store/records';
import { rollupsOf } from '../../src/store/rollups';
import { V2 } from '../../src/store/versions/2026-11-28-v2';
import type { Estimate } from '../../src/types';

/** A real estimate (computed in Node by src/engine/estimate.ts) for a real-looking title. */
export interface PaletteEntry {
  title: string;
  price: number;
  currency: string;
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

export interface Generated {
  purchases: PurchaseRecord[];
  items: ItemRecord[];
}

/** Purchases `from` .. `from + n - 1`: 1–3 items each (mean 1.6), dates over the last five years. */
export function generate(from: number, n: number, palette: PaletteEntry[], now = 1_795_000_000_000): Generated {
  const purchases: PurchaseRecord[] = [];
  const items: ItemRecord[] = [];
  for (let i = from; i < from + n; i++) {
    const r = rng(i * 7919 + 17);
    const count = r() < 0.6 ? 1 : r() < 0.75 ? 2 : 3;
    const lines = Array.from({ length: count }, () => palette[Math.floor(r() * palette.length)]!);
    const day = new Date(now - Math.floor(r() * 5 * 365) * 86_400_000).toISOString().slice(0, 10);
    const quantities = lines.map(() => (r() < 0.85 ? 1 : 2));
    const order = {
      orderId: `${String(302 + (i % 700)).padStart(3, '0')}-${String(i).padStart(7, '0')}-${String(Math.floor(r() * 1e7)).padStart(7, '0')}`,
      date: day,
      currency: lines[0]!.currency,
      total: Math.round(lines.reduce((s, l, k) => s + l.price * quantities[k]!, 0) * 100) / 100,
      items: lines.map((l, k) => ({ title: l.title, quantity: quantities[k]!, price: l.price, currency: l.currency })),
    };
    const rec = buildRecords({ shop: SHOPS[i % SHOPS.length]!, order, estimates: lines.map((l) => l.estimate), source: 'page', today: day, now: now - (from + n - i) * 1000 });
    purchases.push(rec.purchase);
    items.push(...rec.items);
  }
  return { purchases, items };
}

/** The monthly rollups rebuildRollups (src/store/rollups.ts) would write for these records. */
export function rollups(g: Generated): MonthRollup[] {
  return rollupsOf(g.purchases, g.items);
}

/** An export file (src/data-io/format.ts) holding purchases `from` .. `from + n - 1`. */
export function exportText(from: number, n: number, palette: PaletteEntry[]): string {
  const g = generate(from, n, palette);
  return JSON.stringify({
    format: EXPORT_FORMAT,
    schemaVersion: V2.version,
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

export interface Timed {
  ms: number;
  ok: boolean;
  error: string | null;
  /** Characters of the file sent or received. */
  chars: number;
}

/** Generates a file of `n` purchases (untimed), then times `data/import` of it, send to reply. */
async function importGenerated(from: number, n: number, palette: PaletteEntry[]): Promise<Timed> {
  const text = exportText(from, n, palette);
  const t0 = performance.now();
  try {
    const r = await runtime().sendMessage({ type: 'data/import', text });
    return { ms: performance.now() - t0, ok: r.ok, error: r.ok ? null : (r.error ?? 'unknown'), chars: text.length };
  } catch (e) {
    return { ms: performance.now() - t0, ok: false, error: (e as Error).message, chars: text.length };
  }
}

/** Times `data/export` (the background builds the JSON; the page receives it). */
async function exportTimed(): Promise<Timed> {
  const t0 = performance.now();
  try {
    const r = await runtime().sendMessage({ type: 'data/export' });
    const json = typeof r.json === 'string' ? r.json : '';
    return { ms: performance.now() - t0, ok: r.ok, error: r.ok ? null : (r.error ?? 'unknown'), chars: json.length };
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
 * Writes purchases `from` .. `from + n - 1` straight into the extension's database (raw IndexedDB, no
 * Dexie; the same record shapes), then rewrites every month's rollup from everything written.
 * For the service worker, when a file would be over the import's 50 MB cap.
 */
async function seedRaw(from: number, n: number, palette: PaletteEntry[], batch = 5000): Promise<{ ms: number; purchases: number; items: number }> {
  const t0 = performance.now();
  const db = await req(indexedDB.open('local-footprint'));
  let items = 0;
  const all: Generated = { purchases: [], items: [] };
  try {
    for (let start = from; start < from + n; start += batch) {
      const g = generate(start, Math.min(batch, from + n - start), palette);
      const tx = db.transaction(['purchases', 'items'], 'readwrite');
      const ps = tx.objectStore('purchases');
      const is = tx.objectStore('items');
      for (const p of g.purchases) ps.put(p);
      for (const it of g.items) is.put(it);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      items += g.items.length;
      for (const p of g.purchases) all.purchases.push(p);
      for (const it of g.items) all.items.push(it);
    }
    const tx = db.transaction(['months'], 'readwrite');
    const ms = tx.objectStore('months');
    ms.clear();
    for (const r of rollups(all)) ms.put(r);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
  return { ms: performance.now() - t0, purchases: n, items };
}

async function countRaw(): Promise<Record<string, number>> {
  const db = await req(indexedDB.open('local-footprint'));
  try {
    const out: Record<string, number> = {};
    for (const name of ['purchases', 'items', 'months', 'viewed']) out[name] = await req(db.transaction(name, 'readonly').objectStore(name).count());
    return out;
  } finally {
    db.close();
  }
}

(globalThis as unknown as { __lfExt: unknown }).__lfExt = { generate, exportText, importGenerated, exportTimed, send, usage, seedRaw, countRaw };
