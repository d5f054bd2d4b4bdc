import Dexie, { type Table } from 'dexie';
import type { ItemRecord, MonthRollup, PurchaseRecord, SettingRecord, ViewedRecord } from './records';
import { V1 } from './versions/2026-11-28-v1';

export const DB_NAME = 'local-footprint';

export class FootprintDB extends Dexie {
  purchases!: Table<PurchaseRecord, string>;
  items!: Table<ItemRecord, string>;
  viewed!: Table<ViewedRecord, string>;
  settings!: Table<SettingRecord, string>;
  months!: Table<MonthRollup, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(V1.version).stores(V1.stores);
  }
}

export const SCHEMA_VERSION = V1.version;
