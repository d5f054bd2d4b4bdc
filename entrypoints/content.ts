import { browser } from 'wxt/browser';
import { SHOP_MATCH_PATTERNS } from '../src/shops/hosts';
import { TRAVEL_MATCH_PATTERNS } from '../src/flights/sites';
import { readerWanted } from '../src/content/gate';
import { loadedReader, type Reader } from '../src/content/reader-hook';
import { ExtensionGone, sendWithRetry } from '../src/content/send';
import type { PageSession, Send } from '../src/content/run';
import { plantLeak } from '../src/leak/planted';

/**
 * The declared content script is only the gate (src/content/gate.ts): on most shop pages it is all that
 * runs. When the page may hold a product, an order or a booking, the background injects the page reader
 * (entrypoints/reader.ts) into this same isolated world, and the gate hands the page to it.
 */
export default defineContentScript({
  matches: [...SHOP_MATCH_PATTERNS, ...TRAVEL_MATCH_PATTERNS],
  runAt: 'document_idle',
  main(ctx) {
    // Injected again from the toolbar (activeTab) on a page where it already runs: one copy is enough, but
    // the user asked about this page, so it is read even if the gate had found nothing for the reader.
    const flag = '__localFootprintRunning';
    const g = globalThis as unknown as Record<string, (() => void) | undefined>;
    if (g[flag]) {
      g[flag]();
      return;
    }
    // Compiled out of real builds: the privacy audit's negative control (test/e2e/audit.e2e.ts).
    plantLeak('content');
    const session: PageSession = { badge: null, lastUrl: null };
    const send: Send = (msg) => sendWithRetry(() => browser.runtime.sendMessage(msg)) as never;
    let loading: Promise<Reader | null> | null = null;
    const load = (): Promise<Reader | null> =>
      (loading ??= send({ type: 'reader/load' }).then((reply) => (reply.ok ? loadedReader() : null)));
    const run = async (asked: boolean) => {
      if (ctx.isInvalid) return;
      const url = location.href;
      let reader = loadedReader();
      if (!reader) {
        if (!asked && !readerWanted(document, url)) return;
        reader = await load();
        if (!reader || ctx.isInvalid || location.href !== url) return;
      }
      await reader.runOnPage(document, url, send, session);
    };
    const go = (asked = false) =>
      void run(asked).catch((err: unknown) => {
        if (err instanceof ExtensionGone) session.badge?.remove();
        loading = null;
      });
    g[flag] = () => go(true);
    go();
    // Single-page shops change the URL without a load: re-read once per change, on WXT's throttled poll.
    ctx.addEventListener(window, 'wxt:locationchange', () => go());
    ctx.onInvalidated(() => session.badge?.remove());
  },
});
