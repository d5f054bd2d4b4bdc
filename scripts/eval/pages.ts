/**
 * Page understanding on the shared fixtures: page kinds on the manifest pages, and product fields
 * (price by the product benchmark's own scoring rules, title, currency, brand) on the manifest's
 * product pages and the benchmark pages. Also the markup tiers alone, to see what adapters and the
 * visual tier add.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FIXTURES, HAS_SHARED } from '../../test/shared.ts';
import { documentFromHtml, readHtml, type LoadedPage } from '../lib/dom.ts';
import { readPage } from '../../src/extract/read-page.ts';
import { readProduct } from '../../src/extract/read-product.ts';
import type { TierName } from '../../src/extract/merge.ts';
import type { PageKind, Product } from '../../src/types.ts';
import type { EvalSection } from './types.ts';
import { fixtureUrl } from './orders.ts';

interface ManifestPage {
  file: string;
  page_kind: string;
  site: string;
  original_url: string | null;
  expected: {
    title?: string | null;
    title_alternatives?: string[];
    price?: { amount: string; currency: string } | null;
    brand?: string | null;
  } | null;
}

export interface BenchmarkTruth {
  price?: string[];
  currency?: string[];
  brand?: string[];
  url: string;
}

/**
 * loadPage, minus <style> elements: happy-dom 21 stops parsing at a <style> inside <svg> (everything
 * after it is lost: 14 of the 140 fixture pages, JSON-LD at the end of the body included). Browsers
 * parse these pages fine, and styles play no part in page reading (no layout reads).
 */
export function loadFixture(path: string, url: string): LoadedPage {
  return documentFromHtml(readHtml(path).replace(STYLE_ELEMENT, ''), url);
}
const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;

const MARKUP_TIERS: ReadonlySet<TierName> = new Set(['json-ld', 'microdata', 'rdfa', 'opengraph']);

/** Pages captured without a URL get the same URL convention as the orders eval (scripts/eval/orders.ts). */
export function manifestUrl(p: { original_url: string | null; site: string; file?: string; page_subkind?: string }): string {
  if (p.original_url) return p.original_url;
  return fixtureUrl(p as Parameters<typeof fixtureUrl>[0]);
}

export function expectedKind(pageKind: string): PageKind {
  if (pageKind === 'order-confirmation') return 'order';
  if (pageKind === 'not-a-product') return 'other';
  return pageKind as PageKind;
}

/** The benchmark's scoring: one prediction per page; TP when it equals a true value. */
export class PriceScore {
  tp = 0;
  fp = 0;
  fn = 0;
  add(predicted: number | null, truth: number[]): boolean {
    if (predicted === null) {
      if (truth.length) this.fn++;
      return truth.length === 0;
    }
    if (truth.some((t) => Math.abs(t - predicted) < 0.005)) {
      this.tp++;
      return true;
    }
    this.fp++;
    if (truth.length) this.fn++;
    return false;
  }
  get precision(): number {
    return this.tp + this.fp ? this.tp / (this.tp + this.fp) : 0;
  }
  get recall(): number {
    return this.tp + this.fn ? this.tp / (this.tp + this.fn) : 0;
  }
  get f1(): number {
    const p = this.precision;
    const r = this.recall;
    return p + r ? (2 * p * r) / (p + r) : 0;
  }
}

const norm = (s: string | null | undefined): string => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const fmt = (x: number): string => x.toFixed(3);

export function loadManifest(): ManifestPage[] {
  return (JSON.parse(readFileSync(join(FIXTURES, 'pages/manifest.json'), 'utf8')) as { pages: ManifestPage[] }).pages;
}

export function loadBenchmark(): Record<string, BenchmarkTruth> {
  return JSON.parse(readFileSync(join(FIXTURES, 'product-benchmark/ground-truth.json'), 'utf8')) as Record<string, BenchmarkTruth>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

export async function evaluate(): Promise<EvalSection[]> {
  if (!HAS_SHARED) return [{ name: 'pages', rows: [['skipped', 'no ../shared fixtures']], metrics: {} }];
  const sections = [evaluateManifest(), ...evaluateManifestProducts(), ...evaluateBenchmark()];
  if (process.argv.includes('--chromium') || process.env.LF_CHROMIUM) sections.push(await evaluateChromium());
  return sections;
}

/** `--chromium`: timings in real Chromium, where the budget applies (happy-dom is 10-100× slower). */
async function evaluateChromium(): Promise<EvalSection> {
  const { timeInChromium } = await import('./pages-chromium.ts');
  const pages = [
    ...loadManifest().map((p) => ({ label: p.file, kind: p.page_kind, path: join(FIXTURES, 'pages', p.file), url: manifestUrl(p) })),
    ...Object.entries(loadBenchmark()).map(([id, t]) => ({ label: id.slice(0, 10), kind: 'product', path: join(FIXTURES, 'product-benchmark/html', `${id}.html.gz`), url: t.url })),
  ];
  const timings = await timeInChromium(pages);
  const kindOf = new Map(pages.map((p) => [p.label, p.kind]));
  const products = timings.filter((t) => kindOf.get(t.label) === 'product');
  const jsonLd = products.filter((t) => t.jsonLdPages);
  const ratio = jsonLd.map((t) => t.readPage / Math.max(t.bareJsonLd, 0.001));
  const rows: EvalSection['rows'] = [
    ['readPage median ms, product pages', median(products.map((t) => t.readPage)).toFixed(3)],
    ['readPage p90 ms, product pages', quantile(products.map((t) => t.readPage), 0.9).toFixed(3)],
    ['readPage median ms, all pages', median(timings.map((t) => t.readPage)).toFixed(3)],
    ['quickShopCheck median / max ms', `${median(timings.map((t) => t.quickCheck)).toFixed(4)} / ${Math.max(...timings.map((t) => t.quickCheck)).toFixed(4)}`],
    ['bare JSON-LD parse median ms (JSON-LD pages)', median(jsonLd.map((t) => t.bareJsonLd)).toFixed(3)],
    ['readPage / bare JSON-LD, median ratio', median(ratio).toFixed(1)],
    ['parts, median ms on product pages: markup tiers / orders / adapters / visual', (['markupTiers', 'orders', 'adapters', 'visual'] as const).map((k) => median(products.map((t) => t[k])).toFixed(3)).join(' / ')],
    ['markup tiers / bare JSON-LD, median ratio (JSON-LD pages)', median(jsonLd.map((t) => t.markupTiers / Math.max(t.bareJsonLd, 0.0001))).toFixed(1)],
  ];
  const slow = [...timings]
    .sort((a, b) => b.readPage - a.readPage)
    .slice(0, 8)
    .map((t) => `slow ${t.label}: readPage ${t.readPage.toFixed(2)} ms (markup ${t.markupTiers.toFixed(2)}, orders ${t.orders.toFixed(2)}, adapters ${t.adapters.toFixed(2)}, visual ${t.visual.toFixed(2)}), quick ${t.quickCheck.toFixed(4)} ms`);
  return {
    name: 'pages.chromium',
    rows,
    metrics: { read_page_median_ms: median(products.map((t) => t.readPage)), quick_check_median_ms: median(timings.map((t) => t.quickCheck)) },
    misses: slow,
  };
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * q))]! : 0;
}

function evaluateManifest(): EvalSection {
  const kinds: PageKind[] = ['product', 'order', 'cart', 'checkout', 'other'];
  const counts = new Map(kinds.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  const misses: string[] = [];
  const times: number[] = [];
  let negatives = 0;
  let falseProducts = 0;
  for (const p of loadManifest()) {
    const { document, close } = loadFixture(join(FIXTURES, 'pages', p.file), manifestUrl(p));
    const t0 = performance.now();
    const got = readPage(document, manifestUrl(p)).kind;
    times.push(performance.now() - t0);
    close();
    const want = expectedKind(p.page_kind);
    if (want === 'other') {
      negatives++;
      if (got === 'product') falseProducts++;
    }
    if (got === want) counts.get(want)!.tp++;
    else {
      counts.get(want)!.fn++;
      counts.get(got)!.fp++;
      misses.push(`kind ${p.file}: want ${want}, got ${got}`);
    }
  }
  const rows: EvalSection['rows'] = [];
  const metrics: Record<string, number> = {};
  for (const k of kinds) {
    const c = counts.get(k)!;
    const support = c.tp + c.fn;
    if (!support && !c.fp) continue;
    const prec = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
    const rec = support ? c.tp / support : 0;
    rows.push([`${k} precision / recall (n=${support})`, `${pct(prec)} / ${pct(rec)}`]);
    metrics[`${k}_precision`] = prec;
    metrics[`${k}_recall`] = rec;
  }
  rows.push(['false product pages among negatives', `${falseProducts} / ${negatives}`]);
  rows.push(['readPage median ms (happy-dom)', median(times).toFixed(2)]);
  metrics.false_product_pages = falseProducts;
  return { name: 'pages.kinds', rows, metrics, misses };
}

interface FieldScores {
  price: PriceScore;
  title: number;
  titleN: number;
  currency: number;
  currencyN: number;
  brand: number;
  brandN: number;
  misses: string[];
}

function scoreProduct(s: FieldScores, label: string, got: Product | null, truth: { price: number[]; currency: string[]; title?: string[]; brand?: string[] }): void {
  if (!s.price.add(got?.price ?? null, truth.price)) s.misses.push(`price ${label}: want ${truth.price.join('|') || 'none'}, got ${got?.price ?? 'none'}`);
  if (truth.title?.length) {
    s.titleN++;
    if (truth.title.some((t) => norm(t) === norm(got?.title))) s.title++;
    else s.misses.push(`title ${label}: want "${truth.title[0]}", got "${got?.title ?? ''}"`);
  }
  if (truth.currency.length) {
    s.currencyN++;
    if (truth.currency.includes(got?.currency ?? '')) s.currency++;
    else s.misses.push(`currency ${label}: want ${truth.currency.join('|')}, got ${got?.currency ?? 'none'}`);
  }
  if (truth.brand?.length) {
    s.brandN++;
    if (truth.brand.some((b) => norm(b) === norm(got?.brand))) s.brand++;
    else s.misses.push(`brand ${label}: want "${truth.brand[0]}", got "${got?.brand ?? ''}"`);
  }
}

function newScores(): FieldScores {
  return { price: new PriceScore(), title: 0, titleN: 0, currency: 0, currencyN: 0, brand: 0, brandN: 0, misses: [] };
}

function section(name: string, s: FieldScores, markup: PriceScore): EvalSection {
  const rows: EvalSection['rows'] = [
    ['price F1 / precision / recall', `${fmt(s.price.f1)} / ${fmt(s.price.precision)} / ${fmt(s.price.recall)}`],
    ['price F1, markup tiers alone', fmt(markup.f1)],
  ];
  const metrics: Record<string, number> = { price_f1: s.price.f1, price_precision: s.price.precision, price_recall: s.price.recall, markup_price_f1: markup.f1 };
  for (const [k, ok, n] of [['title', s.title, s.titleN], ['currency', s.currency, s.currencyN], ['brand', s.brand, s.brandN]] as const) {
    if (!n) continue;
    rows.push([`${k} accuracy`, `${pct(ok / n)} (${ok}/${n})`]);
    metrics[`${k}_accuracy`] = ok / n;
  }
  return { name, rows, metrics, misses: s.misses };
}

function evaluateManifestProducts(): EvalSection[] {
  const s = newScores();
  const markup = new PriceScore();
  for (const p of loadManifest()) {
    if (p.page_kind !== 'product') continue;
    const url = manifestUrl(p);
    const { document, close } = loadFixture(join(FIXTURES, 'pages', p.file), url);
    const reading = readPage(document, url);
    const markupOnly = readProduct(document, new URL(url), { tiers: MARKUP_TIERS }).product;
    close();
    const e = p.expected ?? {};
    const truth = {
      price: e.price ? [Number(e.price.amount)] : [],
      currency: e.price ? [e.price.currency] : [],
      title: e.title ? [e.title, ...(e.title_alternatives ?? [])] : [],
      brand: e.brand ? [e.brand] : [],
    };
    markup.add(markupOnly?.price ?? null, truth.price);
    scoreProduct(s, p.file, reading.kind === 'product' ? reading.product : null, truth);
  }
  return [section('pages.products', s, markup)];
}

function evaluateBenchmark(): EvalSection[] {
  const s = newScores();
  const markup = new PriceScore();
  const times: number[] = [];
  const dir = join(FIXTURES, 'product-benchmark/html');
  for (const [id, t] of Object.entries(loadBenchmark())) {
    const { document, close } = loadFixture(join(dir, `${id}.html.gz`), t.url);
    const t0 = performance.now();
    const reading = readPage(document, t.url);
    times.push(performance.now() - t0);
    const markupOnly = readProduct(document, new URL(t.url), { tiers: MARKUP_TIERS }).product;
    close();
    const truth = { price: (t.price ?? []).map(Number).filter(Number.isFinite), currency: [], brand: t.brand ?? [] };
    markup.add(markupOnly?.price ?? null, truth.price);
    scoreProduct(s, `${id.slice(0, 10)} ${t.url}`, reading.kind === 'product' ? reading.product : null, truth);
  }
  const sec = section('pages.benchmark', s, markup);
  sec.rows.push(['readPage median ms (happy-dom)', median(times).toFixed(2)]);
  return [sec];
}
