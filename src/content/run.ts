import { createBadge, type BadgeHandle } from '../badge/badge';
import { quickShopCheck } from '../extract/quick-check';
import { readShopPage } from '../extract/read-page';
import type { ContentMessage, Replies } from '../messages/protocol';
import type { PageReading } from '../types';
import { looksLikeBookingConfirmation, readTrips } from '../flights/read-trips';

export type Send = <T extends ContentMessage['type']>(msg: Extract<ContentMessage, { type: T }>) => Promise<({ ok: true } & Replies[T]) | { ok: false; error: string }>;

const RESEND_PENDING_MS = 30_000;

export interface PageSession {
  badge: BadgeHandle | null;
  /** URL last handled, so a URL-change poll does not redo work. */
  lastUrl: string | null;
}

export function newSession(): PageSession {
  return { badge: null, lastUrl: null };
}

export interface RunOutcome {
  reading: PageReading | null;
  shown: 'estimate' | 'added' | 'none';
}

/** Reads the page and shows what it means; called at load and again whenever the URL changes. */
export async function runOnPage(doc: Document, url: string, send: Send, session: PageSession): Promise<RunOutcome> {
  session.lastUrl = url;
  session.badge?.remove();
  session.badge = null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { reading: null, shown: 'none' };
  }
  // Flight bookings first: airline pages carry no shop markup, and the check is two short regexes.
  if (looksLikeBookingConfirmation(doc)) {
    const trips = readTrips(doc);
    if (trips.length > 0) {
      const reply = await send({ type: 'trips/seen', trips });
      if (reply.ok && session.lastUrl === url) return showAdded(doc, send, session, reply.results, null);
      return { reading: null, shown: 'none' };
    }
  }
  if (!quickShopCheck(doc, parsed)) return { reading: null, shown: 'none' };
  const reading = readShopPage(doc, parsed);

  if (reading.kind === 'product' && reading.product) {
    const reply = await send({ type: 'page/seen', kind: 'product', product: reading.product });
    if (!reply.ok || !reply.showBadge || !reply.estimate || session.lastUrl !== url) return { reading, shown: 'none' };
    session.badge = createBadge(doc, { kind: 'estimate', estimate: reply.estimate });
    return { reading, shown: 'estimate' };
  }

  if (reading.kind === 'order') {
    const orders = reading.orders ?? (reading.order ? [reading.order] : []);
    const valid = orders.filter((o) => o.items.length > 0);
    if (valid.length === 0) return { reading, shown: 'none' };
    const reply = await send({ type: 'orders/seen', orders: valid });
    if (!reply.ok || session.lastUrl !== url) return { reading, shown: 'none' };
    if (reply.results.some((r) => r.status === 'pending')) {
      // The background keeps the write and retries; if its worker stops meanwhile, this page says it again.
      session.badge = createBadge(doc, { kind: 'message', text: 'This order could not be saved yet; Local Footprint will try again. Open its popup for details.' });
      setTimeout(() => {
        if (session.lastUrl === url) void send({ type: 'orders/seen', orders: valid });
      }, RESEND_PENDING_MS);
      return { reading, shown: 'none' };
    }
    return showAdded(doc, send, session, reply.results, reading);
  }
  return { reading, shown: 'none' };
}

type Results = Replies['orders/seen']['results'];

/** "Added to your footprint: 12 kg CO2e. Undo." — no modal, and undo only on a real click. */
function showAdded(doc: Document, send: Send, session: PageSession, results: Results, reading: PageReading | null): RunOutcome {
  const added = results.filter((r) => r.status === 'added');
  if (added.length === 0) return { reading, shown: 'none' };
  const known = added.filter((r) => r.kg !== null);
  const kg = known.length ? known.reduce((s, r) => s + (r.kg ?? 0), 0) : null;
  const badge = createBadge(doc, {
    kind: 'added',
    kg,
    onUndo: () => {
      void Promise.all(added.map((r) => send({ type: 'purchase/undo', purchaseId: r.purchaseId ?? '' }))).then((replies) => {
        if (replies.some((r) => r.ok && r.removed)) badge.update({ kind: 'undone' });
      });
    },
  });
  session.badge = badge;
  return { reading, shown: 'added' };
}
