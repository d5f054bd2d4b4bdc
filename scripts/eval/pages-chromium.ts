/**
 * Page-reading time in real Chromium (the budget is for Chromium, not happy-dom): every fixture page
 * is served at its own URL with its scripts disabled and all sub-requests blocked, src/extract is
 * bundled into the page, and readPage / quickShopCheck / a bare JSON-LD parse are timed there.
 * Used by pages.ts with `--chromium` (needs /usr/bin/chromium or CHROMIUM_PATH).
 */
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { readHtml } from '../lib/dom.ts';
import { REPO_ROOT } from '../../test/shared.ts';

export interface ChromiumTiming {
  label: string;
  readPage: number;
  quickCheck: number;
  bareJsonLd: number;
  jsonLdPages: boolean;
  /** Parts, for finding where the time goes. */
  markupTiers: number;
  orders: number;
  adapters: number;
  visual: number;
}

/** Page scripts must not run (nothing of the page runs in our fixtures), JSON-LD must stay. */
const EXECUTABLE_SCRIPT = /<script(?![^>]*application\/ld\+json)(?=[\s>])/gi;

const IN_PAGE = `
import { readPage, quickShopCheck } from './src/extract/read-page';
import { readProduct } from './src/extract/read-product';
import { readOrders, readVisualProduct, findAdapters } from './src/extract/peers';
// performance.now() is coarse (0.1 ms) in a page that is not cross-origin isolated: time batches.
function med(runs: number, f: () => unknown): number {
  f();
  const a0 = performance.now();
  f();
  const once = Math.max(performance.now() - a0, 0.001);
  const k = Math.max(1, Math.min(2000, Math.ceil(2 / once)));
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) { const a = performance.now(); for (let j = 0; j < k; j++) f(); xs.push((performance.now() - a) / k); }
  xs.sort((a, b) => a - b);
  return xs[xs.length >> 1];
}
const MARKUP = new Set(['json-ld', 'microdata', 'rdfa', 'opengraph'] as const);
function bare(): void {
  for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try { JSON.parse(s.textContent || ''); } catch { /* as readPage does */ }
  }
}
(globalThis as any).__lf = {
  time(url: string, runs: number) {
    const u = new URL(url);
    return {
      readPage: med(runs, () => readPage(document, url)),
      quickCheck: med(runs, () => quickShopCheck(document, u)),
      bareJsonLd: med(runs, bare),
      jsonLdPages: document.querySelectorAll('script[type="application/ld+json"]').length > 0,
      markupTiers: med(runs, () => readProduct(document, u, { tiers: MARKUP as any })),
      orders: med(runs, () => readOrders(document, u)),
      adapters: med(runs, () => { for (const a of findAdapters(document, u)) { a.kind?.(document, u); a.product?.(document, u); } }),
      visual: med(runs, () => readVisualProduct(document, u)),
    };
  },
};
`;

async function bundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: IN_PAGE,
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
  });
  return out.outputFiles[0]!.text;
}

export async function timeInChromium(pages: Array<{ label: string; path: string; url: string }>, runs = 7): Promise<ChromiumTiming[]> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}`);
  const code = await bundle();
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  const results: ChromiumTiming[] = [];
  try {
    const context = await browser.newContext();
    for (const p of pages) {
      const page = await context.newPage();
      const html = readHtml(p.path).replace(EXECUTABLE_SCRIPT, '<script type="text/x-lf-disabled"');
      await page.route('**/*', (route) => (route.request().isNavigationRequest() ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }) : route.abort()));
      await page.goto(p.url, { waitUntil: 'domcontentloaded' });
      await page.addScriptTag({ content: code });
      // The timing code lives in the bundle: functions passed to evaluate() get tsx's __name helper.
      const t = (await page.evaluate(([url, n]) => (globalThis as unknown as { __lf: { time: (u: string, r: number) => unknown } }).__lf.time(url, n), [p.url, runs] as const)) as Omit<ChromiumTiming, 'label'>;
      results.push({ label: p.label, ...t });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

