import type { FootprintDB } from '../store/db';
import { citationOf } from '../store/expand-estimate';
import { decodePurchase } from '../store/purchase-codec';
import { itemContext } from '../store/rederive';
import type { ItemRecord, PurchaseRecord, StoredItem, StoredPurchase } from '../store/records';
import { csvHeader, csvRow, type CsvCell } from './csv';

export { CSV_BOM, CSV_COLUMNS, csvCell, csvRow, type CsvCell } from './csv';

/** The cells of one item's row; the factor unit and citation are derived from the data tables (see `citationOf`). */
export function itemCells(p: PurchaseRecord | undefined, it: StoredItem): CsvCell[] {
  const e = it.estimate;
  const c = p ? citationOf(e, itemContext(p, it)) : { factorUnit: e.factorUnit ?? null, source: e.source ?? null };
  return [
    p?.date ?? null,
    p?.shop ?? null,
    p?.orderId ?? null,
    it.title,
    it.quantity,
    it.price,
    it.currency,
    e.kg,
    e.low,
    e.high,
    e.method,
    it.category || e.category,
    e.factor,
    c.factorUnit,
    c.source,
    e.dataVersion,
    it.edited,
  ];
}

/** The rows of these purchases (already in date, then id order), items by position, each line ending CRLF. */
export function csvRows(purchases: readonly StoredPurchase[]): string {
  let out = '';
  for (const p of purchases) {
    for (const it of [...p.items].sort((a, b) => a.position - b.position)) out += `${csvRow(itemCells(p, it))}\r\n`;
  }
  return out;
}

/** The CSV text (BOM included) for these purchases and item rows. */
export function toCsv(purchases: readonly PurchaseRecord[], items: readonly ItemRecord[]): string {
  const byId = new Map<string, PurchaseRecord>();
  for (const p of purchases) byId.set(p.id, p);
  const rows = items.filter((it) => byId.has(it.purchaseId));
  rows.sort((a, b) => {
    const pa = byId.get(a.purchaseId)!;
    const pb = byId.get(b.purchaseId)!;
    if (pa.date !== pb.date) return pa.date < pb.date ? -1 : 1;
    if (a.purchaseId !== b.purchaseId) return a.purchaseId < b.purchaseId ? -1 : 1;
    return a.position - b.position;
  });
  let out = csvHeader();
  for (const it of rows) out += `${csvRow(itemCells(byId.get(it.purchaseId), it))}\r\n`;
  return out;
}

/** Where the next CSV page starts: the date of the last purchase sent, and how many of that date were sent. */
export interface CsvCursor {
  date: string;
  skip: number;
}

export interface CsvPage {
  /** The page's rows as CSV text (one text); null when it went on the page's pipe (`pipe.ts`). */
  texts: [rows: string] | null;
  count: number;
  next: CsvCursor | null;
}

/**
 * One page of the CSV export: up to `limit` purchases after `after`, in date then id order (the `date`
 * index's own order), as rows. `next` is null after the last page.
 */
export async function csvPage(db: FootprintDB, after: CsvCursor | null, limit: number): Promise<CsvPage & { texts: [string] }> {
  const page: StoredPurchase[] = [];
  await db.transaction('r', db.purchases.tables, async () => {
    let skip = after?.skip ?? 0;
    await (after ? db.days.where(':id').aboveOrEqual(after.date) : db.days.toCollection())
      .until(() => page.length >= limit)
      .each((day) => {
        const from = after && day.d === after.date ? skip : 0;
        for (let k = from; k < day.r.length && page.length < limit; k++) page.push(decodePurchase(day.r[k]!));
        skip = 0;
      });
  });
  const last = page[page.length - 1];
  let next: CsvCursor | null = null;
  if (last && page.length === limit) {
    let same = 0;
    for (const p of page) if (p.date === last.date) same++;
    next = { date: last.date, skip: same + (after && after.date === last.date ? after.skip : 0) };
  }
  return { texts: [csvRows(page)], count: page.length, next };
}

/** Every item of every purchase, read in one transaction (small databases; the options page pages through `csvPage`). */
export async function exportCsv(db: FootprintDB): Promise<string> {
  const purchases = await db.purchases.toArray();
  return csvHeader() + csvRows(purchases);
}
