import { describe, expect, it } from 'vitest';
import { CURRENCY_TOKEN_SOURCE } from '../../../src/data/generated/currency-tokens';
import { currencySpellings, findCurrencyTokens, tokenSource } from '../../../src/price/currency';

describe('the generated currency token alternation', () => {
  it('is the tables of src/price/currency-data.ts as they are now (else run npm run data)', () => {
    expect(CURRENCY_TOKEN_SOURCE).toBe(tokenSource(currencySpellings()));
  });

  it.each([
    ['longest spelling first', 'US$ 5', 'US$'],
    ['a spelling with regex characters', 'бел. руб. 12', 'бел. руб.'],
    ['a code beside a number', '12 EUR', 'EUR'],
  ])('%s', (_name, text, want) => {
    expect(findCurrencyTokens(text)[0]?.text).toBe(want);
  });
});
