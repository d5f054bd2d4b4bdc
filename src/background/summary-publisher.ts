import type { CachedSummary } from '../popup/summary-cache';

/**
 * Keeps the popup's cached totals (`popup/summary-cache.ts`) in step with the database: `writing()`
 * before a change removes them, `changed()` after it computes and stores them again. Publications run
 * one at a time, each computing when its turn comes, so the last one stored is computed after the last
 * write; a summary computed for a reader (`computed`) is stored only if no write began since.
 */
export class SummaryPublisher {
  private chain: Promise<void> = Promise.resolve();
  private writes = 0;

  constructor(
    private readonly store: (value: CachedSummary | null) => Promise<void>,
    private readonly compute: () => Promise<CachedSummary>,
  ) {}

  /** Before a write: the cached totals go (a write that fails half-way leaves none, not stale ones). */
  writing(): Promise<void> {
    this.writes++;
    return this.enqueue(() => this.store(null));
  }

  /** After a write, done or failed: the totals are computed again and stored. */
  changed(): Promise<void> {
    return this.enqueue(async () => this.store(await this.compute()));
  }

  /** A summary just computed for the popup; `since` is `mark()` taken before computing it. */
  computed(value: CachedSummary, since: number): Promise<void> {
    return this.enqueue(async () => {
      if (this.writes === since) await this.store(value);
    });
  }

  mark(): number {
    return this.writes;
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    // A failed store is not the caller's failure: the popup then asks the background, as without a cache.
    this.chain = this.chain.then(step).catch(() => {});
    return this.chain;
  }
}

