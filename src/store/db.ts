import Dexie, { type Table } from 'dexie';
import { purchaseCodec } from './purchase-codec';
import type { MonthRollup, SettingRecord, StoredPurchase, ViewedRecord } from './records';
import { V1 } from './versions/2026-11-28-v1';
import { V2 } from './versions/2026-11-28-v2';
import { V3 } from './versions/2026-11-28-v3';

export const DB_NAME = 'local-footprint';

export class FootprintDB extends Dexie {
  /** Purchases with their items inside (see `StoredPurchase`). */
  purchases!: Table<StoredPurchase, string>;
  viewed!: Table<ViewedRecord, string>;
  settings!: Table<SettingRecord, string>;
  months!: Table<MonthRollup, string>;

  constructor(name = DB_NAME) {
    super(name);
    // Every released version stays declared, each with its dated upgrade, so any older database opens.
    this.version(V1.version).stores(V1.stores);
    this.version(V2.version).stores(V2.stores).upgrade(V2.upgrade);
    this.version(V3.version).stores(V3.stores).upgrade(V3.upgrade);
    // Purchases are written in a compact row shape and read back as `StoredPurchase` (see purchase-codec.ts).
    this.use(purchaseCodec);
  }
}

export { SCHEMA_VERSION } from './schema';
