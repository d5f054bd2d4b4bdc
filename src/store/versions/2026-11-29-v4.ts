import type { Transaction } from 'dexie';
import { packPurchases } from '../packs';
import type { StoredPurchase } from '../records';

/**
 * Schema version 4 (2026-11-29): purchases packed, one record per date (`packs.ts`), so that an import of
 * 100k purchases writes ~2,000 records instead of 100k: Chromium's IndexedDB pays per record, and one
 * record per purchase kept that import above 13 s whatever else was done.
 *
 * The `purchases` table and its `date` and `kg` indexes go: dates are the `days` keys, and the sort by
 * footprint reads the kg figures kept per shard in `kgs`. Every purchase is carried over as it was.
 */
export const V4 = {
  version: 4,
  stores: {
    purchases: null,
    days: 'd',
    idx: 's',
    kgs: 's',
    tally: 'k',
    viewed: 'id, seenAt',
    settings: 'key',
    months: 'month',
  },
  async upgrade(tx: Transaction): Promise<void> {
    // Read through the row codec (db.ts), so this gets `StoredPurchase`s whatever version wrote them.
    const purchases = (await tx.table('purchases').toArray()) as StoredPurchase[];
    const { days, shards, kgs, tally } = packPurchases(purchases);
    await Promise.all([tx.table('days').bulkAdd(days), tx.table('idx').bulkAdd(shards), tx.table('kgs').bulkAdd(kgs), tx.table('tally').add(tally)]);
  },
} as const;
