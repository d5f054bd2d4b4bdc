import { expandEstimate, type EstimateView } from './expand-estimate';
import { itemContext } from './rederive';
import type { ItemRecord, PurchaseRecord, StoredPurchase } from './records';
import { itemRow, purchaseRow } from './stored-purchase';

/** An item as the pages see it: its own row, the estimate whole (see `expandEstimate`). */
export interface ItemView extends Omit<ItemRecord, 'estimate'> {
  estimate: EstimateView;
}

export interface PurchaseWithItems extends PurchaseRecord {
  items: ItemView[];
}

/** A stored purchase as the pages see it. Estimates are expanded here, in the background, where the data tables are. */
export function viewOf(p: StoredPurchase): PurchaseWithItems {
  return {
    ...purchaseRow(p),
    items: p.items.map((it) => ({ ...itemRow(p.id, it), estimate: expandEstimate(it.estimate, itemContext(p, it)) })),
  };
}
