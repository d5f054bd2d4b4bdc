import type { Transaction } from 'dexie';

/**
 * Schema version 2 (2026-11-28): purchases get an index on `kg`, so history can be sorted by footprint
 * without reading every purchase. No data changes shape; the upgrade only backfills `kg` where an
 * older record lacks it (it never did in v1, but imports from hand-edited files might).
 */
export const V2 = {
  version: 2,
  stores: {
    purchases: 'id, date, month, shop, createdAt, kg',
    items: 'id, purchaseId, category',
    viewed: 'id, seenAt',
    settings: 'key',
    months: 'month',
  },
  async upgrade(tx: Transaction): Promise<void> {
    await tx
      .table('purchases')
      .toCollection()
      .modify((p: { kg?: unknown }) => {
        if (typeof p.kg !== 'number' || !Number.isFinite(p.kg)) p.kg = 0;
      });
  },
} as const;
