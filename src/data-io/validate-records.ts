import { isPlainObject } from '../messages/validate';
import type { ItemRecord, PurchaseRecord, SettingRecord, StoredEstimate, ViewedRecord } from '../store/records';
import { DEFAULT_SETTINGS, validateSettingsPatch } from '../store/settings';
import type { Estimate, EstimateMethod } from '../types';

/**
 * Field-by-field checks of imported records. Every checker returns a fresh object holding only the
 * known fields (copied one by one, so nothing from the file's object, its prototype or odd keys survives)
 * or throws a `FieldError` that says what is wrong and where, e.g. `items[12].quantity must be a whole
 * number ≥ 1`. Text is kept exactly as written (HTML included: it is data, never markup); only its
 * length is capped.
 */
export class FieldError extends Error {}

/** Keys that could reach an object's prototype if some code ever copied them with `obj[key] = value`. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const LIMITS = {
  id: 600,
  shop: 253,
  orderId: 200,
  title: 1000,
  category: 500,
  text: 2000,
  dataVersion: 200,
  rule: 100,
  breadcrumbs: 50,
  inputs: 100,
  inputKey: 100,
  /** Amounts and kg: far above anything real, low enough to keep sums exact-ish. */
  amount: 1e12,
  quantity: 100_000,
  position: 100_000,
  itemCount: 100_000,
  settingKey: 100,
  settingNodes: 10_000,
  settingDepth: 10,
} as const;

/** Every estimate method; the Record type makes TypeScript flag a method added to the union but not here. */
const METHODS: Record<EstimateMethod, true> = {
  device: true,
  product: true,
  garment: true,
  food: true,
  spend: true,
  flight: true,
  manual: true,
  unknown: true,
};
const SOURCES: Record<PurchaseRecord['source'], true> = { page: true, manual: true, import: true };

const CURRENCY = /^[A-Z]{3}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SHOP = /^[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?$/;
const CONTROL = /[\u0000-\u001f\u007f]/;
const RULE = /^[a-z0-9][a-z0-9-]*$/;

/** What the checks noticed without failing (fields this version does not know, which are dropped), and what they expect. */
export interface CheckContext {
  unknownFields: number;
  firstUnknownField: string | null;
  /**
   * Files of schema 3 and later store estimates compact (`StoredEstimate`); files of schemas 1 and 2
   * carry whole estimates, which the import compacts.
   */
  compactEstimates: boolean;
}

/** The schema from which estimates are stored compact. */
export const COMPACT_ESTIMATES_SINCE = 3;

export function newContext(schemaVersion = COMPACT_ESTIMATES_SINCE): CheckContext {
  return { unknownFields: 0, firstUnknownField: null, compactEstimates: schemaVersion >= COMPACT_ESTIMATES_SINCE };
}

function fail(path: string, message: string): never {
  throw new FieldError(`${path} ${message}`);
}

/** A short, quoted rendering of a bad value for an error message. */
export function show(v: unknown): string {
  let s: string;
  if (typeof v === 'number') s = Number.isNaN(v) ? 'NaN' : String(v);
  else if (v === undefined) s = 'nothing';
  else {
    try {
      s = JSON.stringify(v) ?? String(v);
    } catch {
      s = String(v);
    }
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

type Obj = Record<string, unknown>;

/**
 * The checked copy with its keys in the order the file had them (the order they were stored in), so an
 * export → import round trip gives the same records down to the byte; every key is in `checked`.
 */
function inSourceOrder<T extends object>(source: Obj, checked: T): T {
  const c = checked as unknown as Obj;
  const out: Obj = {};
  for (const k of Object.keys(source)) if (Object.hasOwn(c, k)) out[k] = c[k];
  return out as T;
}

/** A plain object whose keys are all allowed; unknown keys are counted and dropped, forbidden ones fail. */
function record(v: unknown, path: string, required: ReadonlySet<string>, optional: ReadonlySet<string>, ctx: CheckContext): Obj {
  if (!isPlainObject(v)) fail(path, `must be an object, not ${kind(v)}`);
  for (const k of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(k)) fail(path, `has a forbidden key "${k}"`);
    if (!required.has(k) && !optional.has(k)) {
      if (ctx.unknownFields === 0) ctx.firstUnknownField = `${path}.${k.slice(0, 50)}`;
      ctx.unknownFields++;
    }
  }
  for (const k of required) if (!Object.hasOwn(v, k)) fail(`${path}.${k}`, 'is missing');
  return v;
}

export function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `a text (${show(v)})`;
  return `${typeof v === 'number' ? 'a number' : `a ${typeof v}`} (${show(v)})`;
}

function str(v: unknown, path: string, max: number, min = 0): string {
  if (typeof v !== 'string') fail(path, `must be a text, not ${kind(v)}`);
  if (v.length < min) fail(path, min === 1 ? 'must not be empty' : `must have at least ${min} characters`);
  if (v.length > max) fail(path, `is too long (${v.length} characters; at most ${max})`);
  return v;
}

function strOrNull(v: unknown, path: string, max: number): string | null {
  return v === null ? null : str(v, path, max);
}

function finite(v: unknown, path: string): number {
  if (typeof v !== 'number') fail(path, `must be a number, not ${kind(v)}`);
  if (!Number.isFinite(v)) fail(path, `must be a finite number, not ${show(v)}`);
  return v;
}

/** A non-negative amount (price, total, kg). */
function amount(v: unknown, path: string): number {
  const n = finite(v, path);
  if (n < 0) fail(path, `must be ≥ 0, not ${show(n)}`);
  if (n > LIMITS.amount) fail(path, `is implausibly large (${show(n)})`);
  return n;
}

function amountOrNull(v: unknown, path: string): number | null {
  return v === null ? null : amount(v, path);
}

function whole(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    fail(path, `must be a whole number ${max >= Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`}, not ${show(v)}`);
  }
  return v;
}

function timestamp(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > 8.64e15) fail(path, `must be a time in milliseconds ≥ 0, not ${show(v)}`);
  return v;
}

function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') fail(path, `must be true or false, not ${kind(v)}`);
  return v;
}

function currencyOrNull(v: unknown, path: string): string | null {
  if (v === null) return null;
  if (typeof v !== 'string' || !CURRENCY.test(v)) fail(path, `must be a three-letter ISO 4217 currency code such as "EUR", not ${show(v)}`);
  return v;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 fails), years 1900 to 2999. */
export function calendarDate(v: unknown, path: string): string {
  const m = typeof v === 'string' ? DATE.exec(v) : null;
  if (!m) fail(path, `must be a date written YYYY-MM-DD, not ${show(v)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) fail(path, `is not a real calendar date (${show(v)})`);
  if (y < 1900 || y > 2999) fail(path, `is out of range (${show(v)})`);
  return m[0];
}

/** An id: non-empty, no control characters, capped. */
function idText(v: unknown, path: string): string {
  const s = str(v, path, LIMITS.id, 1);
  if (CONTROL.test(s)) fail(path, 'must not contain control characters');
  return s;
}

function shop(v: unknown, path: string): string {
  const s = str(v, path, LIMITS.shop, 1);
  if (!SHOP.test(s)) fail(path, `must be a shop host in lower case such as "shop.example", or "manual", not ${show(s)}`);
  return s;
}

/** low ≤ kg ≤ high, allowing for rounding. */
function ordered(low: number | null, kg: number | null, high: number | null, path: string): void {
  const tol = (x: number) => 1e-9 * Math.max(1, Math.abs(x));
  if (kg === null) {
    if (low !== null || high !== null) fail(path, 'has a low or high value but no central kg value');
    return;
  }
  if (low !== null && low > kg + tol(kg)) fail(`${path}.low`, `(${show(low)}) must not be above kg (${show(kg)})`);
  if (high !== null && high < kg - tol(kg)) fail(`${path}.high`, `(${show(high)}) must not be below kg (${show(kg)})`);
}

const PURCHASE_FIELDS = new Set(['id', 'shop', 'orderId', 'date', 'month', 'currency', 'total', 'kg', 'low', 'high', 'itemCount', 'unknownItems', 'source', 'createdAt', 'updatedAt']);
const NONE: ReadonlySet<string> = new Set();

/** A purchase. Its id must be `${shop}|...` (as `purchaseKey` and manual entries make them). */
export function checkPurchase(v: unknown, path: string, ctx: CheckContext): PurchaseRecord {
  const o = record(v, path, PURCHASE_FIELDS, NONE, ctx);
  const id = idText(o.id, `${path}.id`);
  const s = shop(o.shop, `${path}.shop`);
  if (!id.startsWith(`${s}|`) || id.length === s.length + 1) fail(`${path}.id`, `must be the shop, "|" and the order key (e.g. "${s}|112-123"), not ${show(id)}`);
  const date = calendarDate(o.date, `${path}.date`);
  const month = str(o.month, `${path}.month`, 7);
  if (month !== date.slice(0, 7)) fail(`${path}.month`, `(${show(month)}) must be the month of the date (${show(date.slice(0, 7))})`);
  const source = o.source;
  if (typeof source !== 'string' || !Object.hasOwn(SOURCES, source)) fail(`${path}.source`, `must be "page", "manual" or "import", not ${show(source)}`);
  const kg = amount(o.kg, `${path}.kg`);
  const low = amount(o.low, `${path}.low`);
  const high = amount(o.high, `${path}.high`);
  ordered(low, kg, high, path);
  const itemCount = whole(o.itemCount, `${path}.itemCount`, 0, LIMITS.itemCount);
  const unknownItems = whole(o.unknownItems, `${path}.unknownItems`, 0, LIMITS.itemCount);
  if (unknownItems > itemCount) fail(`${path}.unknownItems`, `(${unknownItems}) must not exceed itemCount (${itemCount})`);
  return inSourceOrder(o, {
    id,
    shop: s,
    orderId: strOrNull(o.orderId, `${path}.orderId`, LIMITS.orderId),
    date,
    month,
    currency: currencyOrNull(o.currency, `${path}.currency`),
    total: amountOrNull(o.total, `${path}.total`),
    kg,
    low,
    high,
    itemCount,
    unknownItems,
    source: source as PurchaseRecord['source'],
    createdAt: timestamp(o.createdAt, `${path}.createdAt`),
    updatedAt: timestamp(o.updatedAt, `${path}.updatedAt`),
  });
}

const ESTIMATE_FIELDS = new Set(['kg', 'low', 'high', 'method', 'category', 'factor', 'factorUnit', 'source', 'dataVersion', 'inputs']);
const ESTIMATE_OPTIONAL = new Set(['comparison', 'hint', 'note']);
const STORED_FIELDS = new Set(['kg', 'low', 'high', 'method', 'category', 'factor', 'dataVersion']);
const STORED_OPTIONAL = new Set(['rule', 'kept', 'factorUnit', 'source', 'comparison', 'hint', 'note', 'inputs']);
const TEXT_FIELDS = ['factorUnit', 'source', 'comparison', 'hint', 'note'] as const;

/** The figures every estimate has, checked. */
function figures(o: Obj, path: string): Pick<Estimate, 'kg' | 'low' | 'high' | 'method' | 'category' | 'factor' | 'dataVersion'> {
  const kg = amountOrNull(o.kg, `${path}.kg`);
  const low = amountOrNull(o.low, `${path}.low`);
  const high = amountOrNull(o.high, `${path}.high`);
  ordered(low, kg, high, path);
  const method = o.method;
  if (typeof method !== 'string' || !Object.hasOwn(METHODS, method)) {
    fail(`${path}.method`, `must be one of ${Object.keys(METHODS).join(', ')}, not ${show(method)}`);
  }
  return {
    kg,
    low,
    high,
    method: method as EstimateMethod,
    category: strOrNull(o.category, `${path}.category`, LIMITS.category),
    factor: o.factor === null ? null : finite(o.factor, `${path}.factor`),
    dataVersion: str(o.dataVersion, `${path}.dataVersion`, LIMITS.dataVersion),
  };
}

/** An estimate: compact (`StoredEstimate`, schema 3 on) or whole (`Estimate`, schemas 1 and 2), as the context says. */
export function checkEstimate(v: unknown, path: string, ctx: CheckContext): StoredEstimate {
  return ctx.compactEstimates ? checkStoredEstimate(v, path, ctx) : checkWholeEstimate(v, path, ctx);
}

function checkWholeEstimate(v: unknown, path: string, ctx: CheckContext): Estimate {
  const o = record(v, path, ESTIMATE_FIELDS, ESTIMATE_OPTIONAL, ctx);
  const e: Estimate = {
    ...figures(o, path),
    factorUnit: strOrNull(o.factorUnit, `${path}.factorUnit`, LIMITS.text),
    source: strOrNull(o.source, `${path}.source`, LIMITS.text),
    inputs: checkInputs(o.inputs, `${path}.inputs`),
  };
  for (const k of ESTIMATE_OPTIONAL) {
    if (Object.hasOwn(o, k)) (e as unknown as Obj)[k] = strOrNull(o[k], `${path}.${k}`, LIMITS.text);
  }
  return inSourceOrder(o, e);
}

function checkStoredEstimate(v: unknown, path: string, ctx: CheckContext): StoredEstimate {
  const o = record(v, path, STORED_FIELDS, STORED_OPTIONAL, ctx);
  const e: StoredEstimate = figures(o, path);
  if (Object.hasOwn(o, 'rule')) {
    const rule = str(o.rule, `${path}.rule`, LIMITS.rule, 1);
    if (!RULE.test(rule)) fail(`${path}.rule`, `must be a rule name such as "laptop", not ${show(rule)}`);
    e.rule = rule;
  }
  if (Object.hasOwn(o, 'kept')) {
    if (o.kept !== true) fail(`${path}.kept`, `must be true when present, not ${show(o.kept)}`);
    e.kept = true;
    for (const k of ['factorUnit', 'source', 'inputs']) if (!Object.hasOwn(o, k)) fail(`${path}.${k}`, 'is missing (a kept estimate has every field)');
  }
  for (const k of TEXT_FIELDS) if (Object.hasOwn(o, k)) e[k] = strOrNull(o[k], `${path}.${k}`, LIMITS.text);
  if (Object.hasOwn(o, 'inputs')) e.inputs = checkInputs(o.inputs, `${path}.inputs`);
  return inSourceOrder(o, e);
}

function checkInputs(v: unknown, path: string): Estimate['inputs'] {
  if (!isPlainObject(v)) fail(path, `must be an object, not ${kind(v)}`);
  const keys = Object.keys(v);
  if (keys.length > LIMITS.inputs) fail(path, `has too many entries (${keys.length}; at most ${LIMITS.inputs})`);
  const out: Estimate['inputs'] = {};
  for (const k of keys) {
    const p = `${path}.${k.slice(0, 50)}`;
    if (FORBIDDEN_KEYS.has(k)) fail(path, `has a forbidden key "${k}"`);
    if (k.length === 0 || k.length > LIMITS.inputKey) fail(path, `has a key of bad length (${k.length})`);
    const x = v[k];
    if (x === null || typeof x === 'boolean') out[k] = x;
    else if (typeof x === 'number') out[k] = finite(x, p);
    else if (typeof x === 'string') out[k] = str(x, p, LIMITS.text);
    else fail(p, `must be a text, a number, true/false or null, not ${kind(x)}`);
  }
  return out;
}

const ITEM_FIELDS = new Set(['id', 'purchaseId', 'position', 'title', 'quantity', 'price', 'currency', 'category', 'estimate', 'edited']);

/** An item; its id must be `${purchaseId}#${position}`. */
export function checkItem(v: unknown, path: string, ctx: CheckContext): ItemRecord {
  const o = record(v, path, ITEM_FIELDS, NONE, ctx);
  const id = idText(o.id, `${path}.id`);
  const purchaseId = idText(o.purchaseId, `${path}.purchaseId`);
  const bar = purchaseId.indexOf('|');
  if (bar < 1 || bar === purchaseId.length - 1) fail(`${path}.purchaseId`, `must look like "shop.example|112-123", not ${show(purchaseId)}`);
  const position = whole(o.position, `${path}.position`, 0, LIMITS.position);
  if (id !== `${purchaseId}#${position}`) fail(`${path}.id`, `must be the purchase id, "#" and the position (${show(`${purchaseId}#${position}`)}), not ${show(id)}`);
  return inSourceOrder(o, {
    id,
    purchaseId,
    position,
    title: str(o.title, `${path}.title`, LIMITS.title, 1),
    quantity: whole(o.quantity, `${path}.quantity`, 1, LIMITS.quantity),
    price: amountOrNull(o.price, `${path}.price`),
    currency: currencyOrNull(o.currency, `${path}.currency`),
    category: str(o.category, `${path}.category`, LIMITS.category),
    estimate: checkEstimate(o.estimate, `${path}.estimate`, ctx),
    edited: bool(o.edited, `${path}.edited`),
  });
}

const VIEWED_FIELDS = new Set(['id', 'host', 'title', 'category', 'breadcrumbs', 'price', 'currency', 'seenAt']);

/** A viewed product; its id must be `${host}|...`. */
export function checkViewed(v: unknown, path: string, ctx: CheckContext): ViewedRecord {
  const o = record(v, path, VIEWED_FIELDS, NONE, ctx);
  const id = idText(o.id, `${path}.id`);
  const host = shop(o.host, `${path}.host`);
  if (!id.startsWith(`${host}|`)) fail(`${path}.id`, `must start with the host and "|" (${show(`${host}|`)}), not ${show(id)}`);
  let breadcrumbs: string[] | null = null;
  if (o.breadcrumbs !== null) {
    if (!Array.isArray(o.breadcrumbs)) fail(`${path}.breadcrumbs`, `must be a list of texts or null, not ${kind(o.breadcrumbs)}`);
    if (o.breadcrumbs.length > LIMITS.breadcrumbs) fail(`${path}.breadcrumbs`, `has too many entries (${o.breadcrumbs.length})`);
    breadcrumbs = o.breadcrumbs.map((b: unknown, i) => str(b, `${path}.breadcrumbs[${i}]`, LIMITS.category));
  }
  return inSourceOrder(o, {
    id,
    host,
    title: str(o.title, `${path}.title`, LIMITS.title),
    category: strOrNull(o.category, `${path}.category`, LIMITS.category),
    breadcrumbs,
    price: amountOrNull(o.price, `${path}.price`),
    currency: currencyOrNull(o.currency, `${path}.currency`),
    seenAt: timestamp(o.seenAt, `${path}.seenAt`),
  });
}

const SETTING_FIELDS = new Set(['key', 'value']);
const SETTING_KEY = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/**
 * A setting. The known ones (see `Settings`) must pass the store's own validators; others (written by a
 * later version) are kept if they are plain JSON data of bounded size, copied into fresh objects.
 */
export function checkSetting(v: unknown, path: string, ctx: CheckContext): SettingRecord {
  const o = record(v, path, SETTING_FIELDS, NONE, ctx);
  const key = str(o.key, `${path}.key`, LIMITS.settingKey, 1);
  if (!SETTING_KEY.test(key) || FORBIDDEN_KEYS.has(key)) fail(`${path}.key`, `is not an allowed setting name (${show(key)})`);
  const value = plainData(o.value, `${path}.value`, { nodes: 0 }, 0);
  if (Object.hasOwn(DEFAULT_SETTINGS, key) && validateSettingsPatch({ [key]: value }) === null) {
    fail(`${path}.value`, `is not a valid value for the setting "${key}" (${show(value)})`);
  }
  return inSourceOrder(o, { key, value });
}

/** A deep copy of JSON data (no functions, no odd keys), bounded in depth and size. */
function plainData(v: unknown, path: string, budget: { nodes: number }, depth: number): unknown {
  if (++budget.nodes > LIMITS.settingNodes) fail(path, 'is too large');
  if (depth > LIMITS.settingDepth) fail(path, 'is nested too deeply');
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'number') return finite(v, path);
  if (typeof v === 'string') return str(v, path, 100_000);
  if (Array.isArray(v)) return v.map((x: unknown, i) => plainData(x, `${path}[${i}]`, budget, depth + 1));
  if (isPlainObject(v)) {
    const out: Obj = {};
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) fail(path, `has a forbidden key "${k}"`);
      out[k] = plainData(v[k], `${path}.${k.slice(0, 50)}`, budget, depth + 1);
    }
    return out;
  }
  return fail(path, `must be JSON data, not ${kind(v)}`);
}
