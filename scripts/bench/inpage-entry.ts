/**
 * Bundled by scripts/bench/esbuild.ts into one IIFE and evaluated in an isolated world of a shop page
 * (like a content script). The same src/ code as entrypoints/content.ts (the gate) and entrypoints/reader.ts
 * (runOnPage), minus the message round trips (the reader's injection and the estimate): the estimate is a
 * constant the fake `send` answers with at once, since the real one is computed in the background.
 * Exposes `globalThis.__lfBench`. Never shipped.
 */
import { readerWanted } from '../../src/content/gate';
import { quickShopCheck } from '../../src/extract/quick-check';
import { readPage } from '../../src/extract/read-page';
import { readProduct } from '../../src/extract/read-product';
import { findAdapters, readOrders, readVisualProduct, countryFromHostname } from '../../src/extract/peers';
import { flowKindFromUrl, hasPaymentFields } from '../../src/extract/flow-kind';
import { pageHints } from '../../src/extract/hints';
import { readJsonLd, readMicrodata, readRdfa } from '../../src/extract/structured';
import { readOpenGraph } from '../../src/extract/opengraph';
import { newSession, runOnPage, type Send } from '../../src/content/run';
import type { ContentMessage } from '../../src/messages/protocol';
import type { Estimate, Product } from '../../src/types';

export interface WholeRun {
  /** gate + runOnPage (detect, extract, the estimate's reply, badge), ms. */
  wholeMs: number;
  /** gate + runOnPage up to the message that carries the reading (or to its end, on a page it sends nothing for), ms. */
  extractMs: number;
  /** The gate (readerWanted) alone. */
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

/**
 * The content script's own path: the gate (entrypoints/content.ts), then runOnPage (src/content/run.ts)
 * with a `send` that answers at once, as the background would with no time of its own: the estimate for a
 * product, nothing stored for an order. Only microtasks run between the reading and the badge.
 */
async function whole(url: string): Promise<WholeRun> {
  const t0 = performance.now();
  // Inside the clock: a world's first read of `document` builds its wrapper (~0.11 ms), which the floor pays too.
  const doc = document;
  let sent: number | null = null;
  let estimateMs = 0;
  const session = newSession();
  const send = ((msg: ContentMessage) => {
    sent = performance.now();
    if (msg.type !== 'page/seen' || !msg.product) return Promise.resolve({ ok: false, error: 'bench' });
    const estimate = fakeEstimate(msg.product);
    estimateMs = performance.now() - sent;
    return Promise.resolve({ ok: true, showBadge: true, estimate });
  }) as Send;
  const wanted = readerWanted(doc, url);
  const t1 = performance.now();
  const outcome = wanted ? await runOnPage(doc, url, send, session) : null;
  const t4 = performance.now();
  session.badge?.remove();
  const t2 = sent ?? t4;
  return { wholeMs: t4 - t0, extractMs: t2 - t0, quickMs: t1 - t0, readMs: t2 - t1, estimateMs, badgeMs: t4 - t2, shop: outcome?.reading != null, kind: outcome?.reading?.kind ?? 'other', start: t0, end: t4 };
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
