/**
 * What the shopper waits for: on real product pages of the built-in shops, served under their own host
 * names, the time from the page being ready (DOMContentLoaded end; content scripts run at document_idle,
 * after it) to our badge being in the DOM, with the real built extension: gate, reader injection by the
 * background, page reading, the estimate round trip and the badge. See docs/benchmarks.md.
 */
import { join } from 'node:path';
import type { BenchBrowser } from './browser.ts';
import { figure, type Figure } from './stats.ts';
import { FIXTURES } from '../../test/shared.ts';
import { loadManifest, manifestUrl } from '../eval/pages.ts';
import { isKnownShopHost } from '../../src/shops/registry.ts';

export interface LatencyCase {
  label: string;
  host: string;
  path: string;
  file: string;
  url: string;
}

/** Manifest product pages on built-in shop hosts: the pages where the badge appears without a click. */
export function latencyCases(): LatencyCase[] {
  return loadManifest()
    .filter((p) => p.page_kind === 'product')
    .map((p) => ({ p, u: new URL(manifestUrl(p)) }))
    .filter(({ u }) => isKnownShopHost(u.hostname))
    .map(({ p, u }) => ({ label: p.file.replace(/\.html$/, ''), host: u.hostname, path: `${u.pathname}${u.search}` || '/', file: join(FIXTURES, 'pages', p.file), url: u.href }));
}

/** Records, in the page's main world, when an element named like our badge host (`xxxx-xxxxxx`) appears. */
const WATCH = `(() => {
  const seen = (n) => n.nodeType === 1 && /^[a-z]{4}-[a-z]{6}$/.test(n.localName);
  new MutationObserver((records, obs) => {
    for (const r of records) for (const n of r.addedNodes) if (seen(n)) { window.__lfBadgeAt = performance.now(); obs.disconnect(); return; }
  }).observe(document, { childList: true, subtree: true });
})();`;

export interface LatencyResult {
  figures: Record<string, Figure>;
  perPage: Array<{ label: string; ms: number[] }>;
  notes: string[];
}

export async function measureBadgeLatency(browser: BenchBrowser, cases: LatencyCase[], opts: { warmup: number; runs: number; port: number; log: (s: string) => void }): Promise<LatencyResult> {
  const notes: string[] = [];
  const perPage: LatencyResult['perPage'] = [];
  const fromReady: number[] = [];
  const fromStart: number[] = [];
  for (const c of cases) {
    const ms: number[] = [];
    for (let i = 0; i < opts.warmup + opts.runs; i++) {
      const page = await browser.context.newPage();
      try {
        await page.addInitScript(WATCH);
        await page.goto(`https://${c.host}:${opts.port}${c.path}`, { waitUntil: 'domcontentloaded' });
        const at = await page
          .waitForFunction(() => (window as unknown as { __lfBadgeAt?: number }).__lfBadgeAt, undefined, { timeout: 10_000, polling: 20 })
          .then((h) => h.jsonValue() as Promise<number>)
          .catch(() => null);
        if (at === null) {
          if (i === opts.warmup) notes.push(`badge latency: no badge within 10 s on ${c.label}`);
          continue;
        }
        const ready = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
        if (i >= opts.warmup) {
          ms.push(at - ready);
          fromStart.push(at);
        }
      } finally {
        await page.close();
      }
    }
    perPage.push({ label: c.label, ms });
    if (ms.length) {
      const sorted = [...ms].sort((a, b) => a - b);
      fromReady.push(sorted[(sorted.length - 1) >> 1]!);
    }
    opts.log(`  ${c.label}: ${ms.map((x) => x.toFixed(1)).join(' ')} ms`);
  }
  const figures: Record<string, Figure> = {};
  if (fromReady.length) figures.badgeShownMedianMs = figure(fromReady);
  if (fromStart.length) figures.badgeFromNavigationMedianMs = figure(fromStart);
  figures.badgePages = { value: fromReady.length, min: fromReady.length, max: fromReady.length, n: 1 };
  return { figures, perPage, notes };
}
