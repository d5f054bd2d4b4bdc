import type { Transaction } from 'dexie';
import type { Estimate } from '../../types';
import { compactEstimate } from '../compact-estimate';
import { itemContext } from '../rederive';
import type { ItemRecord, PurchaseRecord, StoredPurchase } from '../records';
import { storedItem } from '../stored-purchase';

/** An item row as versions 1 and 2 stored it: its own record, with the whole estimate. */
type V2Item = Omit<ItemRecord, 'estimate'> & { estimate: Estimate };

/**
 * Schema version 3 (2026-11-28): 100k purchases in well under 1 kB each, and imports that write one
 * record per purchase.
 *
 * - Items move into their purchase (`StoredPurchase.items`); the `items` table and its `purchaseId` and
 *   `category` indexes go. Chromium's IndexedDB pays per record written far more than per byte, and item
 *   lookups by purchase were the only use of the table.
 * - Estimates are stored compact (`StoredEstimate`): figures plus what the data tables cannot give back.
 *   Nothing is lost: an estimate whose description a re-run cannot reproduce is kept whole, and user
 *   edits (quantity, price, category, the `edited` flag) are item fields, untouched.
 * - Indexes no query uses go: purchases' `shop` and `createdAt`, and `month` (a month is a range of the
 *   `date` index).
 *
 * Items whose purchase no longer exists were shown nowhere, counted nowhere and made exports unimportable;
 * they are not carried over.
 */
export const V3 = {
  version: 3,
  stores: {
    purchases: 'id, date, kg',
    items: null,
    viewed: 'id, seenAt',
    settings: 'key',
    months: 'month',
  },
  async upgrade(tx: Transaction): Promise<void> {
    const items = (await tx.table('items').toArray()) as V2Item[];
    const byPurchase = new Map<string, V2Item[]>();
    for (const it of items) {
      const list = byPurchase.get(it.purchaseId);
      if (list) list.push(it);
      else byPurchase.set(it.purchaseId, [it]);
    }
    await tx
      .table('purchases')
      .toCollection()
      .modify((p: PurchaseRecord & Partial<StoredPurchase>) => {
        const own = (byPurchase.get(p.id) ?? []).sort((a, b) => a.position - b.position);
        p.items = own.map((it) => storedItem({ ...it, estimate: compactEstimate(it.estimate, itemContext(p, it)) }));
      });
  },
} as const;
