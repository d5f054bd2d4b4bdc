import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeWipe } from '../../../src/data-io/wipe.ts';
import type { FootprintDB } from '../../../src/store/db.ts';
import { wipeAll } from '../../../src/store/purchases.ts';
import { closeDb, openDb, seed } from './helpers.ts';

let db: FootprintDB;
beforeEach(async () => {
  db = await openDb('wipe');
});
afterEach(() => closeDb(db));

describe('describeWipe', () => {
  it('counts every table and gives the date range, for the confirmation dialog', async () => {
    await seed(db, 12);
    expect(await describeWipe(db)).toEqual({
      counts: { purchases: 14, items: 28, viewed: 2, settings: 5, months: 14 },
      total: 63,
      dateRange: { from: '2024-02-29', to: '2026-12-12' },
    });
  });

  it('says there is nothing to delete on an empty or wiped database', async () => {
    const empty = { counts: { purchases: 0, items: 0, viewed: 0, settings: 0, months: 0 }, total: 0, dateRange: null };
    expect(await describeWipe(db)).toEqual(empty);
    await seed(db, 2);
    await wipeAll(db);
    expect(await describeWipe(db)).toEqual(empty);
  });
});
