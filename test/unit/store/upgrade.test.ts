import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { estimate } from '../../../src/engine/estimate';
import { FootprintDB, SCHEMA_VERSION } from '../../../src/store/db';
import { V1 } from '../../../src/store/versions/2026-11-28-v1';
import { V2 } from '../../../src/store/versions/2026-11-28-v2';
import { itemContext } from '../../../src/store/rederive';
import { expandEstimate } from '../../../src/store/expand-estimate';
import { queryPurchases } from '../../../src/store/query';
import { rebuildRollups } from '../../../src/store/rollups';
import { getSettings } from '../../../src/store/settings';
import { shopKey } from '../../../src/store/keys';
import type { Estimate } from '../../../src/types';

/** An estimate made with data this version does not ship: it cannot be derived again and must be kept whole. */
const oldData = (kg: number): Estimate => ({
  kg,
  low: kg / 2,
  high: kg * 2,
  method: 'spend',
  category: 'Home & Garden',
  factor: 0.3,
  factorUnit: 'kg CO2e/USD',
  source: 'an older table',
  dataVersion: '2025.01-old',
  inputs: { naics: '335210', price: 10 },
  note: 'made long ago',
});

const TITLES = ['Apple MacBook Air 13" laptop M2 8GB 256GB', "Levi's 501 Original jeans", 'Lavazza coffee beans 1 kg', 'Zzyzx qwerty widget'];

/** Records exactly as versions 1 and 2 wrote them: purchases, and items in a table of their own with whole estimates. */
function legacyRecords(n: number) {
  const purchases = [];
  const items = [];
  for (let i = 0; i < n; i++) {
    const date = `2025-${String((i % 12) + 1).padStart(2, '0')}-10`;
    const id = `otto.de|O-${i}`;
    const lines = Array.from({ length: 1 + (i % 2) }, (_, position) => {
      const title = TITLES[(i + position) % TITLES.length]!;
      const price = 10 + i;
      const e = i % 5 === 4 ? oldData(i + 1) : estimate({ title, price, currency: 'EUR', quantity: 1, date, site: 'www.otto.de' });
      return { id: `${id}#${position}`, purchaseId: id, position, title, quantity: 1, price, currency: 'EUR', category: e.category ?? '', estimate: e, edited: i % 7 === 0 };
    });
    const known = lines.filter((l) => l.estimate.kg !== null);
    purchases.push({
      id,
      shop: shopKey('www.otto.de'),
      orderId: `O-${i}`,
      date,
      month: date.slice(0, 7),
      currency: 'EUR',
      total: 10 + i,
      kg: known.reduce((s, l) => s + l.estimate.kg!, 0),
      low: known.reduce((s, l) => s + l.estimate.low!, 0),
      high: known.reduce((s, l) => s + l.estimate.high!, 0),
      itemCount: lines.length,
      unknownItems: lines.length - known.length,
      source: 'page' as const,
      createdAt: 1,
      updatedAt: 1,
    });
    items.push(...lines);
  }
  return { purchases, items };
}

/** Every released schema version, seeded as that version wrote it, must open in the current one. */
const EARLIER = [V1, V2];

describe('schema upgrades', () => {
  it.each(EARLIER)('opens a seeded version $version database without losing anything', async (old) => {
    const name = `upgrade-from-${old.version}-${Math.random().toString(36).slice(2)}`;
    const legacy = new Dexie(name);
    legacy.version(old.version).stores(old.stores);
    const { purchases, items } = legacyRecords(30);
    await legacy.table('purchases').bulkAdd(purchases);
    await legacy.table('items').bulkAdd([...items, { ...items[0]!, id: 'gone.example|1#0', purchaseId: 'gone.example|1' }]);
    await legacy.table('settings').bulkAdd([{ key: 'capturePaused', value: true }, { key: 'disabledShops', value: ['amazon.de'] }]);
    legacy.close();

    const db = new FootprintDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['days', 'idx', 'kgs', 'months', 'settings', 'tally', 'viewed']);
    const stored = await db.purchases.toArray();
    expect(stored).toHaveLength(30);
    // Items moved into their purchases, by position; the orphan (shown nowhere) is not carried over.
    expect(stored.reduce((n, p) => n + p.items.length, 0)).toBe(items.length);
    for (const p of stored) {
      const before = purchases.find((x) => x.id === p.id)!;
      const { items: own, ...row } = p;
      expect(row).toEqual(before);
      expect(own.map((it) => it.position)).toEqual(own.map((_, k) => k));
      own.forEach((it) => {
        const was = items.find((x) => x.id === `${p.id}#${it.position}`)!;
        // What the user entered or edited is untouched.
        expect([it.title, it.quantity, it.price, it.currency, it.category, it.edited]).toEqual([was.title, was.quantity, was.price, was.currency, was.category, was.edited]);
        // Figures are stored; the rest is derived again, or kept whole when it cannot be.
        const e = was.estimate;
        expect([it.estimate.kg, it.estimate.low, it.estimate.high, it.estimate.method, it.estimate.factor, it.estimate.dataVersion]).toEqual([e.kg, e.low, e.high, e.method, e.factor, e.dataVersion]);
        if (e.dataVersion === '2025.01-old') expect(it.estimate.kept).toBe(true);
        else {
          expect(it.estimate.kept).toBeUndefined();
          expect(it.estimate.source).toBeUndefined();
        }
        const { otherDataVersion, ...shown } = expandEstimate(it.estimate, itemContext(p, it));
        expect(otherDataVersion).toBe(e.dataVersion === '2025.01-old');
        expect(shown).toEqual(e);
      });
    }
    // Settings survive the upgrade, merged with defaults field by field.
    const s = await getSettings(db);
    expect(s.capturePaused).toBe(true);
    expect(s.disabledShops).toEqual(['amazon.de']);
    expect(s.badgeMode).toBe('page');
    // The indexes the queries use work.
    const heaviest = await queryPurchases(db, { sort: 'kg-desc', offset: 0, limit: 1 });
    expect(heaviest.purchases[0]?.kg).toBe(Math.max(...purchases.map((p) => p.kg)));
    expect((await queryPurchases(db, { month: '2025-03', offset: 0, limit: 10 })).total).toBe(3);
    await rebuildRollups(db);
    const months = await db.months.toArray();
    expect(months.reduce((a, m) => a + m.purchases, 0)).toBe(30);
    expect(months.reduce((a, m) => a + m.items, 0)).toBe(items.length);
    db.close();
    await db.delete();
  });
});
