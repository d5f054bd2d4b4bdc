import type { FootprintDB } from '../store/db';
import { shopKey } from '../store/keys';
import type { Message, Replies } from '../messages/protocol';
import { parseMessage } from '../messages/parse';
import { senderRole, type SenderInfo } from '../messages/senders';
import { InvalidPayload } from '../messages/validate';
import { deletePurchase, listPurchases, recordPurchase, summaryWithCount, wipeAll } from '../store/purchases';
import { getSettings, updateSettings, type Settings } from '../store/settings';
import { exportJson } from '../data-io';
import { productInput } from './product-input';
import { PendingWrites, isTransient } from './pending';
import { queryPurchases } from '../store/query';
import { addManualPurchase, deleteItem, updateItem } from '../store/edit';
import { buildRecords } from '../store/purchases';
import { RULES, type Rule } from '../data/categories';
import { applyImport, csvPage, decryptBackup, describeWipe, exportPage, exportStart, ImportFailure, piped, ImportStaging, isEncryptedBackup, prepareImport, previewImport } from '../data-io';
import { matchViewed, rememberViewed } from '../store/viewed';
import type { ViewedRecord } from '../store/records';
import type { Estimate, EstimateInput, Order, PageKind, Product } from '../types';
import type { Trip } from '../flights/types';
import { flightEstimate } from '../engine/flight';
import { isBuiltInHost } from './site-scripts';
import type { SummaryPublisher } from './summary-publisher';

export interface HandlerContext {
  db: FootprintDB;
  extensionId: string;
  extensionOrigin: string;
  estimate: (input: EstimateInput) => Estimate;
  /** Local calendar date, YYYY-MM-DD. */
  today: () => string;
  now: () => number;
  /** Shows a short text on the toolbar icon for a tab (stealth mode's only output). */
  setToolbar?: (tabId: number, text: string, title: string) => void;
  /** Writes kept for retry when storage fails; see pending.ts. */
  pending?: PendingWrites;
  /** The active tab, for `tab/estimate` (injects the content script there with activeTab). */
  activeTab?: () => Promise<{ id: number; url: string } | null>;
  injectContentScript?: (tabId: number) => Promise<void>;
  /** Injects the page reader (entrypoints/reader.ts) into one frame, when the content script's gate asks. */
  injectReader?: (tabId: number, frameId: number) => Promise<void>;
  /** Whether the user granted this origin for good ("always on this site"). */
  hasSiteAccess?: (host: string) => Promise<boolean>;
  /** Records of a staged import, held until commit (see data-io/staging.ts); one per background by default. */
  staging?: ImportStaging;
  /** Keeps the popup's cached totals in step (see summary-publisher.ts); none where there is no storage.session. */
  summaries?: SummaryPublisher;
}

/** Messages that may change the totals: the popup's cached totals go before them and come back after. */
const CHANGES_TOTALS: ReadonlySet<Message['type']> = new Set<Message['type']>([
  'orders/seen',
  'trips/seen',
  'purchase/undo',
  'purchase/add',
  'item/update',
  'item/delete',
  'purchase/delete',
  'data/import',
  'data/import-commit',
  'data/wipe',
]);

/** The background's staged import: lives as long as the service worker, like everything held in memory. */
const defaultStaging = new ImportStaging();

/** What the content script last saw per tab, for the popup and for stealth mode. */
const lastSeen = new Map<number, { kind: PageKind; product: Product | null; estimate: Estimate | null; url: string }>();

/** Purchases a tab's content script added recently: the only ones it may undo. */
const UNDO_WINDOW_MS = 10 * 60 * 1000;
const recentAdds = new Map<string, { tabId: number; at: number }>();

export type HandlerReply = ({ ok: true } & Replies[keyof Replies]) | { ok: false; error: string };

export async function handleMessage(ctx: HandlerContext, raw: unknown, sender: SenderInfo): Promise<HandlerReply> {
  const role = senderRole(sender, ctx.extensionId, ctx.extensionOrigin);
  let msg: Message;
  try {
    msg = parseMessage(raw, role);
  } catch (err) {
    return { ok: false, error: err instanceof InvalidPayload ? err.message : 'invalid message' };
  }
  const changes = ctx.summaries && CHANGES_TOTALS.has(msg.type) ? ctx.summaries : null;
  try {
    await changes?.writing();
    return { ok: true, ...(await dispatchReopening(ctx, msg, sender)) } as HandlerReply;
  } catch (err) {
    if (err instanceof UserError) return { ok: false, error: err.message };
    ctx.pending?.recordError(err);
    const name = (err as { name?: string }).name ?? 'Error';
    return { ok: false, error: `${name}: ${(err as Error).message ?? 'failed'}` };
  } finally {
    // Done or failed, the totals are computed again: a popup opened right after sees this write.
    await changes?.changed();
  }
}

/**
 * A database closed under us (another tab's upgrade, `versionchange`, a woken service worker) is opened
 * again and the request tried once more: the writes are keyed, so a repeat is harmless.
 */
async function dispatchReopening(ctx: HandlerContext, msg: Message, sender: SenderInfo): Promise<Replies[keyof Replies]> {
  try {
    return await dispatch(ctx, msg, sender);
  } catch (err) {
    if ((err as { name?: string }).name !== 'DatabaseClosedError') throw err;
    await ctx.db.open();
    return dispatch(ctx, msg, sender);
  }
}

async function dispatch(ctx: HandlerContext, msg: Message, sender: SenderInfo): Promise<Replies[keyof Replies]> {
  const { db } = ctx;
  switch (msg.type) {
    case 'page/seen': {
      const settings = await getSettings(db);
      if (msg.kind !== 'product' || !msg.product) return { estimate: null, showBadge: false };
      const p = msg.product;
      const host = hostOf(sender.url);
      const estimate = ctx.estimate(productInput(p, host));
      if (host) await rememberViewed(db, host, p, estimate.category, ctx.now(), settings.viewedRetentionDays);
      const tabId = sender.tab?.id;
      if (tabId !== undefined) lastSeen.set(tabId, { kind: msg.kind, product: p, estimate, url: sender.url ?? '' });
      if (tabId !== undefined && ctx.setToolbar) {
        ctx.setToolbar(tabId, estimate.kg === null ? '?' : shortKg(estimate.kg), estimate.kg === null ? 'Footprint unknown' : `About ${shortKg(estimate.kg)} kg CO2e`);
      }
      return { estimate, showBadge: settings.badgeMode === 'page' };
    }
    case 'orders/seen': {
      const settings = await getSettings(db);
      const host = hostOf(sender.url) ?? '';
      const blocked = captureBlocked(settings, sender, host);
      if (blocked) return { results: msg.orders.map(() => ({ status: 'skipped' as const, purchaseId: null, kg: null, reason: blocked })) };
      const results = [];
      const viewed = await db.viewed.where('seenAt').above(ctx.now() - settings.viewedRetentionDays * 86_400_000).toArray();
      for (const order of msg.orders) {
        const estimates = order.items.map((it) => estimateItem(ctx, it, order, host, matchViewed(viewed, host, it.title)));
        results.push(await recordOnce(ctx, sender, host, order, estimates));
      }
      return { results };
    }
    case 'trips/seen': {
      const host = hostOf(sender.url) ?? '';
      const blocked = captureBlocked(await getSettings(db), sender, host);
      if (blocked) return { results: [{ status: 'skipped', purchaseId: null, kg: null, reason: blocked }] };
      const order = tripsAsOrder(msg.trips);
      const estimates = msg.trips.map((t) => scaled(flightEstimate(t.from, t.to, t.cabin ?? 'economy'), t.passengers));
      return { results: [await recordOnce(ctx, sender, host, order, estimates)] };
    }
    case 'purchase/undo': {
      const recent = recentAdds.get(msg.purchaseId);
      if (!recent || recent.tabId !== sender.tab?.id || ctx.now() - recent.at > UNDO_WINDOW_MS) return { removed: false };
      recentAdds.delete(msg.purchaseId);
      return { removed: await deletePurchase(db, msg.purchaseId) };
    }
    case 'reader/load': {
      // senderRole admits only a top-level frame of a tab, so the reader goes exactly where the gate runs.
      const tabId = sender.tab?.id;
      if (tabId === undefined || !ctx.injectReader) throw new UserError('no tab to load the page reader into');
      await ctx.injectReader(tabId, sender.frameId ?? 0);
      return { loaded: true };
    }
    case 'summary/get': {
      const since = ctx.summaries?.mark();
      const today = ctx.today();
      const reply = await summaryWithCount(db, today);
      if (since !== undefined) void ctx.summaries!.computed({ today, reply }, since);
      return reply;
    }
    case 'purchases/list':
      return { purchases: await listPurchases(db, msg.offset, msg.limit) };
    case 'purchases/query':
      return queryPurchases(db, msg.query);
    case 'purchase/add':
      return { purchase: await addManualPurchase(db, msg.purchase, ctx.estimate, ctx.now()) };
    case 'item/update':
      return { purchase: await updateItem(db, msg.itemId, msg.patch, ctx.estimate, ctx.now()) };
    case 'item/delete':
      return { purchase: await deleteItem(db, msg.itemId, ctx.now()) };
    case 'categories/list':
      return { categories: categoryList() };
    case 'status/get':
      return { status: ctx.pending?.status() ?? { pendingWrites: 0, lastError: null } };
    case 'tab/estimate':
      return tabEstimate(ctx);
    case 'viewed/list':
      return { viewed: await db.viewed.orderBy('seenAt').reverse().limit(500).toArray() };
    case 'viewed/clear': {
      const cleared = await db.viewed.count();
      await db.viewed.clear();
      return { cleared };
    }
    case 'data/export-start':
      return exportStart(db, ctx.now());
    case 'data/export-page':
      return piped(await exportPage(db, msg.after, msg.limit), msg.pipe);
    case 'data/export-csv-page':
      return piped(await csvPage(db, msg.after, msg.limit), msg.pipe);
    case 'data/import-begin':
      return { importId: await staged(ctx, (s) => s.begin(msg.start ?? null, msg.pipe)) };
    case 'data/import-file':
      return { counts: await staged(ctx, (s) => s.file(msg.importId, msg.pipe.seq)) };
    case 'data/import-chunk': {
      const rows = msg.pipe ? await staged(ctx, (s) => s.piped(msg.importId, msg.pipe.seq)) : msg.rows;
      return { staged: await staged(ctx, (s) => s.chunk(msg.importId, msg.table, msg.start, rows)) };
    }
    case 'data/import-check': {
      const preview = await previewImport(db, await staged(ctx, (s) => s.plan(msg.importId)), { now: ctx.now() });
      if (!preview.ok) {
        (ctx.staging ?? defaultStaging).drop(msg.importId);
        throw new UserError(preview.error);
      }
      return { preview };
    }
    case 'data/import-commit': {
      const s = ctx.staging ?? defaultStaging;
      const plan = await staged(ctx, (st) => st.plan(msg.importId));
      const result = await applyImport(db, plan, { now: ctx.now() });
      // Committed or refused, the held records are done with; a failed commit changed nothing.
      s.drop(msg.importId);
      if (!result.ok) throw new UserError(result.error);
      return { result };
    }
    case 'data/import-ping':
      return { alive: (ctx.staging ?? defaultStaging).alive(msg.importId) };
    case 'data/import-abort':
      return { aborted: (ctx.staging ?? defaultStaging).drop(msg.importId) };
    case 'data/import-preview': {
      const prepared = await prepare(db, msg.text, msg.passphrase ?? null, ctx.now());
      return { preview: prepared.preview };
    }
    case 'data/import': {
      const prepared = await prepare(db, msg.text, msg.passphrase ?? null, ctx.now());
      const result = await applyImport(db, prepared.plan, { now: ctx.now() });
      if (!result.ok) throw new UserError(result.error);
      return { result };
    }
    case 'data/wipe-preview':
      return { preview: await describeWipe(db) };
    case 'purchase/delete':
      return { removed: await deletePurchase(db, msg.id) };
    case 'settings/get':
      return { settings: await getSettings(db) };
    case 'settings/set':
      return { settings: await updateSettings(db, msg.patch) };
    case 'data/export':
      return { json: await exportJson(db, ctx.now()) };
    case 'data/wipe':
      await wipeAll(db);
      return { wiped: true };
  }
}

/** An order line, classified with the product page the user saw before buying when there is one. */
type RecordReply = Replies['orders/seen']['results'][number];

/** Why nothing may be recorded from this tab now, or null. */
function captureBlocked(settings: Settings, sender: SenderInfo, host: string): string | null {
  if (settings.capturePaused) return 'capture paused';
  if (settings.disabledShops.includes(shopKey(host))) return 'capture off for this shop';
  if (sender.tab?.incognito && !settings.recordInPrivate) return 'private window';
  return null;
}

/** Records one order once; a storage failure keeps it for retry under the same key. */
async function recordOnce(ctx: HandlerContext, sender: SenderInfo, host: string, order: Order, estimates: Estimate[]): Promise<RecordReply> {
  const input = { shop: host, order, estimates, source: 'page' as const, today: ctx.today(), now: ctx.now() };
  const key = buildRecords(input).purchase.id;
  let r: Awaited<ReturnType<typeof recordPurchase>>;
  try {
    r = await recordPurchase(ctx.db, input);
  } catch (err) {
    if (!ctx.pending || !isTransient(err)) throw err;
    // Kept and retried under the same key: a later success or a second report give one record.
    ctx.pending.keep(
      key,
      async () => {
        await recordPurchase(ctx.db, input);
        await ctx.summaries?.changed();
      },
      err,
    );
    return { status: 'pending', purchaseId: key, kg: null, reason: (err as Error).name };
  }
  if (r.status === 'added' && sender.tab?.id !== undefined) recentAdds.set(r.purchase.id, { tabId: sender.tab.id, at: ctx.now() });
  return { status: r.status, purchaseId: r.purchase.id, kg: r.purchase.itemCount > r.purchase.unknownItems ? r.purchase.kg : null };
}

/** A booking as an order: one line per leg, passengers as the quantity. */
function tripsAsOrder(trips: Trip[]): Order {
  const first = trips[0]!;
  return {
    orderId: first.bookingRef,
    date: first.date,
    currency: null,
    total: null,
    items: trips.map((t) => ({ title: `Flight ${t.from} → ${t.to}${t.cabin ? ` (${t.cabin.replace('-', ' ')})` : ''}`, quantity: t.passengers, price: null, currency: null })),
  };
}

function scaled(e: Estimate, n: number): Estimate {
  if (e.kg === null || n === 1) return e;
  return { ...e, kg: e.kg * n, low: (e.low ?? e.kg) * n, high: (e.high ?? e.kg) * n, inputs: { ...e.inputs, passengers: n } };
}

/** An error whose message is written for the user (import problems). */
class UserError extends Error {}

/** Runs a staging step; its failures are worded for the user. */
async function staged<T>(ctx: HandlerContext, step: (s: ImportStaging) => T | Promise<T>): Promise<T> {
  try {
    return await step(ctx.staging ?? defaultStaging);
  } catch (e) {
    if (e instanceof ImportFailure) throw new UserError(e.message);
    throw e;
  }
}

async function prepare(db: FootprintDB, text: string, passphrase: string | null, now: number) {
  let plainText = text;
  if (isEncryptedBackup(text)) {
    if (!passphrase) throw new UserError('This is an encrypted backup: enter its passphrase.');
    const d = await decryptBackup(text, passphrase);
    if (!d.ok) throw new UserError(d.error);
    plainText = d.text;
  }
  const prepared = await prepareImport(db, plainText, { now });
  if (!prepared.ok) throw new UserError(prepared.error);
  return prepared;
}

function categoryList(): Array<{ path: string; method: Estimate['method'] }> {
  const seen = new Map<string, Estimate['method']>();
  for (const r of Object.values(RULES) as Rule[]) {
    if (!seen.has(r.path)) seen.set(r.path, r.method === 'reference' ? 'product' : r.method);
  }
  return [...seen].map(([path, method]) => ({ path, method })).sort((a, b) => a.path.localeCompare(b.path));
}

/** The estimate for the active tab: what its content script reported, or inject it there (activeTab). */
async function tabEstimate(ctx: HandlerContext): Promise<Replies['tab/estimate']> {
  const tab = await ctx.activeTab?.();
  if (!tab) return { kind: null, product: null, estimate: null, reason: 'no active tab' };
  const site = await siteInfo(ctx, tab.url);
  const r = await tabReading(ctx, tab);
  return { ...r, ...site };
}

async function siteInfo(ctx: HandlerContext, url: string): Promise<Pick<Replies['tab/estimate'], 'host' | 'builtIn' | 'alwaysOn'>> {
  const host = /^https?:/.test(url) ? hostOf(url) : null;
  if (!host) return { host: null, builtIn: false, alwaysOn: false };
  const builtIn = isBuiltInHost(host);
  return { host, builtIn, alwaysOn: builtIn ? true : ((await ctx.hasSiteAccess?.(host).catch(() => false)) ?? false) };
}

async function tabReading(ctx: HandlerContext, tab: { id: number; url: string }): Promise<Replies['tab/estimate']> {
  let seen = lastSeen.get(tab.id);
  if ((!seen || seen.url !== tab.url) && ctx.injectContentScript && /^https?:/.test(tab.url)) {
    try {
      await ctx.injectContentScript(tab.id);
    } catch {
      return { kind: null, product: null, estimate: null, reason: 'this page cannot be read' };
    }
    for (let i = 0; i < 20 && (!lastSeen.get(tab.id) || lastSeen.get(tab.id)!.url !== tab.url); i++) await new Promise((r) => setTimeout(r, 100));
    seen = lastSeen.get(tab.id);
  }
  if (!seen || seen.url !== tab.url) return { kind: 'other', product: null, estimate: null, reason: 'no product on this page' };
  return { kind: seen.kind, product: seen.product, estimate: seen.estimate };
}

export function forgetTab(tabId: number): void {
  lastSeen.delete(tabId);
}

function estimateItem(ctx: HandlerContext, it: Order['items'][number], order: Order, host: string, seen: ViewedRecord | null): Estimate {
  return ctx.estimate({
    title: it.title,
    category: seen?.category ?? null,
    breadcrumbs: seen?.breadcrumbs ?? null,
    price: it.price,
    currency: it.currency ?? order.currency,
    quantity: it.quantity,
    date: order.date,
    site: host,
  });
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

export function shortKg(kg: number): string {
  if (kg < 10) return kg.toFixed(1);
  if (kg < 1000) return String(Math.round(kg));
  return `${(kg / 1000).toFixed(1)}t`;
}
