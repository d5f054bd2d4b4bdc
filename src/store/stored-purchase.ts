import type { ItemRecord, PurchaseRecord, StoredItem, StoredPurchase } from './records';

/** An item's id: its purchase's id, `#` and its position. */
export function itemId(purchaseId: string, position: number): string {
  return `${purchaseId}#${position}`;
}

/** The purchase id and position in an item id; null when it is not one (purchase ids may hold `#`, positions never). */
export function splitItemId(id: string): { purchaseId: string; position: number } | null {
  const m = /^(.+)#(\d{1,6})$/.exec(id);
  if (!m) return null;
  return { purchaseId: m[1]!, position: Number(m[2]) };
}

/** The purchase's own fields, without its items, in the file's field order. */
export function purchaseRow(p: PurchaseRecord): PurchaseRecord {
  return {
    id: p.id,
    shop: p.shop,
    orderId: p.orderId,
    date: p.date,
    month: p.month,
    currency: p.currency,
    total: p.total,
    kg: p.kg,
    low: p.low,
    high: p.high,
    itemCount: p.itemCount,
    unknownItems: p.unknownItems,
    source: p.source,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

/** An item as a row of its own (the file's `items` table), in the file's field order. */
export function itemRow(purchaseId: string, it: StoredItem): ItemRecord {
  return { id: itemId(purchaseId, it.position), purchaseId, ...storedItem(it) };
}

export function itemRows(p: StoredPurchase): ItemRecord[] {
  return p.items.map((it) => itemRow(p.id, it));
}

/** An item row as stored inside its purchase. */
export function storedItem(it: StoredItem): StoredItem {
  return {
    position: it.position,
    title: it.title,
    quantity: it.quantity,
    price: it.price,
    currency: it.currency,
    category: it.category,
    estimate: it.estimate,
    edited: it.edited,
  };
}

/** A purchase and its items (any order) as one stored record, items by position. */
export function nest(purchase: PurchaseRecord, items: readonly StoredItem[]): StoredPurchase {
  return { ...purchaseRow(purchase), items: items.map(storedItem).sort((a, b) => a.position - b.position) };
}
