import { browser } from 'wxt/browser';
import { SHOP_MATCH_PATTERNS } from '../src/shops/registry';
import { TRAVEL_MATCH_PATTERNS } from '../src/flights/sites';
import { newSession, runOnPage, type Send } from '../src/content/run';
import { ExtensionGone, sendWithRetry } from '../src/content/send';
import { plantLeak } from '../src/leak/planted';

export default defineContentScript({
  matches: [...SHOP_MATCH_PATTERNS, ...TRAVEL_MATCH_PATTERNS],
  runAt: 'document_idle',
  main(ctx) {
    // Injected again from the toolbar (activeTab) on a page where it already runs: one copy is enough.
    const flag = '__localFootprintRunning';
    const g = globalThis as unknown as Record<string, boolean>;
    if (g[flag]) return;
    g[flag] = true;
    // Compiled out of real builds: the privacy audit's negative control (test/e2e/audit.e2e.ts).
    plantLeak('content');
    const session = newSession();
    const send: Send = (msg) => sendWithRetry(() => browser.runtime.sendMessage(msg)) as never;
    const run = () => {
      if (ctx.isInvalid) return;
      runOnPage(document, location.href, send, session).catch((err: unknown) => {
        if (err instanceof ExtensionGone) session.badge?.remove();
      });
    };
    run();
    // Single-page shops change the URL without a load: re-read once per change, on WXT's throttled poll.
    ctx.addEventListener(window, 'wxt:locationchange', () => run());
    ctx.onInvalidated(() => session.badge?.remove());
  },
});
