/**
 * The paged export and the staged import end to end: the page's half (paged-export.ts, staged-import.ts)
 * talking to the real background handler over a JSON round trip (what Chrome does to every message), with
 * a real database (fake-indexeddb).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleMessage, type HandlerContext } from '../../../src/background/handler';
import { exportCsv } from '../../../src/data-io/export-csv';
import { exportJson } from '../../../src/data-io/export-json';
import { pagedExportCsv, pagedExportJson, pagedExportJsonBlob } from '../../../src/data-io/paged-export';
import { parseImport, type ImportPlan } from '../../../src/data-io/parse-import';
import { abortImport, commitImport, importAlive, previewStaged, sendImportFile, stageImport } from '../../../src/data-io/staged-import';
import { ImportStaging, INTERRUPTED } from '../../../src/data-io/staging';
import { estimate } from '../../../src/engine/estimate';
import type { PageMessage } from '../../../src/messages/protocol';
import type { SenderInfo } from '../../../src/messages/senders';
import type { PageSend } from '../../../src/popup/api';
import { recordPurchase, wipeAll } from '../../../src/store/purchases';
import { rebuildRollups } from '../../../src/store/rollups';
import { closeDb, dump, FIXED_NOW, openDb, purchaseInput, seed } from './helpers';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const PAGE: SenderInfo = { id: ID, url: `chrome-extension://${ID}/options.html`, origin: `chrome-extension://${ID}` };

let ctx: HandlerContext;
let log: PageMessage[];
let send: PageSend;

beforeEach(async () => {
  const db = await openDb('paged');
  ctx = { db, extensionId: ID, extensionOrigin: `chrome-extension://${ID}/`, estimate, today: () => '2026-11-28', now: () => FIXED_NOW, staging: new ImportStaging(() => FIXED_NOW) };
  log = [];
  // Chrome serialises every message as JSON: so does this.
  send = (async (msg: PageMessage) => {
    log.push(msg);
    return JSON.parse(JSON.stringify(await handleMessage(ctx, JSON.parse(JSON.stringify(msg)), PAGE)));
  }) as PageSend;
});
afterEach(() => closeDb(ctx.db));

/** A device with real engine estimates (compact in storage) besides the tests' hand-made ones. */
async function fill(n = 9): Promise<void> {
  await seed(ctx.db, n);
  for (const [i, title] of ['Apple MacBook Air 13" laptop M2 8GB 256GB', "Levi's 501 Original jeans", 'Lavazza coffee beans 1 kg'].entries()) {
    const order = { orderId: `R-${i}`, date: '2026-03-03', currency: 'USD', total: 99, items: [{ title, quantity: 1 + i, price: 99, currency: 'USD' }] };
    await recordPurchase(ctx.db, { shop: 'www.amazon.com', order, estimates: [estimate({ title, price: 99, currency: 'USD', quantity: 1 + i, date: '2026-03-03', site: 'amazon.com' })], source: 'page', today: '2026-11-28', now: FIXED_NOW });
  }
}

function planOf(text: string): ImportPlan {
  const plan = parseImport(text);
  if (!plan.ok) throw new Error(plan.error);
  return plan;
}

describe('paged JSON export', () => {
  it.each([1, 2, 5, 4000])('pages of %i purchases make the very file exportJson writes', async (pageSize) => {
    await fill();
    const { parts, counts } = await pagedExportJson(send, { app: '1.2.3', pageSize });
    expect(parts.join('')).toBe(await exportJson(ctx.db, FIXED_NOW, { app: '1.2.3' }));
    expect(counts).toEqual({ purchases: 14, items: 25, viewed: 2, settings: 5 });
    expect(log.filter((m) => m.type === 'data/export-page')).toHaveLength(Math.ceil(14 / pageSize));
  });

  it.each([true, false])('gives the same file with the pipe %s (texts on a BroadcastChannel, not in the replies)', async (pipe) => {
    await fill();
    const replies: unknown[] = [];
    const watching = (async (msg: PageMessage) => {
      const reply = await send(msg as never);
      if (msg.type === 'data/export-page') replies.push(reply);
      return reply;
    }) as PageSend;
    const { parts } = await pagedExportJson(watching, { app: '1.2.3', pageSize: 4, pipe });
    expect(parts.join('')).toBe(await exportJson(ctx.db, FIXED_NOW, { app: '1.2.3' }));
    expect(replies).toHaveLength(4);
    for (const r of replies) expect((r as { texts: unknown }).texts === null).toBe(pipe);
  });

  it.each([true, false])('saves the very same file as a Blob built page by page (pipe %s)', async (pipe) => {
    await fill();
    const { blob, counts } = await pagedExportJsonBlob(send, { app: '1.2.3', pageSize: 4, pipe });
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe(await exportJson(ctx.db, FIXED_NOW, { app: '1.2.3' }));
    expect(counts).toEqual({ purchases: 14, items: 25, viewed: 2, settings: 5 });
  });

  it('asks for the next page before it has turned the previous one into the file', async () => {
    await fill();
    const order: string[] = [];
    const timed = (async (msg: PageMessage) => {
      order.push(`ask ${msg.type === 'data/export-page' ? String(msg.after) : msg.type}`);
      return send(msg as never);
    }) as PageSend;
    await pagedExportJson(timed, { pageSize: 5, pipe: true, onProgress: (done) => order.push(`done ${done}`) });
    // Page 2 is asked for before page 1 is done: reading and turning overlap.
    expect(order.findIndex((s) => s.startsWith('ask ') && s !== 'ask null' && s !== 'ask data/export-start')).toBeLessThan(order.indexOf('done 5'));
  });

  it('stops at a failing page and reports its error, with the next request in flight', async () => {
    await fill();
    let pagesAsked = 0;
    const failing = (async (msg: PageMessage) => {
      if (msg.type === 'data/export-page' && ++pagesAsked === 2) return { ok: false, error: 'disk on fire' };
      return send(msg as never);
    }) as PageSend;
    await expect(pagedExportJson(failing, { pageSize: 3, pipe: true })).rejects.toThrow('disk on fire');
  });

  it('gives two exports running at once each the whole file (the page read ahead serves only its own next request)', async () => {
    await fill();
    const want = await exportJson(ctx.db, FIXED_NOW, { app: '1.2.3' });
    const [a, b] = await Promise.all([pagedExportJson(send, { app: '1.2.3', pageSize: 3 }), pagedExportJson(send, { app: '1.2.3', pageSize: 2 })]);
    expect(a.parts.join('')).toBe(want);
    expect(b.parts.join('')).toBe(want);
  });

  it('is a valid file for an empty database too', async () => {
    const { parts } = await pagedExportJson(send);
    const plan = planOf(parts.join(''));
    expect(plan.counts).toEqual({ purchases: 0, items: 0, viewed: 0, settings: 0 });
  });

  it('keeps a purchase and its items together when purchases are added during the export', async () => {
    await fill(4);
    let added = false;
    const racing = (async (msg: PageMessage) => {
      const reply = await send(msg as never);
      if (msg.type === 'data/export-page' && !added) {
        added = true;
        // Sorts before and after the cursor: one is missed, one is in the file, neither half.
        await recordPurchase(ctx.db, purchaseInput(900, { shop: 'aaa.example' }));
        await recordPurchase(ctx.db, purchaseInput(901, { shop: 'zzz.example' }));
      }
      return reply;
    }) as PageSend;
    const { parts } = await pagedExportJson(racing, { pageSize: 2 });
    const plan = planOf(parts.join(''));
    expect(plan.externalPurchaseIds).toEqual([]);
    expect(plan.data.purchases.map((p) => p.shop)).toContain('zzz.example');
    expect(plan.data.purchases.map((p) => p.shop)).not.toContain('aaa.example');
  });

  it('counts what the pages held, when purchases come between the start and the pages', async () => {
    await fill(4);
    const growing = (async (msg: PageMessage) => {
      const reply = await send(msg as never);
      if (msg.type === 'data/export-start') for (let i = 0; i < 5; i++) await recordPurchase(ctx.db, purchaseInput(700 + i, { shop: 'aaa.example' }));
      return reply;
    }) as PageSend;
    const { parts, counts } = await pagedExportJson(growing, { pageSize: 2 });
    const plan = planOf(parts.join(''));
    expect(counts.purchases).toBe(9 + 5);
    expect(new Set(plan.data.purchases.map((p) => p.id)).size).toBe(14);
    expect(parts.join('')).toBe(await exportJson(ctx.db, FIXED_NOW));
  });
});

describe('paged CSV export', () => {
  it.each([1, 2, 3, 7, 4000])('pages of %i purchases (several on one date) make the very file exportCsv writes', async (pageSize) => {
    await fill();
    for (let i = 0; i < 4; i++) await recordPurchase(ctx.db, purchaseInput(50 + i, { order: { ...purchaseInput(50 + i).order, date: '2026-03-03' } }));
    const parts = await pagedExportCsv(send, { pageSize });
    expect(parts.join('')).toBe(await exportCsv(ctx.db));
  });

  it.each([true, false])('gives the same CSV with the pipe %s', async (pipe) => {
    await fill();
    expect((await pagedExportCsv(send, { pageSize: 2, pipe })).join('')).toBe(await exportCsv(ctx.db));
  });

  it('names the factor unit and citation of compact estimates, derived from the data tables', async () => {
    await fill(0);
    const csv = (await pagedExportCsv(send)).join('');
    expect(csv).toContain('Boavizta');
    expect(csv).toContain('kg CO2e per device');
    expect(csv).toContain('Poore');
  });
});

/** A filled database's dump, its export written in pages, and the database wiped: what a restore must give back. */
async function exportedThenWiped(): Promise<{ before: string; text: string }> {
  await fill();
  await rebuildRollups(ctx.db);
  const before = await dump(ctx.db);
  const { parts } = await pagedExportJson(send, { pageSize: 3 });
  await wipeAll(ctx.db);
  return { before, text: parts.join('') };
}

describe('staged import', () => {
  it('export in pages → wipe → staged import gives every table back, byte for byte', async () => {
    const { before, text } = await exportedThenWiped();
    const id = await stageImport(send, planOf(text), { chunkRows: 4 });
    expect(await ctx.db.purchases.count()).toBe(0); // staging writes nothing
    const preview = await previewStaged(send, id);
    expect(preview.add).toEqual({ purchases: 14, items: 25, viewed: 2, settings: 5 });
    const result = await commitImport(send, id);
    expect(result.add).toEqual(preview.add);
    expect(await dump(ctx.db)).toBe(before);
    // The held records are gone once committed.
    expect(await importAlive(send, id)).toBe(false);
  });

  it.each([true, false])('restores the same tables with the pipe %s, texts on the pipe and not in the messages', async (pipe) => {
    await fill();
    await rebuildRollups(ctx.db);
    const before = await dump(ctx.db);
    const plan = planOf(await exportJson(ctx.db, FIXED_NOW));
    await wipeAll(ctx.db);
    const id = await stageImport(send, plan, { chunkRows: 3, pipe });
    const chunks = log.filter((m): m is Extract<PageMessage, { type: 'data/import-chunk' }> => m.type === 'data/import-chunk');
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect([typeof c.rows, typeof c.pipe]).toEqual(pipe ? ['undefined', 'object'] : ['string', 'undefined']);
    await commitImport(send, id);
    expect(await dump(ctx.db)).toBe(before);
  });

  it('restores the same tables from a file sent whole on the pipe and checked once in the background', async () => {
    const { before, text } = await exportedThenWiped();
    const id = await sendImportFile(send, text, null);
    expect(await ctx.db.purchases.count()).toBe(0);
    expect((await previewStaged(send, id)).add).toEqual({ purchases: 14, items: 25, viewed: 2, settings: 5 });
    await commitImport(send, id);
    expect(await dump(ctx.db)).toBe(before);
    expect(log.filter((m) => m.type === 'data/import-file')).toHaveLength(1);
    expect(JSON.stringify(log).length).toBeLessThan(2000); // the file went on the pipe, not in a message
  });

  it('refuses a file sent whole with the check\'s message, holds nothing, and refuses pieces of it or a second file', async () => {
    await fill(2);
    const text = await exportJson(ctx.db, FIXED_NOW);
    await expect(sendImportFile(send, text.replace('"quantity":1', '"quantity":0'), null)).rejects.toThrow(/items\[\d+\]\.quantity must be a whole number/);
    const held = await sendImportFile(send, text, null);
    const again = await send({ type: 'data/import-file', importId: held, pipe: { name: 'lf-pipe-0123456789abcdef0123456789abcdef', seq: 0 } });
    expect(again).toMatchObject({ ok: false, error: expect.stringContaining('a file sent twice') });
    expect(await importAlive(send, held)).toBe(false);
    const id = await sendImportFile(send, text, null);
    const chunk = await send({ type: 'data/import-chunk', importId: id, table: 'purchases', start: 0, rows: '[]' });
    expect(chunk).toMatchObject({ ok: false, error: expect.stringContaining('a piece of a file sent whole') });
    expect(await importAlive(send, id)).toBe(false);
  });

  it('says the import was interrupted, and holds nothing, when a piped chunk never comes', async () => {
    await fill(2);
    const plan = planOf(await exportJson(ctx.db, FIXED_NOW));
    ctx.staging = new ImportStaging(() => FIXED_NOW);
    const begin = await send({ type: 'data/import-begin', start: { schemaVersion: plan.schemaVersion, exportedAt: null, app: null, counts: plan.counts, outside: 0, months: 0 }, pipe: 'lf-pipe-0123456789abcdef0123456789abcdef' });
    if (!begin.ok) throw new Error(begin.error);
    vi.useFakeTimers();
    const chunk = send({ type: 'data/import-chunk', importId: begin.importId, table: 'purchases', start: 0, pipe: { name: 'lf-pipe-0123456789abcdef0123456789abcdef', seq: 0 } });
    await vi.advanceTimersByTimeAsync(31_000);
    vi.useRealTimers();
    expect(await chunk).toEqual({ ok: false, error: INTERRUPTED });
    expect(await importAlive(send, begin.importId)).toBe(false);
  });

  it('refuses a chunk with its records both in the message and on a pipe', async () => {
    const reply = await send({ type: 'data/import-chunk', importId: '00000000-0000-4000-8000-000000000000', table: 'purchases', start: 0, rows: '[]', pipe: { name: 'lf-pipe-0123456789abcdef0123456789abcdef', seq: 0 } } as never);
    expect(reply).toEqual({ ok: false, error: 'records both in the message and on a pipe' });
  });

  it('sends chunks of at most chunkRows records, table by table, in file order', async () => {
    await fill(5);
    const plan = planOf(await exportJson(ctx.db, FIXED_NOW));
    const progress: number[] = [];
    await stageImport(send, plan, { chunkRows: 4, onProgress: (sent) => progress.push(sent), pipe: false });
    const chunks = log.filter((m): m is Extract<PageMessage, { type: 'data/import-chunk' }> => m.type === 'data/import-chunk');
    // Purchases carry their items; items only come alone when their purchase is not in the file.
    expect(chunks.map((c) => [c.table, c.start, (JSON.parse(c.rows!) as unknown[]).length])).toEqual([
      ['purchases', 0, 4],
      ['purchases', 4, 4],
      ['purchases', 8, 2],
      ['viewed', 0, 2],
      ['settings', 0, 4],
      ['settings', 4, 1],
    ]);
    expect(progress.at(-1)).toBe(10 + 17 + 2 + 5);
  });

  it('several chunks in flight at once arrive in any order and give the same database', async () => {
    await fill(5);
    await rebuildRollups(ctx.db);
    const before = await dump(ctx.db);
    const plan = planOf(await exportJson(ctx.db, FIXED_NOW));
    await wipeAll(ctx.db);
    // Each window of four chunks is delivered last-sent first, as a busy channel might.
    let sent = 0;
    const shuffled = (async (msg: PageMessage) => {
      if (msg.type === 'data/import-chunk') await new Promise((r) => setTimeout(r, 4 * (3 - (sent++ % 4))));
      return send(msg as never);
    }) as PageSend;
    const id = await stageImport(shuffled, plan, { chunkRows: 2, concurrency: 4 });
    const arrived = log.filter((m): m is Extract<PageMessage, { type: 'data/import-chunk' }> => m.type === 'data/import-chunk').map((m) => `${m.table}:${m.start}`);
    expect(arrived.slice(0, 4)).toEqual(['purchases:6', 'purchases:4', 'purchases:2', 'purchases:0']);
    expect(arrived).toContain('purchases:8');
    await commitImport(send, id);
    expect(await dump(ctx.db)).toBe(before);
  });

  it('a commit after the background restarted fails cleanly and says try again; nothing changed', async () => {
    await fill(3);
    const plan = planOf(await exportJson(ctx.db, FIXED_NOW));
    await wipeAll(ctx.db);
    const before = await dump(ctx.db);
    const id = await stageImport(send, plan);
    ctx.staging = new ImportStaging(); // a new service worker holds nothing
    await expect(commitImport(send, id)).rejects.toThrow(INTERRUPTED);
    expect(await dump(ctx.db)).toBe(before);
  });

  it('aborting drops the held records; a new import replaces an unfinished one', async () => {
    const plan = planOf(await (async () => (await fill(2), exportJson(ctx.db, FIXED_NOW)))());
    const first = await stageImport(send, plan);
    const second = await stageImport(send, plan);
    expect(await importAlive(send, first)).toBe(false);
    expect(await importAlive(send, second)).toBe(true);
    await abortImport(send, second);
    expect(await importAlive(send, second)).toBe(false);
  });

  it('items whose purchase is only on the device travel as item rows and merge into it', async () => {
    await recordPurchase(ctx.db, purchaseInput(2));
    const f = JSON.parse(await exportJson(ctx.db, FIXED_NOW)) as { counts: Record<string, number>; tables: { purchases: unknown[]; items: Array<Record<string, unknown>> } };
    const id = 'shop.example|112-1000002';
    f.tables.purchases = [];
    f.tables.items = [{ ...f.tables.items[0], id: `${id}#2`, position: 2, title: 'Mouse' }];
    Object.assign(f.counts, { purchases: 0, items: 1 });
    const staged = await stageImport(send, planOf(JSON.stringify(f)));
    expect(log.find((m) => m.type === 'data/import-begin')).toMatchObject({ start: { outside: 1 } });
    const r = await commitImport(send, staged);
    expect(r.add.items).toBe(1);
    expect((await ctx.db.purchases.get(id))?.items.map((it) => it.title)).toEqual(['Laptop stand #2', 'Cable, USB-C "braided" 2 m', 'Mouse']);
  });

  it('merges into a device that has data: rollups equal a full rebuild', async () => {
    for (let i = 0; i < 6; i++) await recordPurchase(ctx.db, purchaseInput(i));
    const src = await openDb('paged-src');
    for (let i = 4; i < 10; i++) await recordPurchase(src, purchaseInput(i));
    const text = await exportJson(src, FIXED_NOW);
    await closeDb(src);
    const id = await stageImport(send, planOf(text), { chunkRows: 3 });
    const r = await commitImport(send, id);
    expect([r.add.purchases, r.unchanged.purchases]).toEqual([4, 2]);
    const months = await ctx.db.months.toArray();
    await rebuildRollups(ctx.db);
    expect(await ctx.db.months.toArray()).toStrictEqual(months);
  });
});
