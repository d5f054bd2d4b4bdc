import type { ItemPatch, ManualPurchase } from '../messages/protocol';
import type { Estimate, EstimateInput } from '../types';
import type { FootprintDB } from './db';
import type { ItemRecord, PurchaseRecord } from './records';
import { buildRecords, totalsOf, type PurchaseWithItems } from './purchases';
import { purchaseWithItems } from './query';
import { applyToRollup } from './rollups';

export type Estimator = (input: EstimateInput) => Estimate;

function itemInput(it: Pick<ItemRecord, 'title' | 'quantity' | 'price' | 'currency'>, category: string | null, p: PurchaseRecord): EstimateInput {
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

/**
 * Changes an item's category, quantity or price, estimates it again and remembers it was edited. The
 * purchase's totals and its month are updated in the same transaction.
 */
export async function updateItem(db: FootprintDB, itemId: string, patch: ItemPatch, estimate: Estimator, now: number): Promise<PurchaseWithItems> {
  await db.transaction('rw', db.purchases, db.items, db.months, async () => {
    const item = await db.items.get(itemId);
    if (!item) throw new Error('No such item.');
    const purchase = await db.purchases.get(item.purchaseId);
    if (!purchase) throw new Error('The item has no purchase.');
    const items = await db.items.where('purchaseId').equals(purchase.id).toArray();
    await applyToRollup(db, purchase, items, -1);

    const next: ItemRecord = { ...item, edited: true };
    if (patch.quantity !== undefined) next.quantity = patch.quantity;
    if (patch.price !== undefined) next.price = patch.price;
    if (patch.currency !== undefined) next.currency = patch.currency;
    const category = patch.category !== undefined ? patch.category : item.category || null;
    next.estimate = estimate(itemInput(next, category, purchase));
    next.category = next.estimate.category ?? '';

    const nextItems = items.map((i) => (i.id === itemId ? next : i));
    const nextPurchase: PurchaseRecord = { ...purchase, ...totalsOf(nextItems), updatedAt: now };
    await db.items.put(next);
    await db.purchases.put(nextPurchase);
    await applyToRollup(db, nextPurchase, nextItems, 1);
  });
  const out = await purchaseWithItems(db, (await db.items.get(itemId))!.purchaseId);
  return out!;
}

/** Deletes one item; a purchase left with no items is deleted with it (then the answer is null). */
export async function deleteItem(db: FootprintDB, itemId: string, now: number): Promise<PurchaseWithItems | null> {
  let purchaseId: string | null = null;
  await db.transaction('rw', db.purchases, db.items, db.months, async () => {
    const item = await db.items.get(itemId);
    if (!item) throw new Error('No such item.');
    const purchase = await db.purchases.get(item.purchaseId);
    if (!purchase) throw new Error('The item has no purchase.');
    const items = await db.items.where('purchaseId').equals(purchase.id).toArray();
    await applyToRollup(db, purchase, items, -1);
    await db.items.delete(itemId);
    const rest = items.filter((i) => i.id !== itemId);
    if (rest.length === 0) {
      await db.purchases.delete(purchase.id);
      return;
    }
    const nextPurchase: PurchaseRecord = { ...purchase, ...totalsOf(rest), updatedAt: now };
    await db.purchases.put(nextPurchase);
    await applyToRollup(db, nextPurchase, rest, 1);
    purchaseId = purchase.id;
  });
  return purchaseId ? purchaseWithItems(db, purchaseId) : null;
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
  if (m.shop) purchase.shop = m.shop;
  await db.transaction('rw', db.purchases, db.items, db.months, async () => {
    await db.purchases.add(purchase);
    await db.items.bulkAdd(items);
    await applyToRollup(db, purchase, items, 1);
  });
  return { ...purchase, items };
}
