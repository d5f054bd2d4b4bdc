/**
 * A bulk lane between an extension page and the background for the paged export and the staged import:
 * requests and replies stay typed runtime messages (sender checks, errors), and only the big texts travel
 * on a `BroadcastChannel` the page named, each under the number of the message it belongs to.
 *
 * Why: `runtime.sendMessage` serialises a message and routes it through the browser process; at 100,000
 * purchases (44 MB of rows) that channel alone cost ~1.4 s of a 3–4 s export on the bench machine. A
 * `BroadcastChannel` hands the string over by structured clone, a copy. It reaches only contexts of the
 * extension's own origin (its pages and its background): a content script runs in the shop's origin and
 * cannot open it, and the name is random per export or import, so two of them in two tabs never mix.
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
  texts: string[];
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

/** Posts one message's texts and lets go of the channel (the background's end of an export). */
export function postOnPipe(to: PipeTarget, texts: string[]): void {
  const channel = new BroadcastChannel(to.name);
  try {
    channel.postMessage({ seq: to.seq, texts } satisfies PipeMessage);
  } finally {
    channel.close();
  }
}

/** The sending end for many texts (the page's end of an import). */
export class PipeWriter {
  readonly name = randomName();
  private readonly channel = new BroadcastChannel(this.name);

  post(seq: number, texts: string[]): PipeTarget {
    this.channel.postMessage({ seq, texts } satisfies PipeMessage);
    return { name: this.name, seq };
  }

  close(): void {
    this.channel.close();
  }
}

export const EXPORT_LOST = 'The export was interrupted (the extension background stopped). Nothing was saved: try again.';

/**
 * The receiving end, opened before the first message that announces a text, so nothing posted can be
 * missed: texts are taken by their number, whether they arrive before or after their message.
 */
export class PipeReader {
  readonly name: string;
  private readonly channel: BroadcastChannel;
  private readonly arrived = new Map<number, string[]>();
  private readonly waiting = new Map<number, (texts: string[]) => void>();

  /** A new channel, or the one `name` the other end opened; `lost` is the error when a text never comes. */
  constructor(name: string = randomName(), private readonly lost = EXPORT_LOST) {
    this.name = name;
    this.channel = new BroadcastChannel(name);
    this.channel.onmessage = (e: MessageEvent<unknown>) => {
      const m = e.data as Partial<PipeMessage> | null;
      if (!m || typeof m.seq !== 'number' || !Array.isArray(m.texts) || !m.texts.every((t) => typeof t === 'string')) return;
      const waiter = this.waiting.get(m.seq);
      if (waiter) {
        this.waiting.delete(m.seq);
        waiter(m.texts);
      } else this.arrived.set(m.seq, m.texts);
    };
  }

  /**
   * Text number `seq`, once its message said it was posted. The other end posts before it sends that
   * message, so the text is already on its way; `timeoutMs` only guards against a lost post.
   */
  take(seq: number, timeoutMs = 30_000): Promise<string[]> {
    const ready = this.arrived.get(seq);
    if (ready !== undefined) {
      this.arrived.delete(seq);
      return Promise.resolve(ready);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(seq);
        reject(new Error(this.lost));
      }, timeoutMs);
      this.waiting.set(seq, (texts) => {
        clearTimeout(timer);
        resolve(texts);
      });
    });
  }

  close(): void {
    this.channel.close();
    this.arrived.clear();
    this.waiting.clear();
  }
}
