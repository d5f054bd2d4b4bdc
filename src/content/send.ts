/**
 * Sends a message to the background with retries: an MV3 service worker may be stopped or starting, and
 * then the first send fails with "Receiving end does not exist". Retries are safe because every write is
 * keyed (the same order gives the same purchase key). When the extension was updated or reloaded, this
 * content script is orphaned: it stops quietly instead of throwing into the page's console.
 */
export class ExtensionGone extends Error {}

const RETRY_DELAYS_MS = [100, 400, 1200, 3000];

export async function sendWithRetry<T>(send: () => Promise<T>, sleep = defaultSleep): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
    try {
      return await send();
    } catch (err) {
      const text = String((err as Error)?.message ?? err);
      if (/context invalidated|Extension context|extension was (reloaded|updated)/i.test(text)) throw new ExtensionGone(text);
      lastError = err;
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) break;
      await sleep(delay);
    }
  }
  throw lastError;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
