import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currencyCandidates, findCurrencyTokens } from '../../../src/price/currency';
import { encodeInfo, generatedTables, spellingTables } from '../../../src/price/currency-tables';
import { REPO_ROOT } from '../../shared';

describe('the generated currency tables', () => {
  it('are the tables of src/price/currency-data.ts as they are now (else run npm run data)', () => {
    const text = readFileSync(resolve(REPO_ROOT, 'src/data/generated/currency-tokens.ts'), 'utf8');
    expect(text.endsWith(generatedTables())).toBe(true);
  });

  it('give every spelling the meaning the tables give it', () => {
    const { exact, folded } = spellingTables();
    for (const [spelling, info] of exact) expect(encodeInfo({ ...info, codes: currencyCandidates(spelling) }), spelling).toBe(encodeInfo(info));
    let checked = 0;
    for (const spelling of folded.keys()) {
      const found = findCurrencyTokens(`1 ${spelling} `).find((t) => t.text.toLowerCase() === spelling);
      if (!found) continue;
      // The case-sensitive table first, as ever ("chf" is a lower-case code there and a spelling here).
      const want = exact.get(found.text) ?? folded.get(found.text.toLowerCase())!;
      expect(encodeInfo(found.info), spelling).toBe(encodeInfo(want));
      checked++;
    }
    expect(checked).toBeGreaterThan(folded.size * 0.9);
  });

  it.each([
    ['longest spelling first', 'US$ 5', 'US$'],
    ['a spelling with regex characters', 'бел. руб. 12', 'бел. руб.'],
    ['a code beside a number', '12 EUR', 'EUR'],
    ['no prototype key is a currency', 'constructor 12', undefined],
  ])('%s', (_name, text, want) => {
    expect(findCurrencyTokens(text)[0]?.text).toBe(want);
  });

  it('an unknown spelling has no candidates, prototype keys included', () => {
    for (const s of ['constructor', '__proto__', 'toString', 'xyz']) expect(currencyCandidates(s)).toEqual([]);
  });
});
