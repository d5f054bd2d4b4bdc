import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_BOM, CSV_COLUMNS, csvCell, exportCsv, toCsv, type CsvCell } from '../../../src/data-io/export-csv.ts';
import type { FootprintDB } from '../../../src/store/db.ts';
import { allItems, closeDb, openDb, seed } from './helpers.ts';

/** A strict RFC 4180 reader, to check the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        cell += c;
        i++;
      }
    } else if (c === '"') {
      if (cell !== '') throw new Error(`stray quote at ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`bare line break at ${i}`);
    } else {
      cell += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (cell !== '' || row.length) throw new Error('missing final CRLF');
  return rows;
}

describe('CSV cells', () => {
  it.each<[CsvCell, string]>([
    ['Laptop stand', 'Laptop stand'],
    ['=1+1', "'=1+1"],
    ['+33 1 23 45', "'+33 1 23 45"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', '"\'\r=1"'],
    ['=HYPERLINK("http://x.example","click")', '"\'=HYPERLINK(""http://x.example"",""click"")"'],
    ['=cmd|"/c calc"!A1', '"\'=cmd|""/c calc""!A1"'],
    [' =1', ' =1'],
    ['a=1', 'a=1'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['<b>bold</b>', '<b>bold</b>'],
    ['', ''],
    [-3.5, '-3.5'],
    [0, '0'],
    [1e-7, '1e-7'],
    [Number.NaN, ''],
    [null, ''],
    [true, 'true'],
    [false, 'false'],
  ])('%j → %j', (v, out) => {
    expect(csvCell(v)).toBe(out);
  });
});

describe('CSV export', () => {
  let db: FootprintDB;
  beforeEach(async () => {
    db = await openDb('csv');
    await seed(db);
  });
  afterEach(() => closeDb(db));

  it('has a BOM, a header, CRLF line ends and one row per item', async () => {
    const csv = await exportCsv(db);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.length - 1).toBe((await allItems(db)).length);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
  });

  it('writes the purchase and estimate fields, quoted and neutralised, numbers as numbers', async () => {
    const rows = parseCsv((await exportCsv(db)).slice(1));
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    // Oldest purchase first: the 2024-02-29 order whose number starts with "=".
    const [a, b, c] = [rows[1]!, rows[2]!, rows[3]!];
    expect(a[col('Date')]).toBe('2024-02-29');
    expect(a[col('Shop')]).toBe('shop.example');
    expect(a[col('Order ID')]).toBe('\'=cmd|"/c calc"!A1');
    expect(a[col('Item')]).toBe('<img src=x onerror=alert(1)> Café crème — 100 % coton, « bio »');
    expect(a[col('Quantity')]).toBe('3');
    expect(a[col('Unit price')]).toBe('12');
    expect(a[col('Currency')]).toBe('GBP');
    expect(a[col('kg CO2e')]).toBe('4.5');
    expect(a[col('Low kg CO2e')]).toBe('2.25');
    expect(a[col('High kg CO2e')]).toBe('9');
    expect(a[col('Method')]).toBe('garment');
    expect(a[col('Category')]).toBe('Apparel & Accessories > Clothing');
    expect(a[col('Factor')]).toBe('0.37');
    expect(a[col('Factor unit')]).toBe('kg CO2e per USD (2022)');
    expect(a[col('Source')]).toBe('US EPA USEEIO v1.3, "Supply Chain GHG Emission Factors"');
    expect(a[col('Data version')]).toBe('test-1');
    expect(a[col('Edited')]).toBe('false');
    expect(b[col('Item')]).toBe("'-2+3 @SUM(A1:A9)");
    expect(b[col('Unit price')]).toBe('');
    expect(c[col('Item')]).toBe('Multi\nline "quoted", title');
    expect(c[col('kg CO2e')]).toBe('');
    expect(c[col('Method')]).toBe('unknown');
  });

  it('keeps negative numbers numeric and skips items of unknown purchases', () => {
    const p = { id: 's.example|1', shop: 's.example', orderId: '1', date: '2026-01-02', month: '2026-01', currency: 'EUR', total: 5, kg: 1, low: 1, high: 1, itemCount: 1, unknownItems: 0, source: 'page' as const, createdAt: 1, updatedAt: 1 };
    const item = { id: 's.example|1#0', purchaseId: 's.example|1', position: 0, title: 'x', quantity: 1, price: -2.5, currency: 'EUR', category: '', edited: true,
      estimate: { kg: 1, low: null, high: null, method: 'manual' as const, category: null, factor: -0.5, factorUnit: null, source: null, dataVersion: 'v', inputs: {} } };
    const rows = parseCsv(toCsv([p], [item, { ...item, id: 'other|1#0', purchaseId: 'other|1' }]).slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(['2026-01-02', 's.example', '1', 'x', '1', '-2.5', 'EUR', '1', '', '', 'manual', '', '-0.5', '', '', 'v', 'true']);
  });

  it('is just a header for an empty database', () => {
    expect(toCsv([], [])).toBe(`${CSV_BOM}${CSV_COLUMNS.join(',')}\r\n`);
  });
});
