import type { StoreStatus } from '../messages/protocol';

/**
 * Writes that failed for a reason that may pass (quota exceeded, the database closed under a stopped
 * service worker, an upgrade blocked by another tab) are kept here and retried, never dropped. The popup
 * shows the count and the last error, and offers an export.
 */
export class PendingWrites {
  private readonly queue = new Map<string, () => Promise<void>>();
  private lastError: StoreStatus['lastError'] = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private delayMs: number;

  constructor(
    private readonly now: () => number,
    private readonly baseDelayMs = 2_000,
    private readonly maxDelayMs = 60_000,
  ) {
    this.delayMs = baseDelayMs;
  }

  status(): StoreStatus {
    return { pendingWrites: this.queue.size, lastError: this.lastError };
  }

  recordError(err: unknown): void {
    const e = err as { name?: string; message?: string };
    this.lastError = { at: this.now(), message: `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`.slice(0, 300) };
  }

  /** Keeps `write` under `key` (a later write with the same key replaces it) and schedules a retry. */
  keep(key: string, write: () => Promise<void>, err: unknown): void {
    this.recordError(err);
    this.queue.set(key, write);
    this.schedule();
  }

  has(key: string): boolean {
    return this.queue.has(key);
  }

  /** Tries every kept write once, in order; the ones that fail again stay. */
  async flush(): Promise<number> {
    let done = 0;
    for (const [key, write] of [...this.queue]) {
      try {
        await write();
        this.queue.delete(key);
        done++;
      } catch (err) {
        this.recordError(err);
      }
    }
    if (this.queue.size === 0) {
      this.delayMs = this.baseDelayMs;
    } else {
      this.delayMs = Math.min(this.delayMs * 2, this.maxDelayMs);
      this.schedule();
    }
    return done;
  }

  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
  }
}

/** Errors worth retrying: the write itself was fine, the storage was not available. */
export function isTransient(err: unknown): boolean {
  const name = (err as { name?: string })?.name ?? '';
  const inner = (err as { inner?: { name?: string } })?.inner?.name ?? '';
  return /QuotaExceeded|DatabaseClosed|InvalidState|TransactionInactive|Abort|Timeout|Blocked|Upgrade|UnknownError/.test(`${name} ${inner}`);
}
