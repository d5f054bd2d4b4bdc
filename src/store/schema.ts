/**
 * The current schema version, without Dexie or the version modules: extension pages (the options page's
 * import and export) need the number, and must not load the database code, nor the engine and data
 * tables that the upgrades use. It must equal the last version `db.ts` declares (a test opens the
 * database and compares).
 */
export const SCHEMA_VERSION = 4;
