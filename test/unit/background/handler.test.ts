import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleMessage, type HandlerContext } from '../../../src/background/handler';
import { estimate } from '../../../src/engine/estimate';
import { FootprintDB, SCHEMA_VERSION } from '../../../src/store/db';
import type { SenderInfo } from '../../../src/messages/senders';
import { listPurchases, summarize, summaryWithCount } from '../../../src/store/purchases';
import { SummaryPublisher } from '../../../src/background/summary-publisher';

/** Every item as the pages see it (items live inside their purchases since schema 3; estimates shown whole). */
const storedItems = async (db: FootprintDB) => (await listPurchases(db, 0, 1000)).flatMap((p) => p.items);

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const POPUP: SenderInfo = { id: ID, url: `${ORIGIN}popup.html`, origin: `chrome-extension://${ID}` };
const SHOP_TAB = (tabId: number, incognito = false): SenderInfo => ({ id: ID, url: 'https://www.amazon.com/gp/your-account/order-details?orderID=1', tab: { id: tabId, incognito }, frameId: 0 });

const orders = [
  {
    orderId: '113-1625648-3437067',
    date: '2026-11-02',
    currency: 'USD',
    total: 1029.98,
    items: [
      { title: 'Lenovo IdeaPad 5 15.6" laptop, 16 GB RAM, 512 GB SSD', quantity: 1, price: 999.99, currency: 'USD' },
      { title: 'Zzyzx qwerty widget', quantity: 1, price: null, currency: 'USD' },
    ],
  },
];

let ctx: HandlerContext;
let n = 0;
beforeEach(async () => {
  const db = new FootprintDB(`handler-${n++}`);
  ctx = { db, extensionId: ID, extensionOrigin: ORIGIN, estimate, today: () => '2026-11-28', now: () => 1_800_000_000_000 };
});
afterEach(async () => {
  ctx.db.close();
  await ctx.db.delete();
});

describe('background message handler', () => {
  it('records an order reported by a content script, once across tabs and repeats', async () => {
    const a = await handleMessage(ctx, { type: 'orders/seen', orders }, SHOP_TAB(1));
    const b = await handleMessage(ctx, { type: 'orders/seen', orders }, SHOP_TAB(2));
    expect(a).toMatchObject({ ok: true, results: [{ status: 'added', purchaseId: 'amazon.com|113-1625648-3437067' }] });
    expect(b).toMatchObject({ ok: true, results: [{ status: 'exists' }] });
    const s = await handleMessage(ctx, { type: 'summary/get' }, POPUP);
    expect(s).toMatchObject({ ok: true, count: 1 });
  });

  it('keeps the popup\'s cached totals in step: gone during a write, the new totals after it, kept when read', async () => {
    const stored: Array<number | null> = [];
    ctx.summaries = new SummaryPublisher(
      async (v) => void stored.push(v ? v.reply.summary.allTime.kg : null),
      async () => ({ today: ctx.today(), reply: await summaryWithCount(ctx.db, ctx.today()) }),
    );
    await handleMessage(ctx, { type: 'summary/get' }, POPUP);
    expect(stored).toEqual([0]);
    const r = await handleMessage(ctx, { type: 'orders/seen', orders }, SHOP_TAB(1));
    expect(r.ok).toBe(true);
    const kg = (await summarize(ctx.db, ctx.today())).allTime.kg;
    expect(kg).toBeGreaterThan(0);
    expect(stored).toEqual([0, null, kg]);
    await handleMessage(ctx, { type: 'data/wipe' }, POPUP);
    expect(stored.slice(3)).toEqual([null, 0]);
    // Reads and settings do not touch them.
    await handleMessage(ctx, { type: 'purchases/query', query: { offset: 0, limit: 10 } }, POPUP);
    await handleMessage(ctx, { type: 'settings/set', patch: { badgeMode: 'toolbar' } }, POPUP);
    expect(stored).toHaveLength(5);
  });

  it('estimates line items itself and keeps unknown ones unknown', async () => {
    await handleMessage(ctx, { type: 'orders/seen', orders }, SHOP_TAB(1));
    const items = await storedItems(ctx.db);
    expect(items).toHaveLength(2);
    const widget = items.find((i) => i.title.startsWith('Zzyzx'))!;
    expect(widget.estimate.kg).toBeNull();
    expect(widget.estimate.method).toBe('unknown');
  });

  it('injects the page reader into exactly the tab and frame whose content script asked, and for no one else', async () => {
    const calls: Array<[number, number]> = [];
    ctx.injectReader = async (tabId, frameId) => void calls.push([tabId, frameId]);
    expect(await handleMessage(ctx, { type: 'reader/load' }, SHOP_TAB(7))).toEqual({ ok: true, loaded: true });
    expect(await handleMessage(ctx, { type: 'reader/load' }, POPUP)).toMatchObject({ ok: false });
    expect(await handleMessage(ctx, { type: 'reader/load' }, { ...SHOP_TAB(8), frameId: 3 })).toMatchObject({ ok: false });
    expect(await handleMessage(ctx, { type: 'reader/load' }, { ...SHOP_TAB(9), id: 'other' })).toMatchObject({ ok: false });
    expect(calls).toEqual([[7, 0]]);
  });

  it('refuses privileged requests from content scripts and everything from strangers', async () => {
    expect(await handleMessage(ctx, { type: 'data/wipe' }, SHOP_TAB(1))).toMatchObject({ ok: false });
    expect(await handleMessage(ctx, { type: 'data/export' }, SHOP_TAB(1))).toMatchObject({ ok: false });
    expect(await handleMessage(ctx, { type: 'summary/get' }, { ...POPUP, id: 'other' })).toMatchObject({ ok: false });
    expect(await handleMessage(ctx, { type: 'orders/seen', orders }, POPUP)).toMatchObject({ ok: false });
  });

  it('lets a tab undo only the purchase it just added', async () => {
    const added = await handleMessage(ctx, { type: 'orders/seen', orders }, SHOP_TAB(1));
    const id = (added as { results: Array<{ purchaseId: string }> }).results[0]!.purchaseId;
    expect(await handleMessage(ctx, { type: 'purchase/undo', purchaseId: id }, SHOP_TAB(2))).toMatchObject({ ok: true, removed: false });
    expect(await handleMessage(ctx, { type: 'purchase/undo', purchaseId: id }, SHOP_TAB(1))).toMatchObject({ ok: true, removed: true });
    expect(await ctx.db.purchases.count()).toBe(0);
  });

  it('records nothing in private windows, while paused, or on a shop turned off', async () => {
    expect(await handleMessage(ctx, { type: 'orders/seen', orders }, SHOP_TAB(1, true))).toMatchObject({ results: [{ status: 'skipped', reason: 'private window' }] });
    await handleMessage(ctx, { type: 'settings/set', patch: { disabledShops: ['amazon.com'] } }, POPUP);
    expect(await handleMessage(ctx, { type: 'orders/seen', orders }, SHOP_TAB(1))).toMatchObject({ results: [{ status: 'skipped' }] });
    await handleMessage(ctx, { type: 'settings/set', patch: { disabledShops: [], capturePaused: true } }, POPUP);
    expect(await handleMessage(ctx, { type: 'orders/seen', orders }, SHOP_TAB(1))).toMatchObject({ results: [{ status: 'skipped', reason: 'capture paused' }] });
    expect(await ctx.db.purchases.count()).toBe(0);
  });

  it('exports every table as versioned JSON and wipes on request from an extension page', async () => {
    await handleMessage(ctx, { type: 'orders/seen', orders }, SHOP_TAB(1));
    const ex = (await handleMessage(ctx, { type: 'data/export' }, POPUP)) as { ok: true; json: string };
    const data = JSON.parse(ex.json);
    expect(data).toMatchObject({ format: 'local-footprint-export', schemaVersion: SCHEMA_VERSION });
    expect(data.tables.purchases).toHaveLength(1);
    expect(data.tables.items).toHaveLength(2);
    expect(await handleMessage(ctx, { type: 'data/wipe' }, POPUP)).toMatchObject({ ok: true, wiped: true });
    expect(await ctx.db.purchases.count()).toBe(0);
  });

  it('answers a product page with an estimate and the badge mode', async () => {
    const product = { title: 'Apple iPhone 15 128GB', price: 799, currency: 'USD', brand: 'Apple', sku: null, gtin: null, category: null, breadcrumbs: null, availability: null };
    const r = await handleMessage(ctx, { type: 'page/seen', kind: 'product', product }, SHOP_TAB(1));
    expect(r).toMatchObject({ ok: true, showBadge: true });
    expect((r as { estimate: { kg: number; source: string } }).estimate.kg).toBeGreaterThan(0);
    await handleMessage(ctx, { type: 'settings/set', patch: { badgeMode: 'toolbar' } }, POPUP);
    expect(await handleMessage(ctx, { type: 'page/seen', kind: 'product', product }, SHOP_TAB(1))).toMatchObject({ ok: true, showBadge: false });
  });
});

describe('flights', () => {
  it('records a booking once, one line per leg, passengers multiplied', async () => {
    const trips = [
      { from: 'LHR', to: 'JFK', cabin: 'economy', passengers: 2, date: '2026-12-20', bookingRef: 'ABC123' },
      { from: 'JFK', to: 'LHR', cabin: 'economy', passengers: 2, date: '2026-12-20', bookingRef: 'ABC123' },
    ];
    const tab: SenderInfo = { id: ID, url: 'https://www.britishairways.com/travel/confirmation', tab: { id: 9 }, frameId: 0 };
    const r = await handleMessage(ctx, { type: 'trips/seen', trips }, tab);
    expect(r).toMatchObject({ ok: true, results: [{ status: 'added', purchaseId: 'britishairways.com|ABC123' }] });
    expect(await handleMessage(ctx, { type: 'trips/seen', trips }, tab)).toMatchObject({ results: [{ status: 'exists' }] });
    const items = await storedItems(ctx.db);
    expect(items.map((i) => i.title)).toEqual(['Flight LHR → JFK (economy)', 'Flight JFK → LHR (economy)']);
    expect(items[0]!.estimate.method).toBe('flight');
    expect(items[0]!.estimate.inputs.passengers).toBe(2);
    expect(await handleMessage(ctx, { type: 'trips/seen', trips: [{ ...trips[0], from: 'lhr' }] }, tab)).toMatchObject({ ok: false });
  });
});

describe('recently viewed products', () => {
  it('are kept from product pages, classify a later order line, and can be listed and cleared from an extension page only', async () => {
    const product = { title: 'Acme ThinBook 14 Laptop 16GB 512GB SSD', price: 899, currency: 'USD', brand: 'Acme', sku: 'TB14', gtin: null, category: 'Laptops', breadcrumbs: ['Electronics', 'Computers', 'Laptops'], availability: 'InStock' };
    await handleMessage(ctx, { type: 'page/seen', kind: 'product', product }, SHOP_TAB(1));
    const list = (await handleMessage(ctx, { type: 'viewed/list' }, POPUP)) as { ok: true; viewed: Array<{ title: string; category: string | null }> };
    expect(list.viewed.map((v) => v.title)).toEqual([product.title]);
    expect(list.viewed[0]!.category).toMatch(/Laptops/);
    // The order page shortens the title and gives no category: the viewed product supplies it.
    const order = { orderId: 'V-1', date: '2026-11-20', currency: 'USD', total: 899, items: [{ title: 'Acme ThinBook 14 Laptop 16GB', quantity: 1, price: 899, currency: 'USD' }] };
    await handleMessage(ctx, { type: 'orders/seen', orders: [order] }, SHOP_TAB(1));
    const item = (await storedItems(ctx.db))[0]!;
    expect(item.estimate.category).toMatch(/Laptops/);
    expect(await handleMessage(ctx, { type: 'viewed/clear' }, SHOP_TAB(1))).toMatchObject({ ok: false });
    expect(await handleMessage(ctx, { type: 'viewed/clear' }, POPUP)).toMatchObject({ ok: true, cleared: 1 });
    expect(await ctx.db.viewed.count()).toBe(0);
  });
});
