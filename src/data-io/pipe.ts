/**
 * A bulk lane from the background to an extension page for the paged export: the page's request and the
 * background's reply stay typed runtime messages (sender checks, errors), and only the page's text travels
 * on a `BroadcastChannel` the page named.
 *
 * Why: `runtime.sendMessage` serialises a reply and routes it through the browser process; at 100,000
 * purchases (44 MB of rows) that channel alone cost ~1.4 s of a 3–4 s export on the bench machine. A
 * `BroadcastChannel` hands the string over by structured clone, a copy. It reaches only contexts of the
 * extension's own origin (its pages and its background): a content script runs in the shop's origin and
 * cannot open it, and the name is random per export, so two exports in two tabs never mix.
 */

export const PIPE_PREFIX = 'lf-pipe-';
const PIPE_NAME = /^lf-pipe-[0-9a-f]{32}$/;

/** Where a piped reply's text goes: the channel's name and the request's number on it. */
export interface PipeTarget {
  name: string;
  seq: number;
}

interface PipeMessage {
  seq: number;
  text: string;
}

export function isPipeName(v: unknown): v is string {
  return typeof v === 'string' && PIPE_NAME.test(v);
}

/** Whether this context can pipe (every browser we ship to; some test environments cannot). */
export function canPipe(): boolean {
  return typeof BroadcastChannel === 'function';
}

function randomName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return PIPE_PREFIX + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The background's end: posts one reply's text and lets go of the channel. */
export function postOnPipe(to: PipeTarget, text: string): void {
  const channel = new BroadcastChannel(to.name);
  try {
    channel.postMessage({ seq: to.seq, text } satisfies PipeMessage);
  } finally {
    channel.close();
  }
}

/**
 * The page's end: opened before the first request, so nothing posted can be missed. Texts are taken by
 * their request number, whether they arrive before or after the request's reply.
 */
export class PipeReader {
  readonly name = randomName();
  private readonly channel = new BroadcastChannel(this.name);
  private readonly arrived = new Map<number, string>();
  private readonly waiting = new Map<number, (text: string) => void>();

  constructor() {
    this.channel.onmessage = (e: MessageEvent<unknown>) => {
      const m = e.data as Partial<PipeMessage> | null;
      if (!m || typeof m.seq !== 'number' || typeof m.text !== 'string') return;
      const waiter = this.waiting.get(m.seq);
      if (waiter) {
        this.waiting.delete(m.seq);
        waiter(m.text);
      } else this.arrived.set(m.seq, m.text);
    };
  }

  /**
   * The text of request `seq`, once its reply said it was posted. The background posts before it
   * replies, so the text is already on its way; `timeoutMs` only guards against a lost post.
   */
  take(seq: number, timeoutMs = 30_000): Promise<string> {
    const ready = this.arrived.get(seq);
    if (ready !== undefined) {
      this.arrived.delete(seq);
      return Promise.resolve(ready);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(seq);
        reject(new Error('The export was interrupted (the extension background stopped). Nothing was saved: try again.'));
      }, timeoutMs);
      this.waiting.set(seq, (text) => {
        clearTimeout(timer);
        resolve(text);
      });
    });
  }

  close(): void {
    this.channel.close();
    this.arrived.clear();
    this.waiting.clear();
  }
}
