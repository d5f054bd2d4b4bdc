/**
 * Popup totals, export and import, and bytes stored per purchase, in the extension's own IndexedDB.
 * Everything is timed inside extension pages with performance.now(). Export and import run exactly as the
 * options page runs them: the paged export and the staged import (see ext-entry.ts), at every size.
 */
import type { Page } from 'playwright-core';
import type { BenchBrowser } from './browser.ts';
import { bundleIife } from './esbuild.ts';
import type { PaletteEntry, Timed, UpgradeTimed } from './ext-entry.ts';
import { figure, type Figure } from './stats.ts';

export interface StoreOptions {
  sizes: number[];
  /** A smoke run: no pauses. */
  quick?: boolean;
  warmup: number;
  runs: number;
  /** Runs for the slow operations (import / export) at 100k. */
  bigRuns: number;
  palette: PaletteEntry[];
  log: (s: string) => void;
}

/** Pause between seeding and the popup rounds. */
const SETTLE_MS = 5000;

export interface StoreResults {
  figures: Record<string, Figure>;
  notes: string[];
}

/** Marks when the popup's all-time total first holds text (a MutationObserver from before any script). */
const TOTALS_PROBE = `(() => {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/popup.html')) return;
  const check = () => {
    const el = document.querySelector('[data-testid="total-all"]');
    if (el && (el.textContent || '').trim()) { window.__lfTotalsAt = performance.now(); obs.disconnect(); }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { subtree: true, childList: true, characterData: true });
})();`;


/** Opens the popup and waits for its all-time total: ms since navigation start (the probe's), and wall ms. */
async function totalsDrawn(popup: Page, url: string, tag: string): Promise<{ at: number; wall: number }> {
  const t0 = Date.now();
  await popup.goto(url);
  // Polled with Runtime.evaluate: waitForFunction would need eval, which the popup's CSP forbids.
  let at: number | null = null;
  for (const t1 = Date.now(); at === null && Date.now() - t1 < 60_000; ) {
    at = await popup.evaluate<number | null>('window.__lfTotalsAt ?? null');
    if (at === null) await new Promise((r) => setTimeout(r, 5));
  }
  if (at === null) throw new Error(`popup totals not drawn within 60 s at ${tag}`);
  return { at, wall: Date.now() - t0 };
}

export async function measureStore(b: BenchBrowser, opts: StoreOptions): Promise<StoreResults> {
  const ext = await bundleIife('ext-entry.ts');
  const base = `chrome-extension://${b.extensionId}`;
  await b.context.addInitScript({ content: TOTALS_PROBE });
  const tool: Page = await b.context.newPage();
  await tool.goto(`${base}/methodology.html`);
  await tool.evaluate(ext);
  await b.worker.evaluate(ext);
  const pal = JSON.stringify(opts.palette);
  const figures: Record<string, Figure> = {};
  const notes: string[] = [];
  const wipe = () => tool.evaluate(`__lfExt.send({ type: 'data/wipe' })`);
  const usage = () => tool.evaluate<number>('__lfExt.usage()');
  const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

  for (const n of opts.sizes) {
    const big = n >= 100_000;
    // Import and export get fewer runs from 10k on: one import of 10k already takes seconds.
    const runs = n >= 10_000 ? opts.bigRuns : opts.runs;
    const tag = label(n);
    // Import into an empty database (what a restore on a new device does); the last one stays for the rest.
    const importMs: number[] = [];
    const stepMs: Record<string, number[]> = {};
    let seededBy = 'import';
    let usageBefore = 0;
    let usageAfter = 0;
    let fileChars = 0;
    for (let r = 0; r < (big ? 0 : opts.warmup) + (big ? 1 : runs); r++) {
      await wipe();
      usageBefore = await usage();
      const t = await tool.evaluate<Timed>(`__lfExt.importGenerated(0, ${n}, ${pal})`);
      fileChars = t.chars;
      if (!t.ok) {
        notes.push(`${tag}: import failed (${t.error}); seeded by raw IndexedDB writes in the service worker instead`);
        await wipe();
        usageBefore = await usage();
        const seeded = await b.worker.evaluate<{ ms: number }>(`__lfExt.seedRaw(0, ${n}, ${pal})`);
        notes.push(`${tag}: raw seeding took ${Math.round(seeded.ms)} ms`);
        seededBy = 'raw';
        break;
      }
      if (r >= (big ? 0 : opts.warmup)) {
        importMs.push(t.ms);
        for (const [k, v] of Object.entries(t.steps ?? {})) (stepMs[k] ??= []).push(v);
      }
    }
    usageAfter = await usage();
    const counts = await b.worker.evaluate<Record<string, number>>('__lfExt.countRaw()');
    const steps = Object.entries(stepMs).map(([k, v]) => `${k} ${Math.round(figure(v).value)}`).join(', ');
    opts.log(`  ${tag}: seeded by ${seededBy}: ${JSON.stringify(counts)}${importMs.length ? `, import ${importMs.map((x) => Math.round(x)).join(' / ')} ms (${steps}); file ${Math.round(fileChars / 1048576)} MB` : ''}`);
    if (importMs.length) figures[`data.import${tag}Ms`] = figure(importMs);
    // Where the import's time goes: the page's check, sending and staging, the preview, the one-transaction commit.
    for (const [k, v] of Object.entries(stepMs)) figures[`data.import${tag}.${k}Ms`] = figure(v);
    if (fileChars) figures[`data.exportFileBytes${tag}`] = { value: fileChars, min: fileChars, max: fileChars, n: 1 };
    if (usageAfter > usageBefore) figures[`data.bytesPerPurchase${tag}`] = { value: (usageAfter - usageBefore) / n, min: NaN, max: NaN, n: 1 };

    // Popup: navigation start → all-time total drawn, with the history as the user finds it when they open
    // the popup, not while LevelDB still compacts what the import has just written (at 100k that takes
    // seconds and competes for the 2 cores).
    if (!opts.quick) await new Promise((r) => setTimeout(r, SETTLE_MS));
    const popup = await b.context.newPage();
    const drawn: number[] = [];
    const gotoMs: number[] = [];
    for (let r = 0; r < opts.warmup + opts.runs; r++) {
      const { at, wall } = await totalsDrawn(popup, `${base}/popup.html`, tag);
      if (r >= opts.warmup) {
        drawn.push(at);
        gotoMs.push(wall);
      }
    }
    await popup.close();
    figures[`popup.totals${tag}Ms`] = figure(drawn);
    figures[`popup.totals${tag}WallMs`] = figure(gotoMs);
    opts.log(`  ${tag}: popup totals ${drawn.map((x) => x.toFixed(0)).join(' / ')} ms`);

    // History pages as the popup asks for them (message sent → reply), since purchases are packed by day
    // (src/store/packs.ts): the newest page, a page halfway down, the heaviest first, one month, a search.
    const queries: Array<[string, object]> = [
      ['newestPage', { offset: 0, limit: 50 }],
      ['middlePage', { offset: Math.floor(n / 2), limit: 50 }],
      ['heaviestPage', { sort: 'kg-desc', offset: 0, limit: 50 }],
      ['monthPage', { month: '2025-06', offset: 0, limit: 50 }],
      ['searchPage', { search: 'samsung', offset: 0, limit: 50 }],
    ];
    const historyLine: string[] = [];
    for (const [name, query] of queries) {
      const ms: number[] = [];
      for (let r = 0; r < opts.warmup + opts.runs; r++) {
        const t = await tool.evaluate<number>(`(async () => { const t0 = performance.now(); const r = await __lfExt.send({ type: 'purchases/query', query: ${JSON.stringify(query)} }); if (!r || !r.ok) throw new Error(JSON.stringify(r)); return performance.now() - t0; })()`);
        if (r >= opts.warmup) ms.push(t);
      }
      figures[`popup.history${tag}.${name}Ms`] = figure(ms);
      historyLine.push(`${name} ${figure(ms).value.toFixed(1)}`);
    }
    opts.log(`  ${tag}: history pages (ms, median): ${historyLine.join(', ')}`);

    // Export: first message sent → the whole file as a Blob in the page (paged, as the options page does it).
    const exportMs: number[] = [];
    for (let r = 0; r < (big ? 0 : opts.warmup) + runs; r++) {
      const t = await tool.evaluate<Timed>('__lfExt.exportTimed()');
      if (!t.ok) {
        notes.push(`${tag}: export failed: ${t.error}`);
        break;
      }
      if (r >= (big ? 0 : opts.warmup)) exportMs.push(t.ms);
    }
    if (exportMs.length) figures[`data.export${tag}Ms`] = figure(exportMs);
    opts.log(`  ${tag}: export ${exportMs.map((x) => Math.round(x)).join(' / ')} ms`);

    // What IndexedDB alone costs here for one record per purchase: the reads under any export (the stored
    // rows, in the export's pages, raw) and the writes under any import (bare puts in a scratch database;
    // measured last, since deleting 100k records keeps the disk busy for a while after).
    const readFloor = await b.worker.evaluate<number>(`__lfExt.readFloor()`);
    figures[`data.idbReadFloor${tag}Ms`] = { value: readFloor, min: readFloor, max: readFloor, n: 1 };
    const floor = await b.worker.evaluate<number>(`__lfExt.putFloor(${n})`);
    figures[`data.idbPutFloor${tag}Ms`] = { value: floor, min: floor, max: floor, n: 1 };
    opts.log(`  ${tag}: IndexedDB alone in the service worker: reading the ${n} stored purchases ${Math.round(readFloor)} ms, ${n} bare puts ${Math.round(floor)} ms`);
  }
  // The largest size seeded: the upgrade and the stopped worker are measured at it alone.
  const last = opts.sizes[opts.sizes.length - 1]!;
  // A database left by schema 3 (one record per purchase), opened by this version: the upgrade to 4 packs
  // every purchase, once, on the first start after an update. In a scratch database of the same origin.
  if (last) {
    const u = await tool.evaluate<UpgradeTimed>(`__lfExt.upgradeFrom3(${last}, ${pal})`);
    if (!u.ok || u.purchases !== last) notes.push(`store: upgrade from schema 3 at ${label(last)}: ${u.error ?? `${u.purchases} purchases after it`}`);
    else figures[`data.upgrade${label(last)}Ms`] = { value: u.ms, min: u.ms, max: u.ms, n: 1 };
    opts.log(`  ${label(last)}: upgrade from schema 3 ${Math.round(u.ms)} ms (its records written in ${Math.round(u.seedMs)} ms), ${u.purchases} purchases after it`);
  }
  // The popup as it opens after the browser has stopped the idle service worker (~30 s without events):
  // the worker's start and the database's open come first. Last, since the worker handle is gone after it.
  if (!opts.quick && last) {
    const cdp = await b.context.newCDPSession(tool);
    await cdp.send('ServiceWorker.enable');
    const popup = await b.context.newPage();
    const cold: number[] = [];
    for (let r = 0; r < opts.runs; r++) {
      await popup.goto('about:blank');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await new Promise((r) => setTimeout(r, 1000));
      cold.push((await totalsDrawn(popup, `${base}/popup.html`, label(last))).at);
    }
    await popup.close();
    figures[`popup.totals${label(last)}StoppedWorkerMs`] = figure(cold);
    opts.log(`  ${label(last)}: popup totals with the service worker stopped first ${cold.map((x) => x.toFixed(0)).join(' / ')} ms`);
  }
  await tool.close();
  return { figures, notes };
}
