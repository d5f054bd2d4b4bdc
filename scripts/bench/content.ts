/**
 * Content-script cost, measured inside Debian's Chromium on the shared benchmark pages. The src/ code
 * of the content script (quick check, readPage, badge; estimate faked as a constant) is bundled with
 * esbuild and evaluated through CDP in an isolated world, exactly where a content script runs, and timed
 * with performance.now() inside the page. See docs/benchmarks.md.
 */
import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { BenchBrowser } from './browser.ts';
import { bundleIife } from './esbuild.ts';
import { figure, median, type Figure } from './stats.ts';
import type { WholeRun } from './inpage-entry.ts';

interface FloorRun {
  floorMs: number;
  blocks: number;
  parsed: number;
  /** A JSON-LD block describes a Product (or a subtype / a ProductGroup), anywhere in it. */
  hasProduct: boolean;
}

export const BENCH_DIR = '/work/shared/fixtures/product-benchmark';
export const PAGES_DIR = '/work/shared/fixtures/pages';
/** Bench copies are served under `<real host>.bench.test`, which no content_scripts pattern matches. */
export const BENCH_SUFFIX = '.bench.test';
/** The non-shop pages of the shared set (manifest page_kind not-a-product, not a shop's own page). */
const NON_SHOP = ['wikipedia.org', 'techcrunch.com', 'smittenkitchen.com', 'songkick.com', 'google.com'];
/** The shops among the shared negative pages (their search, best-seller and order-history pages). */
const SHOP_NEGATIVE = ['amazon.com', 'amazon.de'];
/** Shop pages with neither a URL in the manifest nor a canonical one: where their own links say such pages live. */
const NO_URL: Record<string, string> = {
  'amazon.com--not-a-product--order-history-2023.html': 'https://www.amazon.com/gp/your-account/order-history',
  'amazon.de--not-a-product--search-katzenfutter.html': 'https://www.amazon.de/-/en/s?k=katzenfutter',
};

export interface PageCase {
  id: string;
  label: string;
  file: string;
  /** The page's own URL: what the content script would see in location.href. */
  url: string;
  /** Where the bench copy is served (host + path), to keep the real content script off it. */
  benchHost: string;
  path: string;
  /** non-shop: a site that is no shop; shop-negative: a shop's own page that is not a product page. */
  kind: 'product' | 'non-shop' | 'shop-negative';
  bytes: number;
}

function gunzippedSize(file: string): number {
  const buf = readFileSync(file);
  return buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf).length : buf.length;
}

function toCase(id: string, label: string, file: string, url: string, kind: PageCase['kind']): PageCase {
  const u = new URL(url);
  return { id, label, file, url, benchHost: `${u.hostname}${BENCH_SUFFIX}`, path: `${u.pathname}${u.search}` || '/', kind, bytes: kind === 'product' ? gunzippedSize(file) : statSync(file).size };
}

export function productCases(): PageCase[] {
  const truth = JSON.parse(readFileSync(join(BENCH_DIR, 'ground-truth.json'), 'utf8')) as Record<string, { url: string }>;
  return Object.entries(truth)
    .map(([id, t]) => toCase(id, `${new URL(t.url).hostname.replace(/^www\./, '')} ${id.slice(0, 6)}`, join(BENCH_DIR, 'html', `${id}.html.gz`), t.url, 'product'))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The shared negative pages (manifest page_kind not-a-product): the non-shop sites', then the shops' own. */
export function negativeCases(): PageCase[] {
  const manifest = JSON.parse(readFileSync(join(PAGES_DIR, 'manifest.json'), 'utf8')) as { pages: Array<{ file: string; page_kind: string; site?: string; original_url?: string | null }> };
  const out: PageCase[] = [];
  for (const p of manifest.pages) {
    if (p.page_kind !== 'not-a-product') continue;
    const site = [...NON_SHOP, ...SHOP_NEGATIVE].find((s) => p.file.startsWith(`${s}--`));
    if (!site) throw new Error(`bench: negative page ${p.file} is neither a non-shop site nor a known shop's page`);
    const file = join(PAGES_DIR, p.file);
    const html = readFileSync(file, 'utf8');
    // The manifest has no URL for these; the page's own canonical / og:url says where it lived.
    const m = /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html) ?? /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(html);
    let url = p.original_url ?? m?.[1] ?? NO_URL[p.file] ?? `https://www.${site}/`;
    if (url.startsWith('//')) url = `https:${url}`;
    if (!/^https?:\/\//.test(url)) url = `https://www.${site}${url.startsWith('/') ? '' : '/'}${url}`;
    const kind = NON_SHOP.includes(site) ? 'non-shop' : 'shop-negative';
    out.push(toCase(p.file, kind === 'non-shop' ? site : p.file.replace(/--not-a-product--/, ' ').replace(/\.html$/, ''), file, url.replace(/#.*$/, ''), kind));
  }
  return out.sort((a, b) => Number(a.kind !== 'non-shop') - Number(b.kind !== 'non-shop'));
}

export interface PageResult {
  page: PageCase;
  /** The whole work on the first load of the page's host in the run (the warm-up round, not counted in `whole`). */
  firstLoad: number | null;
  whole: number[];
  extract: number[];
  floor: number[];
  quick: number[];
  badge: number[];
  shop: boolean;
  kind: string;
  jsonLdProduct: boolean;
  longTasks: number;
  runsOver50: number;
  /** With `compare`: the other bundle's runs, one per counted round, on their own page loads. */
  before?: { whole: number[]; extract: number[] };
  error?: string;
}

export interface ContentResults {
  pages: PageResult[];
  timerResolutionMs: number;
  crossOriginIsolated: boolean;
  heap: { largestPage: string; pageBytes: number; heapBytes: number; heapRetainedBytes: number; bundleCodeBytes: number } | null;
}

interface World {
  cdp: CDPSession;
  contextId: number;
}

async function newWorld(cdp: CDPSession, bundle: string | null): Promise<World> {
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: `lf-bench-${Math.random()}` })) as { executionContextId: number };
  if (bundle) await evalIn({ cdp, contextId: executionContextId }, bundle);
  return { cdp, contextId: executionContextId };
}

async function evalIn<T>(w: World, expression: string, awaitPromise = false): Promise<T> {
  const r = (await w.cdp.send('Runtime.evaluate', { expression, contextId: w.contextId, returnByValue: true, awaitPromise })) as { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
  return r.result.value as T;
}

/** A fresh load of the page's bench copy. */
function loadCase(page: Page, c: PageCase, port: number) {
  return page.goto(`https://${c.benchHost}:${port}${c.path}`, { waitUntil: 'load', timeout: 60_000 });
}

/**
 * The content script's work once, from a timer task of the page's own event loop (as a content script runs
 * in a task): a task dispatched by DevTools would not be seen by the long-task observer.
 */
function runWhole(w: World, url: string): Promise<WholeRun> {
  return evalIn<WholeRun>(w, `new Promise((r) => setTimeout(() => r(__lfBench.whole(${JSON.stringify(url)})), 0))`, true);
}

/** contentBundle(), named like a script file, as a content script is: V8 then keeps its compiled code for the next world. */
async function namedContentBundle(): Promise<string> {
  return `${await contentBundle()}\n//# sourceURL=lf-bench-inpage.js`;
}

/**
 * The floor, evaluated alone in its own fresh world: what any JSON-LD reader must do at least
 * (find the blocks, JSON.parse each). Whether a block describes a Product is decided after the clock stops.
 */
const FLOOR = `(() => {
  const t0 = performance.now();
  const nodes = document.querySelectorAll('script[type="application/ld+json"]');
  const values = [];
  for (const n of nodes) { try { values.push(JSON.parse(n.textContent || '')); } catch (e) { /* broken block */ } }
  const floorMs = performance.now() - t0;
  const isProduct = (v, d) => {
    if (d > 12 || v === null || typeof v !== 'object') return false;
    if (Array.isArray(v)) return v.some((x) => isProduct(x, d + 1));
    const types = Array.isArray(v['@type']) ? v['@type'] : [v['@type']];
    if (types.some((x) => typeof x === 'string' && /(^|[/:])(Product|ProductGroup|IndividualProduct|ProductModel|Vehicle|Car|Book)$/i.test(x))) return true;
    return Object.values(v).some((x) => isProduct(x, d + 1));
  };
  return { floorMs, blocks: nodes.length, parsed: values.length, hasProduct: values.some((v) => isProduct(v, 0)) };
})()`;

const OBSERVE_LONG_TASKS = `(() => { globalThis.__lfLong = []; try { new PerformanceObserver((l) => { for (const e of l.getEntries()) globalThis.__lfLong.push([e.startTime, e.duration]); }).observe({ type: 'longtask' }); return true; } catch { return false; } })()`;

export interface ContentOptions {
  warmup: number;
  runs: number;
  port: number;
  log: (s: string) => void;
  /**
   * Another in-page bundle (`--save-content` at an older commit) measured in the same rounds, each run on
   * its own page load, the two taking turns to go first: single runs move by 10-30 % on this machine, so a
   * change is only judged against its parent side by side.
   */
  compare?: string;
}

/** The in-page bundle as the content figures measure it, for `--compare` in a later run. */
export async function contentBundle(): Promise<string> {
  return bundleIife('inpage-entry.ts', true);
}

/**
 * Per round: a fresh navigation, then one fresh isolated world running the content script's work once
 * (cold, as on a real page load); then another fresh navigation with the floor once in a fresh world. The
 * floor gets its own page load: on the document we had just read it found the document's caches warm
 * (its selector cache holds the very selector jsonLdBlocks uses), 0.25 against 0.30 ms median.
 * Warm-up rounds first; the first one is also the host's first load in the run (see firstLoadMedianMs).
 */
export async function measureContent(b: BenchBrowser, cases: PageCase[], opts: ContentOptions): Promise<ContentResults> {
  const bundle = await namedContentBundle();
  const compared = opts.compare === undefined ? undefined : `${opts.compare}\n//# sourceURL=lf-bench-compared.js`;
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Runtime.enable');
  const results: PageResult[] = [];
  let isolated = false;
  let resolution = NaN;
  for (const [i, c] of cases.entries()) {
    const r: PageResult = { page: c, firstLoad: null, whole: [], extract: [], floor: [], quick: [], badge: [], shop: false, kind: '', jsonLdProduct: false, longTasks: 0, runsOver50: 0 };
    const load = () => loadCase(page, c, opts.port);
    try {
      const runBefore = async (counted: boolean) => {
        await load();
        const x = await runWhole(await newWorld(cdp, compared!), c.url);
        if (!counted) return;
        r.before ??= { whole: [], extract: [] };
        r.before.whole.push(x.wholeMs);
        r.before.extract.push(x.extractMs);
      };
      for (let round = 0; round < opts.warmup + opts.runs; round++) {
        const counted = round >= opts.warmup;
        if (opts.compare && counted && round % 2 === 0) await runBefore(true);
        await load();
        const w = await newWorld(cdp, bundle);
        if (i === 0 && round === 0) {
          isolated = await evalIn<boolean>(w, 'globalThis.crossOriginIsolated === true');
          resolution = await evalIn<number>(w, `(() => { let m = Infinity; for (let k = 0; k < 200; k++) { const a = performance.now(); let b = a; while (b === a) b = performance.now(); m = Math.min(m, b - a); } return m; })()`);
        }
        const observing = await evalIn<boolean>(w, OBSERVE_LONG_TASKS);
        const whole = await runWhole(w, c.url);
        const long = observing ? await evalIn<Array<[number, number]>>(w, 'new Promise((r) => setTimeout(() => r(globalThis.__lfLong), 30))', true) : [];
        if (round === 0) r.firstLoad = whole.wholeMs;
        if (opts.compare && (!counted || round % 2 === 1)) await runBefore(counted);
        if (!counted) continue;
        await load();
        const fl = await evalIn<FloorRun>(await newWorld(cdp, null), FLOOR);
        r.whole.push(whole.wholeMs);
        r.extract.push(whole.extractMs);
        r.quick.push(whole.quickMs);
        r.badge.push(whole.badgeMs);
        r.floor.push(fl.floorMs);
        r.shop = whole.shop;
        r.kind = whole.kind;
        r.jsonLdProduct = fl.hasProduct;
        // A long task counts when it covers our call (our Runtime.evaluate is its own task).
        r.longTasks += long.filter(([s, d]) => d > 50 && s <= whole.start + 1 && s + d >= whole.end - 1).length;
        if (whole.wholeMs > 50) r.runsOver50++;
      }
    } catch (err) {
      r.error = (err as Error).message.split('\n')[0];
    }
    results.push(r);
    const before = r.before ? ` (compared: ${median(r.before.whole).toFixed(2)} ms)` : '';
    opts.log(`  ${String(i + 1).padStart(3)}/${cases.length} ${c.label.padEnd(34)} ${r.error ? `ERROR ${r.error}` : `whole ${median(r.whole).toFixed(2)} ms${before}, extract ${median(r.extract).toFixed(2)}, floor ${median(r.floor).toFixed(3)}, ${r.kind}`}`);
  }
  await page.close();
  return { pages: results, crossOriginIsolated: isolated, timerResolutionMs: resolution, heap: null };
}

export interface AgainResult {
  page: PageCase;
  /** Median of the runs after the first, in the same world and on the same page load. */
  again: number;
  extractAgain: number;
  floorAgain: number;
  jsonLdProduct: boolean;
}

/**
 * The same work again in the world that already ran it, as on a single-page shop's URL change (the content
 * script reads the page again in the world it warmed): only our code's own cost is left, the world's
 * first-use costs are paid. The floor likewise, again in its own world. A pass of its own, after the cold
 * figures: run inside measureContent's rounds, the extra runs made the next pages' cold runs slower (the
 * same bundle compared with itself: per-page ratio 1.07, against 0.98 without them).
 */
export async function measureAgain(b: BenchBrowser, cases: PageCase[], port: number, runs: number): Promise<AgainResult[]> {
  const bundle = await namedContentBundle();
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Page.enable');
  const out: AgainResult[] = [];
  for (const c of cases) {
    const load = () => loadCase(page, c, port);
    try {
      await load();
      const w = await newWorld(cdp, bundle);
      const whole: WholeRun[] = [];
      for (let k = 0; k <= runs; k++) whole.push(await runWhole(w, c.url));
      await load();
      const fw = await newWorld(cdp, null);
      const floor: FloorRun[] = [];
      for (let k = 0; k <= runs; k++) floor.push(await evalIn<FloorRun>(fw, FLOOR));
      const counted = whole.slice(1);
      out.push({ page: c, again: median(counted.map((x) => x.wholeMs)), extractAgain: median(counted.map((x) => x.extractMs)), floorAgain: median(floor.slice(1).map((x) => x.floorMs)), jsonLdProduct: floor[0]!.hasProduct });
    } catch {
      // The cold pass reports the page's error.
    }
  }
  await page.close();
  return out;
}

export interface EvalResult {
  page: PageCase;
  /** The shipped reader.js's top-level evaluation (parsing aside), median over the counted runs. */
  readerMs: number;
  /** The gate's own modules (what content.js imports from src/), bundled and minified as the bench bundle is. */
  gateMs: number;
}

const timedScript = (src: string, name: string) => `globalThis.__lfEval0 = performance.now();\n${src}\n;globalThis.__lfEvalMs = performance.now() - globalThis.__lfEval0;\n//# sourceURL=${name}`;

/**
 * What evaluating our scripts costs before any of them reads the page: the content script's modules on
 * every shop page, the reader (118 kB) on every page the gate lets through. Each on its own page load, in
 * a fresh world, after a warm-up load (V8 then has the script compiled, as on a shopper's later pages).
 * `whole` leaves this out (the bench bundle is evaluated before the clock starts).
 */
export async function measureEval(b: BenchBrowser, cases: PageCase[], port: number, runs: number, readerFile: string): Promise<EvalResult[]> {
  const reader = timedScript(readFileSync(readerFile, 'utf8'), 'reader.js');
  const gate = timedScript(await bundleIife('gate-entry.ts', true), 'content.js');
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Page.enable');
  const out: EvalResult[] = [];
  for (const c of cases) {
    const times: Record<'reader' | 'gate', number[]> = { reader: [], gate: [] };
    try {
      for (let k = 0; k <= runs; k++) {
        for (const [which, src] of [['gate', gate], ['reader', reader]] as const) {
          await loadCase(page, c, port);
          const w = await newWorld(cdp, null);
          await evalIn(w, src);
          if (k > 0) times[which].push(await evalIn<number>(w, 'globalThis.__lfEvalMs'));
        }
      }
      out.push({ page: c, readerMs: median(times.reader), gateMs: median(times.gate) });
    } catch {
      // The cold pass reports the page's error.
    }
  }
  await page.close();
  return out;
}

/** `eval.*` figures, and the product pages' whole work with both evaluations added (per page, medians of separate loads). */
export function summarizeEval(rows: EvalResult[], res: ContentResults): Record<string, Figure> {
  const products = rows.filter((r) => r.page.kind === 'product');
  const whole = new Map(res.pages.filter((p) => p.whole.length).map((p) => [p.page.id, median(p.whole)]));
  const withEval = products.flatMap((r) => (whole.has(r.page.id) ? [whole.get(r.page.id)! + r.readerMs + r.gateMs] : []));
  const nonShop = rows.filter((r) => r.page.kind === 'non-shop');
  const nonShopWith = nonShop.flatMap((r) => (whole.has(r.page.id) ? [whole.get(r.page.id)! + r.gateMs] : []));
  return {
    'eval.readerMedianMs': figure(products.map((r) => r.readerMs)),
    'eval.gateMedianMs': figure(rows.map((r) => r.gateMs)),
    'withEval.productMedianMs': figure(withEval),
    'withEval.productP95Ms': figure(withEval, 0.95),
    'withEval.nonShopMedianMs': figure(nonShopWith),
  };
}

/** summarizeContent's `again.*` figures. */
export function summarizeAgain(rows: AgainResult[], timerResolutionMs: number): Record<string, Figure> {
  const products = rows.filter((r) => r.page.kind === 'product');
  const withLd = products.filter((r) => r.jsonLdProduct);
  return {
    productMedianMs: figure(products.map((r) => r.again)),
    productP95Ms: figure(products.map((r) => r.again), 0.95),
    nonShopMedianMs: figure(rows.filter((r) => r.page.kind === 'non-shop').map((r) => r.again)),
    floorJsonLdMedianMs: figure(withLd.map((r) => r.floorAgain)),
    ratioToFloor: figure(withLd.map((r) => r.extractAgain / Math.max(r.floorAgain, timerResolutionMs || 0.005))),
  };
}

/** Heap our code takes on the largest page: CDP Runtime.getHeapUsage around one cold run, GC before. */
export async function measureHeap(b: BenchBrowser, c: PageCase, port: number): Promise<NonNullable<ContentResults['heap']>> {
  const bundle = await contentBundle();
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Runtime.enable');
  await loadCase(page, c, port);
  const used = async (gc: boolean) => {
    if (gc) await cdp.send('HeapProfiler.collectGarbage');
    return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  };
  const before = await used(true);
  const w = await newWorld(cdp, bundle);
  const withCode = await used(true);
  await evalIn(w, `__lfBench.whole(${JSON.stringify(c.url)}).then((x) => { globalThis.__lfKeep = x; return 0; })`, true);
  const after = await used(false);
  const retained = await used(true);
  await page.close();
  return { largestPage: c.label, pageBytes: c.bytes, heapBytes: after - before, heapRetainedBytes: retained - before, bundleCodeBytes: withCode - before };
}

/** Step-by-step times (warm, median of 5) on one page: which module the time goes to. */
export async function profileSteps(b: BenchBrowser, c: PageCase, port: number): Promise<Record<string, number>> {
  const bundle = await bundleIife('inpage-entry.ts');
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Page.enable');
  await loadCase(page, c, port);
  const w = await newWorld(cdp, bundle);
  const runs: Array<Record<string, number>> = [];
  for (let k = 0; k < 6; k++) runs.push(await evalIn<Record<string, number>>(w, `__lfBench.steps(${JSON.stringify(c.url)})`));
  await page.close();
  const out: Record<string, number> = {};
  for (const key of Object.keys(runs[0]!)) out[key] = median(runs.slice(1).map((r) => r[key]!));
  return out;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** CPU profile of cold runs on one page: self time per bundled function (the src/ function names). */
export async function profileFunctions(b: BenchBrowser, c: PageCase, port: number, rounds = 8): Promise<Array<{ fn: string; ms: number }>> {
  const bundle = `${await bundleIife('inpage-entry.ts')}\n//# sourceURL=lf-bench-inpage.js`;
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  const self = new Map<string, number>();
  for (let k = 0; k < rounds; k++) {
    await loadCase(page, c, port);
    const w = await newWorld(cdp, bundle);
    await cdp.send('Profiler.start');
    await evalIn(w, `__lfBench.whole(${JSON.stringify(c.url)}).then(() => 0)`, true);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, s) => {
      const n = byId.get(id)!;
      const name = `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url.includes('lf-bench') ? `:${n.callFrame.lineNumber + 1}` : ` [${n.callFrame.url || 'native'}]`}`;
      self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[s + 1] ?? 0) / 1000);
    });
  }
  await page.close();
  return [...self].map(([fn, ms]) => ({ fn, ms: ms / rounds })).sort((a, b) => b.ms - a.ms);
}

export function summarizeContent(res: ContentResults): Record<string, Figure> {
  const ok = res.pages.filter((p) => !p.error && p.whole.length > 0);
  const products = ok.filter((p) => p.page.kind === 'product');
  const nonShop = ok.filter((p) => p.page.kind === 'non-shop');
  const negatives = ok.filter((p) => p.page.kind !== 'product');
  const perPage = (ps: PageResult[], k: 'whole' | 'extract' | 'floor') => ps.map((p) => median(p[k]));
  const withLd = products.filter((p) => p.jsonLdProduct);
  const ratios = withLd.map((p) => median(p.extract) / Math.max(median(p.floor), res.timerResolutionMs || 0.005));
  const out: Record<string, Figure> = {
    productMedianMs: figure(perPage(products, 'whole')),
    productP95Ms: figure(perPage(products, 'whole'), 0.95),
    // The page's host is new to the run there: V8's caches of our script are cold (7-12 ms against ~2 measured by hand).
    productFirstLoadMedianMs: figure(products.flatMap((p) => (p.firstLoad === null ? [] : [p.firstLoad]))),
    extractMedianMs: figure(perPage(products, 'extract')),
    floorMedianMs: figure(perPage(products, 'floor')),
    extractJsonLdMedianMs: figure(perPage(withLd, 'extract')),
    floorJsonLdMedianMs: figure(perPage(withLd, 'floor')),
    ratioToFloor: figure(ratios),
    nonShopMedianMs: figure(perPage(nonShop, 'whole')),
    nonShopQuickCheckMedianMs: figure(nonShop.map((p) => median(p.quick))),
    // All the shared negative pages: the non-shop sites' and the shops' own search, best-seller and order-history pages.
    negativeMedianMs: figure(perPage(negatives, 'whole')),
    negativeP95Ms: figure(perPage(negatives, 'whole'), 0.95),
    shopNegativeMedianMs: figure(perPage(negatives.filter((p) => p.page.kind === 'shop-negative'), 'whole')),
    badgeMedianMs: figure(products.filter((p) => p.kind === 'product').map((p) => median(p.badge))),
  };
  const compared = products.filter((p) => p.before?.whole.length);
  if (compared.length) {
    const withLdCompared = compared.filter((p) => p.jsonLdProduct);
    const theirs = compared.map((p) => median(p.before!.whole));
    out['compared.productMedianMs'] = figure(theirs);
    out['compared.productP95Ms'] = figure(theirs, 0.95);
    out['compared.ratioToFloor'] = figure(withLdCompared.map((p) => median(p.before!.extract) / Math.max(median(p.floor), res.timerResolutionMs || 0.005)));
    // Per page, this bundle's median over the compared one's: below 1 is faster.
    out['compared.perPageRatio'] = figure(compared.map((p, k) => median(p.whole) / theirs[k]!));
  }
  const nonShopCompared = nonShop.filter((p) => p.before?.whole.length);
  if (nonShopCompared.length) {
    out['compared.nonShopMedianMs'] = figure(nonShopCompared.map((p) => median(p.before!.whole)));
    out['compared.nonShopPerPageRatio'] = figure(nonShopCompared.map((p) => median(p.whole) / median(p.before!.whole)));
  }
  const lt = ok.reduce((s, p) => s + p.longTasks, 0);
  const over = ok.reduce((s, p) => s + p.runsOver50, 0);
  out.longTasksOver50ms = { value: lt, min: lt, max: lt, n: ok.reduce((s, p) => s + p.whole.length, 0) };
  out.runsOver50ms = { value: over, min: over, max: over, n: out.longTasksOver50ms.n };
  out.pagesJsonLdProduct = { value: withLd.length, min: withLd.length, max: withLd.length, n: products.length };
  out.pagesReadAsProduct = { value: products.filter((p) => p.kind === 'product').length, min: 0, max: products.length, n: products.length };
  out.nonShopEarlyExit = { value: nonShop.filter((p) => !p.shop).length, min: 0, max: nonShop.length, n: nonShop.length };
  out.timerResolutionMs = { value: res.timerResolutionMs, min: res.timerResolutionMs, max: res.timerResolutionMs, n: 1 };
  if (res.heap) {
    for (const k of ['heapBytes', 'heapRetainedBytes', 'bundleCodeBytes'] as const) out[k] = { value: res.heap[k], min: res.heap[k], max: res.heap[k], n: 1 };
  }
  return out;
}
