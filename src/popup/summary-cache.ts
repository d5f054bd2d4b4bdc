import type { Replies } from '../messages/protocol';

/**
 * The popup's totals as the background last computed them, kept in `storage.session` (memory only, this
 * browser session, extension pages only) so that the popup draws them without waiting for the service
 * worker: after ~30 s idle the browser stops it, and starting it and opening the database took the
 * popup's totals from ~100 to 130–180 ms at 100k purchases. The popup still asks the background, and its
 * answer replaces these.
 *
 * The background writes it after every change to the totals and removes it before, so a write that fails
 * half-way leaves no stale totals, only none (see `background/summary-publisher.ts`).
 */
export const SUMMARY_KEY = 'summary';

export interface CachedSummary {
  /** The day the totals were computed for ("this month" and "this year" depend on it). */
  today: string;
  reply: Replies['summary/get'];
}

/** The cached answer when it is one and was computed for `today`; otherwise null. */
export function cachedFor(value: unknown, today: string): Replies['summary/get'] | null {
  if (typeof value !== 'object' || value === null) return null;
  const c = value as Partial<CachedSummary>;
  const r = c.reply as Partial<Replies['summary/get']> | undefined;
  if (c.today !== today || !r || typeof r.count !== 'number' || typeof r.summary !== 'object' || r.summary === null) return null;
  const s = r.summary as Partial<Replies['summary/get']['summary']>;
  if (!s.allTime || !s.thisMonth || !s.thisYear || !Array.isArray(s.months) || !Array.isArray(s.byCategory)) return null;
  return r as Replies['summary/get'];
}
