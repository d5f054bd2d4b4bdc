import type { ItemPatch, ManualPurchase } from '../messages/protocol';
import type { Estimate, EstimateInput } from '../types';
import { compactEstimate } from './compact-estimate';
import type { FootprintDB } from './db';
import { itemContext } from './rederive';
import type { StoredItem, StoredPurchase } from './records';
import { buildRecords, totalsOf } from './purchases';
import { applyToRollup } from './rollups';
import { nest, splitItemId } from './stored-purchase';
import { viewOf, type PurchaseWithItems } from './views';

export type Estimator = (input: EstimateInput) => Estimate;

function itemInput(it: Pick<StoredItem, 'title' | 'quantity' | 'price' | 'currency'>, category: string | null, p: StoredPurchase): EstimateInput {
  return {
    title: it.title,
    category,
    price: it.price,
    currency: it.currency,
    quantity: it.quantity,
    date: p.date,
    site: p.shop === 'manual' ? null : p.shop,
  };
}

/** The purchase holding an item, and the item's index in it; throws the user-facing errors. */
async function locate(db: FootprintDB, id: string): Promise<{ purchase: StoredPurchase; index: number }> {
  const parts = splitItemId(id);
  const purchase = parts ? await db.purchases.get(parts.purchaseId) : undefined;
  const index = purchase ? purchase.items.findIndex((it) => it.position === parts!.position) : -1;
  if (!purchase || index < 0) throw new Error('No such item.');
  return { purchase, index };
}

/**
 * Changes an item's category, quantity or price, estimates it again and remembers it was edited. The
 * purchase's totals and its month are updated in the same transaction.
 */
export async function updateItem(db: FootprintDB, itemId: string, patch: ItemPatch, estimate: Estimator, now: number): Promise<PurchaseWithItems> {
  return db.transaction('rw', [...db.purchases.tables, db.months], async () => {
    const { purchase, index } = await locate(db, itemId);
    const item = purchase.items[index]!;
    const next: StoredItem = { ...item, edited: true };
    if (patch.quantity !== undefined) next.quantity = patch.quantity;
    if (patch.price !== undefined) next.price = patch.price;
    if (patch.currency !== undefined) next.currency = patch.currency;
    const category = patch.category !== undefined ? patch.category : item.category || null;
    const e = estimate(itemInput(next, category, purchase));
    next.estimate = compactEstimate(e, itemContext(purchase, next));
    next.category = e.category ?? '';

    const items = purchase.items.map((it, i) => (i === index ? next : it));
    const updated: StoredPurchase = { ...purchase, ...totalsOf(items), items, updatedAt: now };
    await applyToRollup(db, purchase, -1);
    await db.purchases.put(updated);
    await applyToRollup(db, updated, 1);
    return viewOf(updated);
  });
}

/** Deletes one item; a purchase left with no items is deleted with it (then the answer is null). */
export async function deleteItem(db: FootprintDB, itemId: string, now: number): Promise<PurchaseWithItems | null> {
  return db.transaction('rw', [...db.purchases.tables, db.months], async () => {
    const { purchase, index } = await locate(db, itemId);
    await applyToRollup(db, purchase, -1);
    const items = purchase.items.filter((_, i) => i !== index);
    if (items.length === 0) {
      await db.purchases.delete(purchase.id);
      return null;
    }
    const updated: StoredPurchase = { ...purchase, ...totalsOf(items), items, updatedAt: now };
    await db.purchases.put(updated);
    await applyToRollup(db, updated, 1);
    return viewOf(updated);
  });
}

/** A purchase added by hand: estimated like any other, with the category the user chose if any. */
export async function addManualPurchase(db: FootprintDB, m: ManualPurchase, estimate: Estimator, now: number): Promise<PurchaseWithItems> {
  const order = {
    orderId: null,
    date: m.date,
    currency: m.currency,
    total: m.price === null ? null : m.price * m.quantity,
    items: [{ title: m.title, quantity: m.quantity, price: m.price, currency: m.currency }],
  };
  const e = estimate({ title: m.title, category: m.category, price: m.price, currency: m.currency, quantity: m.quantity, date: m.date, site: null });
  const { purchase, items } = buildRecords({ shop: m.shop ?? 'manual', order, estimates: [e], source: 'manual', today: m.date, now });
  if (m.shop) {
    purchase.shop = m.shop;
    // Compacted again against the purchase as stored, which is what the display re-derives from.
    items[0]!.estimate = compactEstimate(e, itemContext(purchase, items[0]!));
  }
  const stored = nest(purchase, items);
  await db.transaction('rw', [...db.purchases.tables, db.months], async () => {
    await db.purchases.add(stored);
    await applyToRollup(db, stored, 1);
  });
  return viewOf(stored);
}
