import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../../shared.ts';
import { loadReference, score } from '../../../scripts/eval/engine.ts';
import { estimate } from '../../../src/engine/estimate.ts';
import { spendBaseline } from '../../../src/engine/baseline.ts';

describe.skipIf(!HAS_SHARED)('reference products (published footprints)', () => {
  const records = loadReference();
  const s = score(records, estimate);

  it('covers every record', () => expect(s.n).toBe(records.length));
  it('≥ 80 % within 2x of the published figure', () => expect(s.within2x).toBeGreaterThanOrEqual(0.8));
  it('the range contains the published figure for ≥ 80 %', () => expect(s.rangeContains).toBeGreaterThanOrEqual(0.8));
  it('median |log10 ratio| ≤ 0.15', () => expect(s.medianAbsLog10).toBeLessThanOrEqual(0.15));
  it('every estimate is fully sourced', () => expect(s.sourced).toBe(1));
  it('beats the spend-only baseline', () => expect(s.within2x).toBeGreaterThan(score(records, spendBaseline).within2x));
});
