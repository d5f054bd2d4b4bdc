import type { Product } from '../types';
import type { FootprintDB } from './db';
import { shopKey } from './keys';
import type { ViewedRecord } from './records';

const DAY_MS = 86_400_000;
/** Enough to cover a shopping session or two; older ones go first. */
const MAX_VIEWED = 500;

export function normalizeTitle(t: string): string {
  return t.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Remembers a product the user looked at, so an order line that lacks a category can be classified. */
export async function rememberViewed(db: FootprintDB, host: string, p: Product, category: string | null, now: number, retentionDays: number): Promise<void> {
  if (retentionDays <= 0 || !p.title) return;
  const shop = shopKey(host);
  const rec: ViewedRecord = {
    id: `${shop}|${p.sku ?? normalizeTitle(p.title)}`,
    host: shop,
    title: p.title,
    category,
    breadcrumbs: p.breadcrumbs,
    price: p.price,
    currency: p.currency,
    seenAt: now,
  };
  await db.transaction('rw', db.viewed, async () => {
    await db.viewed.put(rec);
    await db.viewed.where('seenAt').below(now - retentionDays * DAY_MS).delete();
    const n = await db.viewed.count();
    if (n > MAX_VIEWED) {
      const oldest = await db.viewed.orderBy('seenAt').limit(n - MAX_VIEWED).primaryKeys();
      await db.viewed.bulkDelete(oldest);
    }
  });
}

/**
 * The viewed product an order line most likely is: same shop, and one title starting with the other
 * (order pages often cut titles short). Null when nothing matches well enough.
 */
export function matchViewed(viewed: readonly ViewedRecord[], host: string, title: string): ViewedRecord | null {
  const shop = shopKey(host);
  const t = normalizeTitle(title);
  if (t.length < 8) return null;
  let best: ViewedRecord | null = null;
  let bestLen = 0;
  for (const v of viewed) {
    if (v.host !== shop) continue;
    const vt = normalizeTitle(v.title);
    const shorter = Math.min(vt.length, t.length);
    if (shorter < 8) continue;
    if ((vt.startsWith(t.slice(0, shorter)) || t.startsWith(vt.slice(0, shorter))) && shorter > bestLen) {
      best = v;
      bestLen = shorter;
    }
  }
  return best;
}
