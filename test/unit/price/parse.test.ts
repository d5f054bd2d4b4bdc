import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePrice, type ParsePriceOptions } from '../../../src/price/parse.ts';
import { currencyCandidates, currencyFromText } from '../../../src/price/currency.ts';

type Row = [text: string, options: ParsePriceOptions, amount: number | null, currency: string | null];

const NBSP = '\u00A0';
const THIN = '\u2009';
const NNBSP = '\u202F';

describe('parsePrice: locales', () => {
  it.each<Row>([
    ['1.234,56 €', {}, 1234.56, 'EUR'],
    [`1${NBSP}234,56${NBSP}€`, {}, 1234.56, 'EUR'],
    [`1${THIN}234,56 kr`, { country: 'SE' }, 1234.56, 'SEK'],
    [`1${NNBSP}234,56 kr`, { country: 'NO' }, 1234.56, 'NOK'],
    ['1 234,56 kr', { country: 'DK' }, 1234.56, 'DKK'],
    ['1 234 kr', { country: 'IS' }, 1234, 'ISK'],
    ['$1,234.56', {}, 1234.56, 'USD'],
    ['¥1,234', {}, 1234, 'JPY'],
    ["CHF 1'234.–", {}, 1234, 'CHF'],
    ["CHF 1’234.50", {}, 1234.5, 'CHF'],
    ['12,-', { currencyHint: 'EUR' }, 12, 'EUR'],
    ['1.899,-', {}, 1899, null],
    ['199:-', { country: 'SE' }, 199, 'SEK'],
    ['1 299,00 руб.', {}, 1299, 'RUB'],
    ['1 299 р.', { country: 'BY' }, 1299, 'BYN'],
    ['12,99 zł', {}, 12.99, 'PLN'],
    ['R$ 1.234,56', {}, 1234.56, 'BRL'],
    ['US$ 12.00', {}, 12, 'USD'],
    ['C$5.95', {}, 5.95, 'CAD'],
    ['A$190.00', {}, 190, 'AUD'],
    ['HK$1,299', {}, 1299, 'HKD'],
    ['€ 11,69', {}, 11.69, 'EUR'],
    ['£9.99', {}, 9.99, 'GBP'],
    ['₹1,23,456.00', {}, 123456, 'INR'],
    ['₩12,000', {}, 12000, 'KRW'],
    ['1.299 Kč', {}, 1299, 'CZK'],
    ['12 990 Ft', {}, 12990, 'HUF'],
    ['49,99 lei', {}, 49.99, 'RON'],
    ['129,90 TL', {}, 129.9, 'TRY'],
    ['₺129,90', {}, 129.9, 'TRY'],
    ['EUR 6,99', {}, 6.99, 'EUR'],
    ['349.95 USD', {}, 349.95, 'USD'],
    ['749,00 euros', {}, 749, 'EUR'],
    ['25 dollars', { country: 'AU' }, 25, 'AUD'],
    ['Rp 1.550.000', {}, 1550000, 'IDR'],
    ['200.000 ₫', {}, 200000, 'VND'],
    ['1.250 KWD', {}, 1.25, 'KWD'],
    ['123,456.789 OMR', {}, 123456.789, 'OMR'],
    ['١٢٫٥٠ د.إ', {}, 12.5, 'AED'],
    ['56,000 تومان', {}, 56000, 'IRR'],
    ['3,500円', {}, 3500, 'JPY'],
    ['22000.00元/台', {}, 22000, 'CNY'],
  ])('%j %j -> %s %s', (text, options, amount, currency) => {
    expect(parsePrice(text, options)).toEqual({ amount, currency });
  });
});

describe('parsePrice: ambiguous symbols, country and hint', () => {
  it.each<Row>([
    ['$12.99', {}, 12.99, 'USD'],
    ['$12.99', { country: 'CA' }, 12.99, 'CAD'],
    ['$12.99', { country: 'AU' }, 12.99, 'AUD'],
    ['$12.99', { country: 'MX' }, 12.99, 'MXN'],
    ['$12.99', { country: 'EC' }, 12.99, 'USD'],
    ['$12.99', { country: 'DE' }, 12.99, 'USD'],
    // A dollar hint wins over the country; a non-dollar hint cannot make "$" into euros.
    ['$12.99', { country: 'CA', currencyHint: 'AUD' }, 12.99, 'AUD'],
    ['$12.99', { currencyHint: 'EUR' }, 12.99, 'USD'],
    ['$1,190.00 AUD', { country: 'US' }, 1190, 'AUD'],
    ['NZD $100.70', {}, 100.7, 'NZD'],
    ['SGD4.90 $', {}, 4.9, 'SGD'],
    ['kr 199', { country: 'SE' }, 199, 'SEK'],
    ['kr 199', { country: 'NO' }, 199, 'NOK'],
    ['kr 199', { country: 'DK' }, 199, 'DKK'],
    ['kr 199', { currencyHint: 'DKK' }, 199, 'DKK'],
    ['¥1,234', { country: 'CN' }, 1234, 'CNY'],
    ['¥1,234', { country: 'JP' }, 1234, 'JPY'],
    ['£5', { country: 'EG' }, 5, 'EGP'],
    ['Rs 1,306.14', { country: 'PK' }, 1306.14, 'PKR'],
    ['R8,499', { country: 'ZA' }, 8499, 'ZAR'],
    ['12,99', { currencyHint: 'EUR' }, 12.99, 'EUR'],
    ['12,99', { currencyHint: 'Preis in €' }, 12.99, 'EUR'],
    ['12,99', {}, 12.99, null],
    ['12,99', { country: 'DE' }, 12.99, null],
    ['11,13 €', { currencyHint: 'GBP' }, 11.13, 'EUR'],
  ])('%j %j -> %s %s', (text, options, amount, currency) => {
    expect(parsePrice(text, options)).toEqual({ amount, currency });
  });
});

describe('parsePrice: separators', () => {
  it.each<Row>([
    ['1,234.56', {}, 1234.56, null],
    ['1.234.567,89 €', {}, 1234567.89, 'EUR'],
    ['$1,000,000', {}, 1000000, 'USD'],
    ['$699,000', {}, 699000, 'USD'],
    ['12.345 ₫', {}, 12345, 'VND'],
    ['0,125 KWD', {}, 0.125, 'KWD'],
    ['34.992001', {}, 34.992001, null],
    ['1234.567', {}, 1234.567, null],
    ['PTE 120 000 000', {}, 120000000, 'PTE'],
    ['40 130', {}, 40130, null],
    ['$.75', {}, 0.75, 'USD'],
    ['$..75', {}, 0.75, 'USD'],
    ['$.750.30', {}, 750.3, 'USD'],
    ['$..75,333', { decimalSeparator: ',' }, 75.333, 'USD'],
    ['1.837, 32 €', {}, 1837.32, 'EUR'],
    ['$119. 95', {}, 119.95, 'USD'],
    ['105. –', {}, 105, null],
    ['€ 610,', {}, 610, 'EUR'],
    ['35€ 99', {}, 35.99, 'EUR'],
    ['1250€600', { decimalSeparator: '€' }, 1250.6, 'EUR'],
    ['1250€ 600', { decimalSeparator: '€' }, 1250, 'EUR'],
    ['10 € 20 €', {}, 10, 'EUR'],
    ['1,5', { decimalSeparator: '.' }, 1.5, null],
  ])('%j %j -> %s %s', (text, options, amount, currency) => {
    expect(parsePrice(text, options)).toEqual({ amount, currency });
  });
});

describe('parsePrice: prices inside text, ranges, "from"', () => {
  it.each<Row>([
    ['$10 - $20', {}, 10, 'USD'],
    ['10 – 20 €', {}, 10, 'EUR'],
    ['From 26 to 50 €', {}, 26, 'EUR'],
    ['Estimate Price: $45,000 - $70,000', {}, 45000, 'USD'],
    ['from £9.99', {}, 9.99, 'GBP'],
    ['ab 9,99 €', {}, 9.99, 'EUR'],
    ['à partir de 19,90 €', {}, 19.9, 'EUR'],
    ['Pris från 805 kr', { country: 'SE' }, 805, 'SEK'],
    ['Price: 12.99 USD incl. VAT', {}, 12.99, 'USD'],
    ['Qty: 2 Price: $4.50', {}, 4.5, 'USD'],
    ['2 x 12,99 €', {}, 12.99, 'EUR'],
    ['12,99 € / 100 g', {}, 12.99, 'EUR'],
    ['99,99 EUR (-30,00%) 69,99 EUR', {}, 99.99, 'EUR'],
    ['AED 8000 (USD 2179)', {}, 8000, 'AED'],
    ['50 - $2.00 100 - $2.75 400 - $4.50', {}, 2, 'USD'],
    ['Size 42 - 89,95 €', {}, 89.95, 'EUR'],
    ['Our Price 344.99 - 444.99', {}, 344.99, null],
    ['5 KGS', {}, null, null],
    ['Rabatt -5,00 € jetzt 20,00 €', {}, 20, 'EUR'],
    ['- $44.99', {}, 44.99, 'USD'],
    ['Free!', {}, 0, null],
  ])('%j %j -> %s %s', (text, options, amount, currency) => {
    expect(parsePrice(text, options)).toEqual({ amount, currency });
  });
});

describe('parsePrice: not prices', () => {
  it.each<Row>([
    ['', {}, null, null],
    ['Add to cart', {}, null, null],
    ['40% OFF', {}, null, null],
    ['4.5 out of 5 stars', {}, null, null],
    ['500 ml', {}, null, null],
    ['16.00 ft', {}, null, null],
    ['July, 2004', {}, null, null],
    ['15.08.2017', {}, null, null],
    ['Item #12345', {}, null, null],
    ['Free Shipping on Orders $49+.', {}, null, 'USD'],
    ['Pure & IP BP Ph. Eur. USP ACS AR LR', {}, null, null],
    ['SHOP ALL NEW ARRIVALS', {}, null, null],
  ])('%j %j -> %s %s', (text, options, amount, currency) => {
    expect(parsePrice(text, options)).toEqual({ amount, currency });
  });
});

describe('parsePrice: absurd and hostile input', () => {
  it.each<Row>([
    ['NaN', {}, null, null],
    ['Infinity €', {}, null, 'EUR'],
    ['1e308', {}, null, null],
    ['1E+308 USD', {}, null, 'USD'],
    ['9'.repeat(400), {}, null, null],
    ['99999999999999999999 €', {}, null, 'EUR'],
    ['-5,00 €', {}, null, 'EUR'],
    ['\u22125,00 €', {}, null, 'EUR'],
    ['€-5', {}, null, 'EUR'],
    ['\u200E12,99\u00A0€\u200F', {}, 12.99, 'EUR'],
    ['1\u200B234,50 €', {}, 1234.5, 'EUR'],
    ['\u0000\u0007 12.50 \u001B USD', {}, 12.5, 'USD'],
    ['\uFF11\uFF12\uFF0E\uFF15\uFF10 円', {}, 12.5, 'JPY'],
  ])('%j %j -> %s %s', (text, options, amount, currency) => {
    expect(parsePrice(text, options)).toEqual({ amount, currency });
  });

  it('survives non-string input from untyped callers', () => {
    for (const bad of [null, undefined, 12, {}, [], Symbol('x')]) {
      expect(parsePrice(bad as unknown as string)).toEqual({ amount: null, currency: null });
    }
    expect(parsePrice('12 €', null as unknown as ParsePriceOptions)).toEqual({ amount: 12, currency: 'EUR' });
    expect(parsePrice('12', { currencyHint: 42 as unknown as string, country: {} as unknown as string })).toEqual({ amount: 12, currency: null });
  });

  it('reads a 10 MB string quickly, looking only at its start', () => {
    const huge = `12,99 € ${'x'.repeat(10_000_000)}`;
    const t0 = performance.now();
    expect(parsePrice(huge)).toEqual({ amount: 12.99, currency: 'EUR' });
    expect(parsePrice('1'.repeat(10_000_000)).amount).toBeNull();
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('never throws and returns a finite non-negative amount or null', () => {
    const pieces = fc.constantFrom('1', '9', '0', '.', ',', ' ', "'", '-', '–', '$', '€', 'kr', 'руб.', 'US$', '\u00A0', '\u200B', '\u202E', 'e', '%', '٫', 'x', '1e308', '\u0000', '/', ':');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.string(), (parts, noise) => {
        for (const text of [parts.join(''), noise, parts.join('') + noise]) {
          const p = parsePrice(text, { country: 'CA', decimalSeparator: noise.slice(0, 1) || null });
          if (p.amount !== null) {
            expect(Number.isFinite(p.amount)).toBe(true);
            expect(p.amount).toBeGreaterThanOrEqual(0);
          }
          expect(p.currency === null || /^[A-Z]{3}$/.test(p.currency)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('currency helpers', () => {
  it('currencyFromText reads symbols, codes and words', () => {
    expect(currencyFromText('€')).toBe('EUR');
    expect(currencyFromText('usd')).toBe('USD');
    expect(currencyFromText('руб.')).toBe('RUB');
    expect(currencyFromText('$', { country: 'CA' })).toBe('CAD');
    expect(currencyFromText('Price')).toBeNull();
  });

  it('currencyCandidates lists every meaning of a symbol', () => {
    expect(currencyCandidates('$')).toEqual(expect.arrayContaining(['USD', 'CAD', 'AUD', 'MXN']));
    expect(currencyCandidates('kr')).toEqual(['SEK', 'NOK', 'DKK', 'ISK']);
    expect(currencyCandidates('€')).toEqual(['EUR']);
    expect(currencyCandidates('₶')).toEqual([]);
  });
});
