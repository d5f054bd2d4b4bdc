/**
 * Development figures for the shop adapters and the visual tier (issue 3), on the shared fixtures.
 * Run: npx tsx scripts/eval/shops-dev.ts [--verbose]
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPage } from '../lib/dom.ts';
import { FIXTURES, HAS_SHARED } from '../../test/shared.ts';
import { findAdapters } from '../../src/shops/registry.ts';
import { readVisualProduct } from '../../src/visual/read-visual.ts';
import type { EvalSection } from './types.ts';

interface ManifestPage {
  file: string;
  page_kind: string;
  original_url: string | null;
  expected?: { title?: string | null; price?: { amount: string; currency: string } | null; brand?: string | null } | null;
}
interface Truth { price?: string[]; url: string }

const norm = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
const same = (a: number | null | undefined, b: string) => a != null && Math.abs(a - Number(b)) < 0.005;

class Score {
  tp = 0; fp = 0; fn = 0;
  add(pred: number | null | undefined, truth: string[] | null | undefined): 'tp' | 'fp' | 'fn' | 'tn' {
    const has = !!truth && truth.length > 0;
    if (pred == null) { if (has) { this.fn++; return 'fn'; } return 'tn'; }
    if (has && truth.some((t) => same(pred, t))) { this.tp++; return 'tp'; }
    this.fp++; if (has) this.fn++; return 'fp';
  }
  get p() { return this.tp / Math.max(1, this.tp + this.fp); }
  get r() { return this.tp / Math.max(1, this.tp + this.fn); }
  get f1() { return (2 * this.p * this.r) / Math.max(1e-9, this.p + this.r); }
  fmt() { return `P ${this.p.toFixed(3)} R ${this.r.toFixed(3)} F1 ${this.f1.toFixed(3)} (tp ${this.tp} fp ${this.fp} fn ${this.fn})`; }
}

export async function evaluate(): Promise<EvalSection[]> {
  if (!HAS_SHARED) return [];
  const manifest = JSON.parse(readFileSync(resolve(FIXTURES, 'pages/manifest.json'), 'utf8')) as { pages: ManifestPage[] };
  const truth = JSON.parse(readFileSync(resolve(FIXTURES, 'product-benchmark/ground-truth.json'), 'utf8')) as Record<string, Truth>;
  const misses: string[] = [];
  const ad = { price: new Score(), title: [0, 0], brand: [0, 0], pages: 0 };
  const visual = new Score();
  const visualPages = new Score();
  let listingNull = 0, listingTotal = 0;
  let ms = 0;

  const run = (path: string, url: string) => {
    const { document, close } = loadPage(path, url);
    const u = new URL(url);
    const t0 = performance.now();
    const adapters = findAdapters(document, u);
    const fromAdapter = adapters.map((a) => a.product?.(document, u) ?? null).find((p) => p) ?? null;
    const v = readVisualProduct(document, u);
    ms += performance.now() - t0;
    close();
    return { adapters, fromAdapter, v };
  };

  for (const p of manifest.pages) {
    if (p.page_kind !== 'product' && p.page_kind !== 'not-a-product') continue;
    const url = p.original_url ?? `https://${p.file.split('--')[0]}/`;
    const { adapters, fromAdapter, v } = run(resolve(FIXTURES, 'pages', p.file), url);
    if (p.page_kind === 'not-a-product') {
      listingTotal++;
      if (!v) listingNull++; else misses.push(`visual non-null on ${p.file}: ${v.title} ${v.price}`);
      continue;
    }
    const e = p.expected ?? {};
    const tp = e.price ? [e.price.amount] : null;
    const vr = visualPages.add(v?.price, tp);
    if (vr === 'fp' || vr === 'fn') misses.push(`visual ${vr} ${p.file}: got ${v?.price} want ${tp}`);
    if (!adapters.length) continue;
    ad.pages++;
    const r = ad.price.add(fromAdapter?.price, tp);
    if (r === 'fp' || r === 'fn') misses.push(`adapter ${adapters.map((a) => a.id)} price ${r} ${p.file}: got ${fromAdapter?.price} want ${tp}`);
    if (e.title) { ad.title[1]!++; if (norm(fromAdapter?.title) === norm(e.title)) ad.title[0]!++; else misses.push(`adapter title ${p.file}: got ${fromAdapter?.title}`); }
    if (e.brand) { ad.brand[1]!++; if (norm(fromAdapter?.brand) === norm(e.brand)) ad.brand[0]!++; else misses.push(`adapter brand ${p.file}: got ${fromAdapter?.brand} want ${e.brand}`); }
  }

  const benchPrice = new Score();
  for (const [id, t] of Object.entries(truth)) {
    const path = resolve(FIXTURES, 'product-benchmark/html', `${id}.html.gz`);
    if (!existsSync(path)) continue;
    const { adapters, fromAdapter, v } = run(path, t.url);
    const r = visual.add(v?.price, t.price);
    if (r === 'fp' || r === 'fn') misses.push(`visual ${r} bench ${id.slice(0, 6)} ${t.url.slice(0, 60)}: got ${v?.price} want ${t.price}`);
    if (adapters.length) {
      const r2 = benchPrice.add(fromAdapter?.price, t.price);
      if (r2 === 'fp' || r2 === 'fn') misses.push(`adapter ${adapters.map((a) => a.id)} bench ${r2} ${t.url.slice(0, 60)}: got ${fromAdapter?.price} want ${t.price}`);
    }
  }

  return [{
    name: 'Shop adapters and visual tier (dev)',
    rows: [
      ['adapter pages (fixtures/pages)', ad.pages],
      ['adapter price', ad.price.fmt()],
      ['adapter title exact', `${ad.title[0]}/${ad.title[1]}`],
      ['adapter brand exact', `${ad.brand[0]}/${ad.brand[1]}`],
      ['adapter price (benchmark pages with an adapter)', benchPrice.fmt()],
      ['visual price, benchmark', visual.fmt()],
      ['visual price, fixture product pages', visualPages.fmt()],
      ['visual null on not-a-product pages', `${listingNull}/${listingTotal}`],
      ['adapters + visual time, total ms', ms.toFixed(1)],
    ],
    metrics: { adapterPriceF1: ad.price.f1, visualPrecision: visual.p, visualRecall: visual.r, visualF1: visual.f1 },
    misses,
  }];
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const verbose = process.argv.includes('--verbose');
  for (const s of await evaluate()) {
    console.log(`# ${s.name}`);
    for (const [k, v] of s.rows) console.log(`${k.padEnd(50)} ${v}`);
    if (verbose) for (const m of s.misses ?? []) console.log('  - ' + m);
  }
}
