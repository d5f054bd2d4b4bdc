import { browser } from 'wxt/browser';
import { SHOP_MATCH_PATTERNS } from '../src/shops/registry';
import { newSession, runOnPage, type Send } from '../src/content/run';
import { ExtensionGone, sendWithRetry } from '../src/content/send';

export default defineContentScript({
  matches: [...SHOP_MATCH_PATTERNS],
  runAt: 'document_idle',
  main(ctx) {
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
