/**
 * Issue 7: hostile pages, property-based. A shop controls every byte of its page; whatever it writes,
 * reading it must not throw, hang, pollute prototypes or produce a reading the rest of the pipeline
 * (message validation, the engine, the badge, the monthly totals) cannot take.
 *
 * Counts are printed (console.info) so the closing note can cite them.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createBadge } from '../../../src/badge/badge';
import { productInput } from '../../../src/background/product-input';
import { estimate } from '../../../src/engine/estimate';
import { readPage } from '../../../src/extract/read-page';
import { parseMessage } from '../../../src/messages/parse';
import { InvalidPayload } from '../../../src/messages/validate';
import { parsePrice } from '../../../src/price/parse';
import { FootprintDB } from '../../../src/store/db';
import { deletePurchase, recordPurchase, summarize } from '../../../src/store/purchases';
import type { Estimate, Order, PageReading } from '../../../src/types';
import { buildDocument, jsonLdDocument, jsonLdText, nastyText, pageSpec, priceText, URLS, type PageSpec } from './gen';

/** Per-page bound: a guard against pathological regexes, not a benchmark (the machine is loaded). */
const PAGE_MS = 250;
/**
 * 10 MB pages only have to finish (no timing is asserted; times are printed): every text read is capped
 * (src/extract/bounded-text.ts), so a 10 MB visible <h1> now takes ~11 ms in happy-dom, down from ~10 s.
 */
const BIG_PAGE_MS = 60_000;
const SEED = Number(process.env.LF_FUZZ_SEED ?? 20261128);

const counts = {
  generatedPages: 0,
  jsonLdBlocks: 0,
  bigPages: 0,
  deepPages: 0,
  readings: {} as Record<string, number>,
  slowestPageMs: 0,
  slowRetries: 0,
  messagesAccepted: 0,
  messagesRejected: 0,
  contentMessagesAccepted: 0,
  contentMessagesRejected: {} as Record<string, number>,
  bigPageMs: [] as number[],
  rawMessages: 0,
  estimates: 0,
  estimatesKnown: 0,
  badges: 0,
  dbRuns: 0,
  dbPurchases: 0,
  priceStrings: 0,
};

afterAll(() => {
  console.info(`hostile-pages fuzz (seed ${SEED}): ${JSON.stringify(counts)}`);
});

const KINDS = new Set(['product', 'order', 'checkout', 'cart', 'other']);
const CURRENCY = /^[A-Z]{3}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const strOrNull = (v: unknown) => v === null || typeof v === 'string';
const amountOk = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);
const currencyOk = (v: unknown) => v === null || (typeof v === 'string' && CURRENCY.test(v));

/** Why a reading is not a valid PageReading, or null when it is. */
function invalidReading(r: PageReading): string | null {
  if (!r || typeof r !== 'object') return 'not an object';
  if (!KINDS.has(r.kind)) return `kind ${String(r.kind)}`;
  if (r.product !== null) {
    const p = r.product;
    if (typeof p !== 'object') return 'product not an object';
    for (const k of ['title', 'brand', 'sku', 'gtin', 'category'] as const) if (!strOrNull(p[k])) return `product.${k} ${typeof p[k]}`;
    if (!amountOk(p.price)) return `product.price ${String(p.price)}`;
    if (!currencyOk(p.currency)) return `product.currency ${JSON.stringify(p.currency)}`;
    if (p.breadcrumbs !== null && !(Array.isArray(p.breadcrumbs) && p.breadcrumbs.every((b) => typeof b === 'string'))) return 'product.breadcrumbs';
    if (p.availability !== null && p.availability !== 'InStock' && p.availability !== 'OutOfStock') return `product.availability ${String(p.availability)}`;
  }
  if (r.kind === 'product' && r.product === null) return 'product page without a product';
  if (r.kind === 'order' && r.order === null) return 'order page without an order';
  for (const o of [r.order, ...(r.orders ?? [])]) {
    if (o === null) continue;
    if (!strOrNull(o.orderId)) return 'order.orderId';
    if (o.date !== null && !(typeof o.date === 'string' && DATE.test(o.date))) return `order.date ${JSON.stringify(o.date)}`;
    if (!currencyOk(o.currency)) return `order.currency ${JSON.stringify(o.currency)}`;
    if (!amountOk(o.total)) return `order.total ${String(o.total)}`;
    if (!Array.isArray(o.items)) return 'order.items';
    for (const it of o.items) {
      if (typeof it.title !== 'string') return 'item.title';
      if (!(typeof it.quantity === 'number' && Number.isFinite(it.quantity) && it.quantity > 0)) return `item.quantity ${String(it.quantity)}`;
      if (!amountOk(it.price)) return `item.price ${String(it.price)}`;
      if (!currencyOk(it.currency)) return `item.currency ${JSON.stringify(it.currency)}`;
    }
  }
  return null;
}

const PROTO_KEYS = {
  object: Object.getOwnPropertyNames(Object.prototype).length,
  array: Object.getOwnPropertyNames(Array.prototype).length,
  string: Object.getOwnPropertyNames(String.prototype).length,
  fn: Object.getOwnPropertyNames(Function.prototype).length,
};

function assertNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).length).toBe(PROTO_KEYS.object);
  expect(Object.getOwnPropertyNames(Array.prototype).length).toBe(PROTO_KEYS.array);
  expect(Object.getOwnPropertyNames(String.prototype).length).toBe(PROTO_KEYS.string);
  expect(Object.getOwnPropertyNames(Function.prototype).length).toBe(PROTO_KEYS.fn);
}

/** readPage on one document: never throws, valid, in bounded time. */
function read(doc: Document, url: string, boundMs = PAGE_MS): PageReading {
  const timed = (): [PageReading, number] => {
    const t0 = performance.now();
    try {
      return [readPage(doc, url), performance.now() - t0];
    } catch (err) {
      throw new Error(`readPage threw on ${url}: ${(err as Error)?.stack ?? String(err)}`);
    }
  };
  let [reading, ms] = timed();
  // A slow regex is slow every time; a loaded machine's hiccup is not: re-measure before failing.
  for (let retry = 0; ms >= boundMs && retry < 2; retry++) {
    counts.slowRetries++;
    [reading, ms] = timed();
  }
  counts.slowestPageMs = Math.max(counts.slowestPageMs, Math.round(ms));
  if (ms >= boundMs) throw new Error(`readPage took ${ms.toFixed(0)} ms (bound ${boundMs} ms) three times on ${url}`);
  const bad = invalidReading(reading);
  if (bad) throw new Error(`invalid reading (${bad}): ${JSON.stringify(reading).slice(0, 400)}`);
  counts.readings[reading.kind] = (counts.readings[reading.kind] ?? 0) + 1;
  assertNoPollution();
  return reading;
}

/** What the content script would send for this reading (see src/content/run.ts). */
function contentMessages(r: PageReading): unknown[] {
  const out: unknown[] = [];
  if (r.kind === 'product' && r.product) out.push({ type: 'page/seen', kind: 'product', product: r.product });
  if (r.kind === 'order') {
    const orders = (r.orders ?? (r.order ? [r.order] : [])).filter((o) => o.items.length > 0);
    if (orders.length) out.push({ type: 'orders/seen', orders });
  }
  // Messages cross a structured clone; JSON is close enough for plain data and drops undefined.
  return out.map((m) => JSON.parse(JSON.stringify(m)) as unknown);
}

function parsesOrRejects(raw: unknown, fromReading = false): ReturnType<typeof parseMessage> | null {
  try {
    const msg = parseMessage(raw, 'content-script');
    counts.messagesAccepted++;
    if (fromReading) counts.contentMessagesAccepted++;
    return msg;
  } catch (err) {
    if (!(err instanceof InvalidPayload)) throw new Error(`parseMessage threw ${(err as Error)?.name}: ${(err as Error)?.message}`);
    counts.messagesRejected++;
    // A reading our own content script would send but the background refuses: not a safety problem, worth knowing.
    if (fromReading) {
      const over = /"(price|total)":(\d+(\.\d+)?(e\+\d+)?)/g;
      const big = [...JSON.stringify(raw).matchAll(over)].some((m) => Number(m[2]) > 1e9);
      const key = `${err.message}${big ? ' (an amount over 1e9)' : ''}`;
      counts.contentMessagesRejected[key] = (counts.contentMessagesRejected[key] ?? 0) + 1;
    }
    return null;
  }
}

function checkEstimate(e: Estimate): void {
  counts.estimates++;
  for (const k of ['kg', 'low', 'high'] as const) {
    const v = e[k];
    if (v !== null && (typeof v !== 'number' || Number.isNaN(v))) throw new Error(`estimate.${k} is ${String(v)}: ${JSON.stringify(e.inputs)}`);
    if (v !== null && !Number.isFinite(v)) throw new Error(`estimate.${k} is ${String(v)}: ${JSON.stringify(e.inputs)}`);
  }
  if (e.kg !== null) {
    counts.estimatesKnown++;
    if (e.low !== null && !(e.low <= e.kg)) throw new Error(`low ${e.low} > kg ${e.kg}`);
    if (e.high !== null && !(e.kg <= e.high)) throw new Error(`kg ${e.kg} > high ${e.high}`);
  }
}

const TAGS = new Set(['SECTION', 'SPAN', 'STRONG', 'BUTTON']);

/** The badge with page strings in every string slot: only our fixed elements, page strings as text. */
function checkBadge(base: Estimate, strings: string[]): void {
  const [a = '', b = '', c = '', d = ''] = strings;
  const e: Estimate = { ...base, note: a || null, comparison: b || null, hint: c || null, category: d || null, source: a, factorUnit: b };
  const before = document.body.childElementCount;
  const badge = createBadge(document, { kind: 'estimate', estimate: e });
  try {
    const all = [...badge.root.querySelectorAll('*')];
    // The box, then its children: label, figure or "unknown", details, close button (no stylesheet: styles are inline).
    const expected = e.kg === null ? 5 : 6 + (e.comparison ? 1 : 0) + (e.hint ? 1 : 0);
    if (all.length !== expected) throw new Error(`badge has ${all.length} elements, expected ${expected}: ${all.map((x) => x.tagName).join(',')}`);
    for (const x of all) if (!TAGS.has(x.tagName)) throw new Error(`badge created <${x.tagName}> from page strings`);
    expect(document.body.childElementCount).toBe(before + 1);
    expect(badge.host.shadowRoot).toBeNull();
    badge.update({ kind: 'message', text: a });
    const afterMessage = badge.root.querySelectorAll('*').length;
    if (afterMessage !== 4) throw new Error(`message badge has ${afterMessage} elements`);
    if (a.trim() && !badge.root.textContent!.includes(a)) throw new Error('page string did not reach the badge as text');
  } finally {
    badge.remove();
  }
  expect(document.body.childElementCount).toBe(before);
  counts.badges++;
}

/** Everything downstream of one reading. */
function downstream(r: PageReading, spec: Pick<PageSpec, 'url'>, withBadge: boolean): void {
  const host = new URL(spec.url).hostname;
  for (const raw of contentMessages(r)) {
    const msg = parsesOrRejects(raw, true);
    if (msg?.type === 'page/seen' && msg.product) {
      const e = estimate(productInput(msg.product, host));
      checkEstimate(e);
      if (withBadge) checkBadge(e, [msg.product.title ?? '', msg.product.brand ?? '', msg.product.category ?? '', (msg.product.breadcrumbs ?? []).join(' > ')]);
    }
    if (msg?.type === 'orders/seen') {
      for (const o of msg.orders) for (const it of o.items) checkEstimate(estimate({ title: it.title, price: it.price, currency: it.currency ?? o.currency, quantity: it.quantity, date: o.date, site: host }));
    }
  }
  // Even an unvalidated reading must not break the engine: the inspect tool estimates it directly.
  if (r.product) checkEstimate(estimate(productInput(r.product, host)));
}

describe('hostile pages (fast-check)', () => {
  it('reads generated pages with every kind of markup: never throws, valid readings, bounded time, no pollution', () => {
    fc.assert(
      fc.property(pageSpec, (spec) => {
        counts.generatedPages++;
        counts.jsonLdBlocks += spec.jsonLd.length;
        const r = read(buildDocument(spec), spec.url);
        downstream(r, spec, counts.generatedPages % 3 === 0);
      }),
      { numRuns: 2500, seed: SEED },
    );
  });

  it('reads pages of JSON-LD only (malformed, @graph, arrays, offers, orders, __proto__ keys)', () => {
    fc.assert(
      fc.property(fc.array(jsonLdText, { minLength: 1, maxLength: 3 }), fc.constantFrom(...URLS), (blocks, url) => {
        counts.generatedPages++;
        counts.jsonLdBlocks += blocks.length;
        const r = read(jsonLdDocument(blocks), url);
        downstream(r, { url }, counts.generatedPages % 4 === 0);
      }),
      { numRuns: 2500, seed: SEED + 1 },
    );
  });

  it('survives 10,000-deep nesting', () => {
    const N = 10_000;
    const deep = [
      '['.repeat(N) + ']'.repeat(N),
      '{"a":'.repeat(N) + '1' + '}'.repeat(N),
      '{"@type":"Product","name":"Deep","offers":'.repeat(N) + '{"price":"1"}' + '}'.repeat(N),
      '{"@graph":['.repeat(N) + '{"@type":"Product","name":"x"}' + ']}'.repeat(N),
      '{"@type":"Order","orderNumber":"1","acceptedOffer":'.repeat(N) + '{}' + '}'.repeat(N),
      '{"@type":"BreadcrumbList","itemListElement":[{"item":'.repeat(N) + '{}' + '}]}'.repeat(N),
      '['.repeat(N), // unterminated
    ];
    for (const text of deep) {
      for (const url of [URLS[0]!, URLS[4]!, URLS[7]!]) {
        counts.deepPages++;
        counts.jsonLdBlocks++;
        downstream(read(jsonLdDocument([text]), url, 2_000), { url }, true);
      }
    }
    // Deep markup too: nested microdata scopes and nested elements around the title.
    const doc = document.implementation.createHTMLDocument('Deep £1.00');
    let el: HTMLElement = doc.body;
    for (let i = 0; i < 2_000; i++) {
      const next = doc.createElement('div');
      next.setAttribute('itemscope', '');
      next.setAttribute('itemtype', 'https://schema.org/Product');
      next.setAttribute('itemprop', 'offers');
      el.appendChild(next);
      el = next;
    }
    const name = doc.createElement('span');
    name.setAttribute('itemprop', 'name');
    name.textContent = '<img src=x onerror=alert(1)>';
    el.appendChild(name);
    counts.deepPages++;
    read(doc, URLS[4]!, 5_000);
  }, 60_000);

  it('survives a handful of 10 MB blocks', { timeout: 300_000 }, () => {
    const MB10 = 10 * 1024 * 1024;
    const big = [
      // a 10 MB product name
      `{"@type":"Product","name":"${'A'.repeat(MB10)}","offers":{"price":"9.99","priceCurrency":"USD"}}`,
      // a 10 MB array of offers
      `{"@type":"Product","name":"Many offers","offers":[${'{"price":"1e309"},'.repeat(Math.floor(MB10 / 18))}{}]}`,
      // 10 MB of garbage that is not JSON
      `{"@type":"Product","name":${'<img src=x onerror=alert(1)>'.repeat(Math.floor(MB10 / 28))}`,
      // a 10 MB price of digits
      `{"@type":"Product","name":"Digits","offers":{"price":"${'9'.repeat(MB10)}","priceCurrency":"EUR"}}`,
    ];
    for (const text of big) {
      counts.bigPages++;
      counts.jsonLdBlocks++;
      const t0 = performance.now();
      const r = read(jsonLdDocument([text]), URLS[0]!, BIG_PAGE_MS);
      counts.bigPageMs.push(Math.round(performance.now() - t0));
      downstream(r, { url: URLS[0]! }, true);
    }
    // And a 10 MB visible title.
    const doc = document.implementation.createHTMLDocument('x');
    const h1 = doc.createElement('h1');
    h1.textContent = 'Oak table '.repeat(MB10 / 10);
    doc.body.appendChild(h1);
    const price = doc.createElement('span');
    price.className = 'price';
    price.textContent = '£48.99';
    doc.body.appendChild(price);
    counts.bigPages++;
    const t0 = performance.now();
    downstream(read(doc, URLS[1]!, BIG_PAGE_MS), { url: URLS[1]! }, true);
    counts.bigPageMs.push(Math.round(performance.now() - t0));
  });

  it('parseMessage takes any content-script payload or throws InvalidPayload, nothing else', () => {
    const payload = fc.oneof(
      fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }),
      fc.record({ type: fc.constantFrom('page/seen', 'orders/seen', 'purchase/undo', 'data/export', '__proto__', 'constructor'), kind: fc.anything(), product: fc.anything(), orders: fc.anything(), purchaseId: fc.anything() }),
      fc.json().map((j) => JSON.parse(j) as unknown),
      fc.constant(JSON.parse('{"type":"page/seen","kind":"product","product":{"__proto__":{"polluted":1},"title":"x","price":1}}') as unknown),
    );
    fc.assert(
      fc.property(payload, (raw) => {
        counts.rawMessages++;
        parsesOrRejects(raw);
        assertNoPollution();
      }),
      { numRuns: 2000, seed: SEED + 2 },
    );
  });

  it('recording estimates from hostile orders never puts NaN in the monthly totals', async () => {
    const db = new FootprintDB(`fuzz-${Date.now()}`);
    await db.open();
    // Mostly what the background accepts (so purchases get recorded), with the absurd mixed in.
    const sanePrice = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('$19.99', '£48.99', '1.234,56 €', '$0.01', '999999999', '¥1e9', 'Free', '$ 1e308') }, { weight: 1, arbitrary: priceText });
    const line = fc.record({ title: nastyText, price: sanePrice, qty: fc.constantFrom(1, 1, 1, 2, 3, 10_000, 0.5, 1e9) });
    const hostileOrder = fc.record({
      id: fc.option(nastyText),
      date: fc.constantFrom(null, '2026-11-02', '2026-10-31', '2025-01-01', '2026-11-28', '2026-02-30'),
      currency: fc.constantFrom(null, 'USD', 'EUR', 'GBP', 'JPY', 'XXX', 'ZZZ'),
      total: sanePrice,
      lines: fc.array(line, { minLength: 1, maxLength: 4 }),
    });
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(hostileOrder, { minLength: 1, maxLength: 4 }), fc.boolean(), async (orders, undo) => {
          counts.dbRuns++;
          // The orders go through what the background would accept: parsed numbers, then message validation.
          const raw = {
            type: 'orders/seen',
            orders: orders.map((o) => ({
              orderId: o.id,
              date: o.date,
              currency: o.currency,
              total: parsePrice(o.total).amount,
              items: o.lines.map((l) => ({ title: l.title.trim() ? l.title : 'Laptop', quantity: l.qty, price: parsePrice(l.price).amount, currency: o.currency })),
            })),
          };
          const msg = parsesOrRejects(JSON.parse(JSON.stringify(raw)));
          const accepted: Order[] = msg?.type === 'orders/seen' ? msg.orders : [];
          const added: string[] = [];
          for (const o of accepted) {
            const estimates = o.items.map((it) => {
              const e = estimate({ title: it.title, price: it.price, currency: it.currency ?? o.currency, quantity: it.quantity, date: o.date, site: 'www.amazon.com' });
              checkEstimate(e);
              return e;
            });
            const res = await recordPurchase(db, { shop: 'www.amazon.com', order: o, estimates, source: 'page', today: '2026-11-28' });
            if (res.status === 'added') {
              counts.dbPurchases++;
              added.push(res.purchase.id);
            }
          }
          if (undo && added.length) await deletePurchase(db, added[0]!);
          for (const m of await db.months.toArray()) {
            for (const k of ['kg', 'low', 'high', 'purchases', 'items', 'unknownItems'] as const) {
              if (!Number.isFinite(m[k])) throw new Error(`month ${m.month}.${k} = ${m[k]}`);
            }
            for (const [c, kg] of Object.entries(m.byCategory)) if (!Number.isFinite(kg)) throw new Error(`month ${m.month} category ${c} = ${kg}`);
          }
          const s = await summarize(db, '2026-11-28');
          for (const t of [s.thisMonth, s.thisYear, s.allTime, ...s.months]) {
            for (const k of ['kg', 'low', 'high'] as const) if (!Number.isFinite(t[k])) throw new Error(`summary ${k} = ${t[k]}`);
          }
          assertNoPollution();
        }),
        { numRuns: 150, seed: SEED + 3 },
      );
    } finally {
      db.close();
      await db.delete();
    }
  }, 60_000);

  it('parsePrice never throws and never returns NaN, on any string', () => {
    const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), priceText, fc.tuple(priceText, fc.string({ unit: 'binary', maxLength: 5 }), priceText).map((p) => p.join('')));
    const options = fc.option(fc.record({ currencyHint: fc.option(fc.oneof(fc.constantFrom('USD', 'CAD', 'EUR', '__proto__', 'Price in €'), nastyText)), country: fc.option(fc.constantFrom('US', 'DE', 'JP', 'IN', 'CH', 'xx', '__proto__')), decimalSeparator: fc.option(fc.constantFrom('.', ',', '€', '', '__proto__')) }, { requiredKeys: [] }));
    fc.assert(
      fc.property(anyString, options, (s, opts) => {
        counts.priceStrings++;
        let p: ReturnType<typeof parsePrice>;
        try {
          p = opts ? parsePrice(s, opts) : parsePrice(s);
        } catch (err) {
          throw new Error(`parsePrice threw on ${JSON.stringify(s)}: ${(err as Error).message}`);
        }
        if (p.amount !== null && (typeof p.amount !== 'number' || Number.isNaN(p.amount))) throw new Error(`parsePrice(${JSON.stringify(s)}) = ${String(p.amount)}`);
        if (p.amount !== null && !Number.isFinite(p.amount)) throw new Error(`parsePrice(${JSON.stringify(s)}) = ${String(p.amount)}`);
        if (p.currency !== null && typeof p.currency !== 'string') throw new Error('currency not a string');
      }),
      { numRuns: 10_000, seed: SEED + 4 },
    );
  });

  it('generated at least 10,000 pages and JSON-LD blocks in total', () => {
    expect(counts.generatedPages + counts.jsonLdBlocks).toBeGreaterThanOrEqual(10_000);
  });
});
