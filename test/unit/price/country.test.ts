import { describe, expect, it } from 'vitest';
import { countryFromHostname, currencyForCountry } from '../../../src/price/country.ts';

describe('countryFromHostname', () => {
  it.each([
    ['amazon.co.uk', 'GB'],
    ['amazon.de', 'DE'],
    ['www.ebay.ca', 'CA'],
    ['zalando.fi', 'FI'],
    ['amazon.com', null],
    ['shop.example.com.au', 'AU'],
    ['www.amazon.com.br', 'BR'],
    ['www.mercadolibre.com.ar', 'AR'],
    ['www.amazon.co.jp', 'JP'],
    ['www.mercadolibre.com.mx', 'MX'],
    ['WWW.AMAZON.FR.', 'FR'],
    ['amazon.de:8443', 'DE'],
    ['https://www.zalando.it/some/path?q=1', 'IT'],
    ['ar-sa.namshi.com', 'SA'],
    ['en-gb.example.com', 'GB'],
    ['brand.io', null],
    ['brand.co', null],
    ['www.falabella.com.co', 'CO'],
    ['shop.eu', null],
    ['localhost', null],
    ['192.168.1.10', null],
    ['', null],
  ])('%s -> %s', (host, country) => {
    expect(countryFromHostname(host)).toBe(country);
  });
});

describe('currencyForCountry', () => {
  it.each([
    ['DE', 'EUR'],
    ['HR', 'EUR'],
    ['GB', 'GBP'],
    ['US', 'USD'],
    ['EC', 'USD'],
    ['CA', 'CAD'],
    ['CH', 'CHF'],
    ['LI', 'CHF'],
    ['SE', 'SEK'],
    ['FO', 'DKK'],
    ['SN', 'XOF'],
    ['jp', 'JPY'],
    ['XX', null],
    [null, null],
  ])('%s -> %s', (country, currency) => {
    expect(currencyForCountry(country)).toBe(currency);
  });
});
