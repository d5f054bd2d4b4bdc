import type { FootprintDB } from '../store/db';
import { shopKey } from '../store/keys';
import type { Message, Replies } from '../messages/protocol';
import { parseMessage } from '../messages/parse';
import { senderRole, type SenderInfo } from '../messages/senders';
import { InvalidPayload } from '../messages/validate';
import { counts, deletePurchase, listPurchases, recordPurchase, summarize, wipeAll } from '../store/purchases';
import { getSettings, updateSettings } from '../store/settings';
import { exportJson } from '../store/export';
import { productInput } from './product-input';
import { matchViewed, rememberViewed } from '../store/viewed';
import type { ViewedRecord } from '../store/records';
import type { Estimate, EstimateInput, Order } from '../types';

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
}

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
  try {
    return { ok: true, ...(await dispatch(ctx, msg, sender)) } as HandlerReply;
  } catch (err) {
    const name = (err as { name?: string }).name ?? 'Error';
    return { ok: false, error: `${name}: ${(err as Error).message ?? 'failed'}` };
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
      if (tabId !== undefined && ctx.setToolbar) {
        ctx.setToolbar(tabId, estimate.kg === null ? '?' : shortKg(estimate.kg), estimate.kg === null ? 'Footprint unknown' : `About ${shortKg(estimate.kg)} kg CO2e`);
      }
      return { estimate, showBadge: settings.badgeMode === 'page' };
    }
    case 'orders/seen': {
      const settings = await getSettings(db);
      const host = hostOf(sender.url) ?? '';
      const shop = shopKey(host);
      const skip = (reason: string) => ({ results: msg.orders.map(() => ({ status: 'skipped' as const, purchaseId: null, kg: null, reason })) });
      if (settings.capturePaused) return skip('capture paused');
      if (settings.disabledShops.includes(shop)) return skip('capture off for this shop');
      if (sender.tab?.incognito && !settings.recordInPrivate) return skip('private window');
      const results = [];
      const viewed = await db.viewed.where('seenAt').above(ctx.now() - settings.viewedRetentionDays * 86_400_000).toArray();
      for (const order of msg.orders) {
        const estimates = order.items.map((it) => estimateItem(ctx, it, order, host, matchViewed(viewed, host, it.title)));
        const r = await recordPurchase(db, { shop: host, order, estimates, source: 'page', today: ctx.today(), now: ctx.now() });
        if (r.status === 'added' && sender.tab?.id !== undefined) recentAdds.set(r.purchase.id, { tabId: sender.tab.id, at: ctx.now() });
        results.push({ status: r.status, purchaseId: r.purchase.id, kg: r.purchase.itemCount > r.purchase.unknownItems ? r.purchase.kg : null });
      }
      return { results };
    }
    case 'purchase/undo': {
      const recent = recentAdds.get(msg.purchaseId);
      if (!recent || recent.tabId !== sender.tab?.id || ctx.now() - recent.at > UNDO_WINDOW_MS) return { removed: false };
      recentAdds.delete(msg.purchaseId);
      return { removed: await deletePurchase(db, msg.purchaseId) };
    }
    case 'summary/get': {
      const [summary, c] = await Promise.all([summarize(db, ctx.today()), counts(db)]);
      return { summary, count: c.purchases };
    }
    case 'purchases/list':
      return { purchases: await listPurchases(db, msg.offset, msg.limit) };
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
