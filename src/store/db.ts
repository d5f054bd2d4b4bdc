import Dexie, { type Table } from 'dexie';
import type { ItemRecord, MonthRollup, PurchaseRecord, SettingRecord, ViewedRecord } from './records';
import { V1 } from './versions/2026-11-28-v1';
import { V2 } from './versions/2026-11-28-v2';

export const DB_NAME = 'local-footprint';

export class FootprintDB extends Dexie {
  purchases!: Table<PurchaseRecord, string>;
  items!: Table<ItemRecord, string>;
  viewed!: Table<ViewedRecord, string>;
  settings!: Table<SettingRecord, string>;
  months!: Table<MonthRollup, string>;

  constructor(name = DB_NAME) {
    super(name);
    // Every released version stays declared, each with its dated upgrade, so any older database opens.
    this.version(V1.version).stores(V1.stores);
    this.version(V2.version).stores(V2.stores).upgrade(V2.upgrade);
  }
}

export const SCHEMA_VERSION = V2.version;
