/**
 * CSV export format: one row per item, with the fields of its purchase, for spreadsheets. No database
 * here (the options page writes the header and joins the pages the background sends).
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

/** The first line of the file: byte-order mark and column names. */
export function csvHeader(): string {
  return `${CSV_BOM}${csvRow(CSV_COLUMNS)}\r\n`;
}
