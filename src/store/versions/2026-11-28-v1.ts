/**
 * Schema version 1 (2026-11-28). Never edit a released version: add a new dated module with
 * `version(n + 1)` and an upgrade function, and a test that opens a seeded copy of every earlier version.
 */
export const V1 = {
  version: 1,
  stores: {
    purchases: 'id, date, month, shop, createdAt',
    items: 'id, purchaseId, category',
    viewed: 'id, seenAt',
    settings: 'key',
    months: 'month',
  },
} as const;
