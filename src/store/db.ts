import Dexie, { type Table } from 'dexie';
import { purchaseCodec } from './purchase-codec';
import type { MonthRollup, SettingRecord, ViewedRecord } from './records';
import { V1 } from './versions/2026-11-28-v1';
import { V2 } from './versions/2026-11-28-v2';
import { V3 } from './versions/2026-11-28-v3';
import { V4 } from './versions/2026-11-29-v4';
import type { DayCounts, DayRecord, IdShard, KgShard } from './packs';
import { PurchaseStore } from './purchase-store';

export const DB_NAME = 'local-footprint';

export class FootprintDB extends Dexie {
  /** Purchases packed by date, and where each id is (see `packs.ts`); read and written through `purchases`. */
  days!: Table<DayRecord, string>;
  idx!: Table<IdShard, number>;
  kgs!: Table<KgShard, number>;
  tally!: Table<DayCounts, string>;
  /** Purchases with their items inside (see `StoredPurchase`), over `days`, `idx`, `kgs` and `tally`. */
  readonly purchases: PurchaseStore;
  viewed!: Table<ViewedRecord, string>;
  settings!: Table<SettingRecord, string>;
  months!: Table<MonthRollup, string>;

  constructor(name = DB_NAME) {
    super(name);
    // Every released version stays declared, each with its dated upgrade, so any older database opens.
    this.version(V1.version).stores(V1.stores);
    this.version(V2.version).stores(V2.stores).upgrade(V2.upgrade);
    this.version(V3.version).stores(V3.stores).upgrade(V3.upgrade);
    this.version(V4.version).stores(V4.stores).upgrade(V4.upgrade);
    this.purchases = new PurchaseStore(this);
    // Schema 3's one-record-per-purchase table, read by the upgrades to 3 and 4, holds compact rows (see
    // purchase-codec.ts); the packed tables hold the same rows, encoded by `PurchaseStore` itself.
    this.use(purchaseCodec);
  }
}

export { SCHEMA_VERSION } from './schema';
