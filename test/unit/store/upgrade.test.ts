import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { FootprintDB, SCHEMA_VERSION } from '../../../src/store/db';
import { V1 } from '../../../src/store/versions/2026-11-28-v1';
import { buildRecords } from '../../../src/store/purchases';
import { rebuildRollups } from '../../../src/store/rollups';
import { getSettings } from '../../../src/store/settings';
import type { Estimate } from '../../../src/types';

const est = (kg: number): Estimate => ({ kg, low: kg / 2, high: kg * 2, method: 'spend', category: 'Home & Garden', factor: 0.3, factorUnit: 'kg CO2e/USD', source: 'test', dataVersion: 'v', inputs: {} });

/** Every released schema version, seeded as that version wrote it, must open in the current one. */
const EARLIER = [V1];

describe('schema upgrades', () => {
  it.each(EARLIER)('opens a seeded version $version database without losing anything', async (old) => {
    const name = `upgrade-from-${old.version}`;
    const legacy = new Dexie(name);
    legacy.version(old.version).stores(old.stores);
    const recs = Array.from({ length: 30 }, (_, i) =>
      buildRecords({
        shop: 'www.otto.de',
        order: { orderId: `O-${i}`, date: `2025-${String((i % 12) + 1).padStart(2, '0')}-10`, currency: 'EUR', total: 10 + i, items: [{ title: `Thing ${i}`, quantity: 1, price: 10 + i, currency: 'EUR' }] },
        estimates: [est(i + 1)],
        source: 'page',
        today: '2025-12-31',
        now: 1,
      }),
    );
    await legacy.table('purchases').bulkAdd(recs.map((r) => r.purchase));
    await legacy.table('items').bulkAdd(recs.flatMap((r) => r.items));
    await legacy.table('settings').bulkAdd([{ key: 'capturePaused', value: true }, { key: 'disabledShops', value: ['amazon.de'] }]);
    legacy.close();

    const db = new FootprintDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.purchases.count()).toBe(30);
    expect(await db.items.count()).toBe(30);
    // Settings survive the upgrade, merged with defaults field by field.
    const s = await getSettings(db);
    expect(s.capturePaused).toBe(true);
    expect(s.disabledShops).toEqual(['amazon.de']);
    expect(s.badgeMode).toBe('page');
    // The new index works.
    const heaviest = await db.purchases.orderBy('kg').reverse().first();
    expect(heaviest?.orderId).toBe('O-29');
    await rebuildRollups(db);
    expect((await db.months.toArray()).reduce((a, m) => a + m.purchases, 0)).toBe(30);
    db.close();
    await db.delete();
  });
});
