import type { DBCore } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleMessage, type HandlerContext } from '../../../src/background/handler';
import { PendingWrites, isTransient } from '../../../src/background/pending';
import { estimate } from '../../../src/engine/estimate';
import { FootprintDB } from '../../../src/store/db';
import type { SenderInfo } from '../../../src/messages/senders';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const POPUP: SenderInfo = { id: ID, url: `${ORIGIN}popup.html` };
const TAB: SenderInfo = { id: ID, url: 'https://www.ebay.co.uk/vod/FetchOrderDetails?orderId=1', tab: { id: 4 }, frameId: 0 };
const orders = [{ orderId: '07-07036-67346', date: '2026-11-01', currency: 'GBP', total: 20, items: [{ title: 'USB-C cable 2 m', quantity: 2, price: 10, currency: 'GBP' }] }];

/** Storage failures injected below Dexie, where the browser would raise them. */
function failingWrites(db: FootprintDB, error: () => Error): { failures: number } {
  const state = { failures: 0 };
  db.use({
    stack: 'dbcore',
    name: 'inject-failures',
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(name) {
          const t = down.table(name);
          return {
            ...t,
            mutate(req) {
              if (name === 'days' && state.failures > 0) {
                state.failures--;
                return Promise.reject(error());
              }
              return t.mutate(req);
            },
          };
        },
      };
    },
  });
  return state;
}

let ctx: HandlerContext;
let n = 0;
beforeEach(() => {
  const db = new FootprintDB(`errors-${n++}`);
  ctx = { db, extensionId: ID, extensionOrigin: ORIGIN, estimate, today: () => '2026-11-28', now: () => 1, pending: new PendingWrites(() => 1, 1_000_000) };
});
afterEach(async () => {
  ctx.db.close();
  await ctx.db.delete();
});

describe('storage failures lose nothing', () => {
  it.each([
    ['QuotaExceededError', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ['UnknownError', () => new DOMException('Internal error.', 'UnknownError')],
  ])('%s: the write is kept, reported, retried under the same key, and recorded once', async (_name, make) => {
    const inject = failingWrites(ctx.db, make);
    inject.failures = 1;
    const first = await handleMessage(ctx, { type: 'orders/seen', orders }, TAB);
    expect(first).toMatchObject({ ok: true, results: [{ status: 'pending', purchaseId: 'ebay.co.uk|07-07036-67346' }] });
    expect(await ctx.db.purchases.count()).toBe(0);
    const status = await handleMessage(ctx, { type: 'status/get' }, POPUP);
    expect(status).toMatchObject({ ok: true, status: { pendingWrites: 1 } });
    expect((status as { status: { lastError: { message: string } } }).status.lastError.message).toMatch(/QuotaExceeded|UnknownError|Abort/);

    // A reload reports the same order again while the retry is still queued: still one record.
    await handleMessage(ctx, { type: 'orders/seen', orders }, TAB);
    expect(await ctx.pending!.flush()).toBe(1);
    expect(await ctx.db.purchases.count()).toBe(1);
    expect(ctx.pending!.status().pendingWrites).toBe(0);
  });

  it('a database closed under the service worker is reopened by Dexie on the next request', async () => {
    await ctx.db.open();
    ctx.db.close({ disableAutoOpen: false });
    const r = await handleMessage(ctx, { type: 'orders/seen', orders }, TAB);
    expect(r).toMatchObject({ ok: true, results: [{ status: 'added' }] });
    expect(await ctx.db.purchases.count()).toBe(1);
  });

  it('a database closed for good (versionchange) is opened again and the write goes through', async () => {
    await ctx.db.open();
    ctx.db.close({ disableAutoOpen: true });
    const r = await handleMessage(ctx, { type: 'orders/seen', orders }, TAB);
    expect(r).toMatchObject({ ok: true, results: [{ status: 'added' }] });
    expect(await ctx.db.purchases.count()).toBe(1);
  });

  it('20 concurrent reports of one order give one record', async () => {
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => handleMessage(ctx, { type: 'orders/seen', orders }, { ...TAB, tab: { id: i } })));
    const statuses = replies.map((r) => (r as { results: Array<{ status: string }> }).results[0]!.status);
    expect(statuses.filter((s) => s === 'added')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'exists')).toHaveLength(19);
    expect(await ctx.db.purchases.count()).toBe(1);
  });

  it.each([
    ['QuotaExceededError', true],
    ['DatabaseClosedError', true],
    ['ConstraintError', false],
    ['TypeError', false],
  ])('%s is transient: %s', (name, transient) => {
    expect(isTransient({ name })).toBe(transient);
  });
});
