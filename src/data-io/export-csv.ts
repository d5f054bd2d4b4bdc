import type { FootprintDB } from '../store/db';
import type { ItemRecord, PurchaseRecord } from '../store/records';

/**
 * CSV export: one row per item, with the fields of its purchase, for spreadsheets.
 *
 * - RFC 4180: comma separated, CRLF line ends, a cell is quoted when it holds `"`, `,`, CR or LF, and
 *   quotes inside are doubled.
 * - UTF-8 with a byte-order mark, so Excel does not read it as the local code page.
 * - Formula injection: a text cell (a title, a shop, an order number, a source...) that starts with
 *   `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a single quote `'`, so a
 *   spreadsheet shows it as text instead of running it (OWASP "CSV injection"). Numbers written as
 *   numbers (quantity, prices, kg, factor) are never prefixed: `-3.5` stays a number. The prefix is
 *   visible in the cell; remove it if the CSV is read by a program rather than a spreadsheet.
 * - Numbers use `.` as the decimal separator; empty cell = unknown (null).
 * - Purchases with no item give no row. Rows are sorted by date, then purchase, then position.
 */

export const CSV_BOM = '\uFEFF';

export const CSV_COLUMNS = [
  'Date',
  'Shop',
  'Order ID',
  'Item',
  'Quantity',
  'Unit price',
  'Currency',
  'kg CO2e',
  'Low kg CO2e',
  'High kg CO2e',
  'Method',
  'Category',
  'Factor',
  'Factor unit',
  'Source',
  'Data version',
  'Edited',
] as const;

export type CsvCell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: text is neutralised against formulas and quoted as needed; numbers stay numbers. */
export function csvCell(v: CsvCell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = FORMULA_START.test(v) ? `'${v}` : v;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',');
}

export function itemRow(p: PurchaseRecord | undefined, it: ItemRecord): CsvCell[] {
  const e = it.estimate;
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
    e.factorUnit,
    e.source,
    e.dataVersion,
    it.edited,
  ];
}

/** The CSV text (BOM included) for these purchases and items. */
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
  const lines = new Array<string>(rows.length + 1);
  lines[0] = csvRow(CSV_COLUMNS);
  for (let i = 0; i < rows.length; i++) {
    const it = rows[i]!;
    lines[i + 1] = csvRow(itemRow(byId.get(it.purchaseId), it));
  }
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

/** Every item of every purchase, read in one transaction. */
export async function exportCsv(db: FootprintDB): Promise<string> {
  const [purchases, items] = await db.transaction('r', db.purchases, db.items, () =>
    Promise.all([db.purchases.toArray(), db.items.toArray()]),
  );
  return toCsv(purchases, items);
}
