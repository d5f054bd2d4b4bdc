import type { FootprintDB } from './db';

export interface Settings {
  /** `page`: a badge in the page; `toolbar`: nothing is added to pages (stealth). */
  badgeMode: 'page' | 'toolbar';
  capturePaused: boolean;
  /** Shop keys (host without www.) where nothing is recorded. */
  disabledShops: string[];
  displayCurrency: string;
  recordInPrivate: boolean;
  viewedRetentionDays: number;
  exportReminder: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  badgeMode: 'page',
  capturePaused: false,
  disabledShops: [],
  displayCurrency: 'USD',
  recordInPrivate: false,
  viewedRetentionDays: 14,
  exportReminder: false,
});

const VALIDATORS: { [K in keyof Settings]: (v: unknown) => v is Settings[K] } = {
  badgeMode: (v): v is Settings['badgeMode'] => v === 'page' || v === 'toolbar',
  capturePaused: (v): v is boolean => typeof v === 'boolean',
  disabledShops: (v): v is string[] =>
    Array.isArray(v) && v.length <= 1000 && v.every((s) => typeof s === 'string' && s.length > 0 && s.length <= 253),
  displayCurrency: (v): v is string => typeof v === 'string' && /^[A-Z]{3}$/.test(v),
  recordInPrivate: (v): v is boolean => typeof v === 'boolean',
  viewedRetentionDays: (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 365,
  exportReminder: (v): v is boolean => typeof v === 'boolean',
};

/**
 * Defaults merged field by field with what is stored: a new field gets its default, a stored
 * value survives updates (runtime.onInstalled fires on every update), an invalid one is ignored.
 */
export function mergeSettings(stored: Record<string, unknown>): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, disabledShops: [...DEFAULT_SETTINGS.disabledShops] };
  for (const key of Object.keys(VALIDATORS) as Array<keyof Settings>) {
    if (!Object.hasOwn(stored, key)) continue;
    const v = stored[key];
    if (VALIDATORS[key](v)) (out as unknown as Record<string, unknown>)[key] = v;
  }
  return out;
}

export function validateSettingsPatch(patch: unknown): Partial<Settings> | null {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (!Object.hasOwn(VALIDATORS, k)) return null;
    if (!VALIDATORS[k as keyof Settings](v)) return null;
    out[k] = v;
  }
  return out as Partial<Settings>;
}

export async function getSettings(db: FootprintDB): Promise<Settings> {
  const rows = await db.settings.toArray();
  const stored: Record<string, unknown> = Object.create(null);
  for (const r of rows) stored[r.key] = r.value;
  return mergeSettings(stored);
}

export async function updateSettings(db: FootprintDB, patch: Partial<Settings>): Promise<Settings> {
  await db.settings.bulkPut(Object.entries(patch).map(([key, value]) => ({ key, value })));
  return getSettings(db);
}
