/**
 * Bundled by scripts/bench/esbuild.ts into one IIFE and evaluated in an isolated world of a shop page
 * (like a content script). The same src/ code as entrypoints/content.ts (the gate) and entrypoints/reader.ts
 * (runOnPage), minus the message round trips (the reader's injection and the estimate): the estimate is a
 * synchronous constant, since the real one is computed in the background.
 * Exposes `globalThis.__lfBench`. Never shipped.
 */
import { createBadge } from '../../src/badge/badge';
import { readerWanted } from '../../src/content/gate';
import { quickShopCheck } from '../../src/extract/quick-check';
import { readPage, readShopPage } from '../../src/extract/read-page';
import { readProduct } from '../../src/extract/read-product';
import { findAdapters, readOrders, readVisualProduct, countryFromHostname } from '../../src/extract/peers';
import { flowKindFromUrl, hasPaymentFields } from '../../src/extract/flow-kind';
import { pageHints } from '../../src/extract/hints';
import { readJsonLd, readMicrodata, readRdfa } from '../../src/extract/structured';
import { readOpenGraph } from '../../src/extract/opengraph';
import type { Estimate, Product } from '../../src/types';

export interface WholeRun {
  /** gate + quickShopCheck + readShopPage + estimate + badge, ms. */
  wholeMs: number;
  /** gate + quickShopCheck + readShopPage, ms. */
  extractMs: number;
  /** The gate (readerWanted) and, when it lets the page through, the reader's quickShopCheck. */
  quickMs: number;
  readMs: number;
  estimateMs: number;
  badgeMs: number;
  shop: boolean;
  kind: string;
  /** Start and end on the page's performance timeline, to match long tasks. */
  start: number;
  end: number;
}

function fakeEstimate(product: Product): Estimate {
  return {
    kg: 12.3,
    low: 8.1,
    high: 19.7,
    method: 'spend' as Estimate['method'],
    category: product.category ?? 'Apparel & Accessories > Clothing',
    factor: 0.41,
    factorUnit: 'kg CO2e per EUR',
    source: 'bench',
    dataVersion: 'bench',
    inputs: { title: product.title ?? null, price: product.price ?? null, currency: product.currency ?? null },
    comparison: null,
    hint: null,
    note: null,
  };
}

function whole(url: string): WholeRun {
  const doc = document;
  const t0 = performance.now();
  let shop = false;
  let kind = 'other';
  let product: Product | null = null;
  let t1 = t0;
  let t2 = t0;
  let t3 = t0;
  let badge: ReturnType<typeof createBadge> | null = null;
  // The same steps, in the same order, as the gate (entrypoints/content.ts) and runOnPage (src/content/run.ts).
  const parsed = new URL(url);
  shop = readerWanted(doc, url) && quickShopCheck(doc, parsed);
  t1 = performance.now();
  if (shop) {
    const reading = readShopPage(doc, parsed);
    kind = reading.kind;
    product = reading.kind === 'product' ? reading.product : null;
  }
  t2 = performance.now();
  const estimate = product ? fakeEstimate(product) : null;
  t3 = performance.now();
  if (estimate) badge = createBadge(doc, { kind: 'estimate', estimate });
  const t4 = performance.now();
  badge?.remove();
  return { wholeMs: t4 - t0, extractMs: t2 - t0, quickMs: t1 - t0, readMs: t2 - t1, estimateMs: t3 - t2, badgeMs: t4 - t3, shop, kind, start: t0, end: t4 };
}

/** The gate alone (the path every page without shop signals takes). */
function quick(url: string): { ms: number; shop: boolean } {
  const t0 = performance.now();
  const shop = readerWanted(document, url);
  return { ms: performance.now() - t0, shop };
}

/** Time of each step of readPage / readProduct, run one after the other (warm): where the time goes. */
function steps(url: string): Record<string, number> {
  const doc = document;
  const u = new URL(url);
  const out: Record<string, number> = {};
  const time = <T>(name: string, f: () => T): T => {
    const t0 = performance.now();
    const r = f();
    out[name] = (out[name] ?? 0) + performance.now() - t0;
    return r;
  };
  time('gate (readerWanted)', () => readerWanted(doc, url));
  time('quickShopCheck', () => quickShopCheck(doc, u));
  time('readOrders', () => readOrders(doc, u));
  time('flowKind+paymentFields', () => flowKindFromUrl(u) ?? hasPaymentFields(doc));
  const ctx = { country: countryFromHostname(u.hostname) };
  time('adapters', () => {
    for (const a of findAdapters(doc, u)) {
      if (a.detect && !a.detect(doc, u)) continue;
      a.kind?.(doc, u);
      if (a.product?.(doc, u)) break;
    }
  });
  const hints = time('pageHints', () => pageHints(doc, null));
  time('readJsonLd', () => readJsonLd(doc, u, ctx, hints));
  time('readMicrodata', () => readMicrodata(doc, u, ctx, hints));
  time('readRdfa', () => readRdfa(doc, u, ctx, hints));
  time('readOpenGraph', () => readOpenGraph(doc, ctx));
  time('readVisualProduct', () => readVisualProduct(doc, u));
  time('readProduct (all)', () => readProduct(doc, u));
  time('readPage (all)', () => readPage(doc, url));
  return out;
}

(globalThis as unknown as { __lfBench: unknown }).__lfBench = { whole, quick, steps };
