import type { Order } from '../types';
import { makeOrder, type ItemDraft } from './build';
import { parseDate } from './dates';
import { saneAmount } from './money';
import { clean } from './text';

/**
 * schema.org `Order` markup (JSON-LD and microdata), as shops and e-mail senders embed it (the Gmail
 * "order" markup). Untrusted input: size, depth and node caps, no prototype keys, never throws.
 */

type Json = unknown;
type Obj = Record<string, Json>;

const MAX_SCRIPTS = 20;
const MAX_SCRIPT_CHARS = 300_000;
const MAX_DEPTH = 12;
const MAX_NODES = 5_000;
const BAD_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isObj(v: Json): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asArray(v: Json): Json[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

/** `Order`, `schema:Order`, `http://schema.org/Order`, or any of those in an array. */
function hasType(o: Obj, type: string): boolean {
  return asArray(o['@type']).some((t) => typeof t === 'string' && t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/i, '') === type);
}

function parseJsonSafely(text: string): Json {
  if (text.length > MAX_SCRIPT_CHARS) return null;
  try {
    // The reviver drops prototype-polluting keys before anything reads the object.
    return JSON.parse(text, (k, v: Json) => (BAD_KEYS.has(k) ? undefined : v));
  } catch {
    return null;
  }
}

/** Every object typed `Order` in `root` (also inside @graph, arrays and nested properties). */
function findOrders(root: Json): Obj[] {
  const out: Obj[] = [];
  let nodes = 0;
  const stack: Array<[Json, number]> = [[root, 0]];
  while (stack.length && nodes < MAX_NODES) {
    const [v, depth] = stack.pop()!;
    nodes++;
    if (depth > MAX_DEPTH) continue;
    if (Array.isArray(v)) {
      for (const x of v) stack.push([x, depth + 1]);
    } else if (isObj(v)) {
      if (hasType(v, 'Order')) {
        out.push(v);
        continue;
      }
      for (const k of Object.keys(v)) stack.push([v[k], depth + 1]);
    }
  }
  return out.reverse();
}

function str(v: Json): string | null {
  if (typeof v === 'string') return clean(v) || null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (isObj(v)) return str(v['@value'] ?? v['name'] ?? v['value']);
  if (Array.isArray(v)) return str(v[0]);
  return null;
}

function num(v: Json): number | null {
  if (typeof v === 'number') return saneAmount(v);
  if (typeof v === 'string') {
    const t = v.trim();
    // schema.org prices are plain decimals with "." ("539.00"); anything else is not a price.
    return /^\d{1,9}(?:\.\d+)?$/.test(t) ? saneAmount(Number(t)) : null;
  }
  if (isObj(v)) return num(v['@value'] ?? v['value']);
  if (Array.isArray(v)) return num(v[0]);
  return null;
}

function currencyCode(v: Json): string | null {
  const s = str(v);
  return s && /^[A-Z]{3}$/.test(s) ? s : null;
}

function offerItem(offer: Json, orderCurrency: string | null): ItemDraft | null {
  if (!isObj(offer)) return null;
  // Offer → itemOffered; schema.org OrderItem → orderedItem; either may be a bare name.
  const product = offer['itemOffered'] ?? offer['orderedItem'];
  const title = isObj(product) ? str(product['name']) : str(product);
  if (!title) return null;
  const spec = isObj(offer['priceSpecification']) ? offer['priceSpecification'] : null;
  const price = num(offer['price']) ?? (spec ? num(spec['price']) : null);
  const quantity = num(offer['eligibleQuantity']) ?? num(offer['orderQuantity']) ?? 1;
  const currency = currencyCode(offer['priceCurrency']) ?? (spec ? currencyCode(spec['priceCurrency']) : null) ?? orderCurrency;
  return { title, quantity, price, currency };
}

function toOrder(o: Obj): Order | null {
  const spec = isObj(o['priceSpecification']) ? o['priceSpecification'] : null;
  const due = isObj(o['totalPaymentDue']) ? o['totalPaymentDue'] : null;
  const currency =
    currencyCode(o['priceCurrency']) ??
    (due ? currencyCode(due['priceCurrency'] ?? due['currency']) : null) ??
    (spec ? currencyCode(spec['priceCurrency']) : null);
  const total = num(o['price']) ?? (due ? num(due['price'] ?? due['value']) : null) ?? (spec ? num(spec['price']) : null);
  const items: ItemDraft[] = [];
  for (const offer of [...asArray(o['acceptedOffer']), ...asArray(o['orderedItem'])].slice(0, 500)) {
    const item = offerItem(offer, currency);
    if (item) items.push(item);
  }
  return makeOrder({
    orderId: str(o['orderNumber']) ?? str(o['confirmationNumber']),
    date: parseDate(str(o['orderDate'])),
    currency,
    total,
    items,
  });
}

function readJsonLd(scripts: readonly Element[]): Obj[] {
  const found: Obj[] = [];
  const n = Math.min(scripts.length, MAX_SCRIPTS);
  for (let i = 0; i < n; i++) {
    const text = scripts[i]!.textContent ?? '';
    // Cheap filter: most pages' JSON-LD is Product/Organization and need not be parsed here.
    if (!/Order"/.test(text)) continue;
    found.push(...findOrders(parseJsonSafely(text)));
  }
  return found;
}

const ORDER_ITEMTYPE = /^https?:\/\/schema\.org\/Order$/i;

function microdataValue(el: Element, depth: number): Json {
  if (el.hasAttribute('itemscope')) return microdataItem(el, depth + 1);
  const tag = el.tagName.toUpperCase();
  if (tag === 'META') return el.getAttribute('content') ?? '';
  if (tag === 'LINK' || tag === 'A') return el.getAttribute('href') ?? '';
  if (tag === 'TIME') return el.getAttribute('datetime') ?? el.textContent ?? '';
  if (tag === 'DATA' || tag === 'METER') return el.getAttribute('value') ?? '';
  return el.getAttribute('content') ?? el.textContent ?? '';
}

/** A microdata item as a JSON-LD-like object, so one mapper reads both. */
function microdataItem(scope: Element, depth = 0): Obj {
  const out: Obj = Object.create(null) as Obj;
  const type = scope.getAttribute('itemtype');
  if (type) out['@type'] = type.split(/\s+/);
  if (depth > MAX_DEPTH) return out;
  const props = scope.querySelectorAll('[itemprop]');
  const n = Math.min(props.length, MAX_NODES);
  for (let i = 0; i < n; i++) {
    const el = props[i]!;
    // Only the scope's own properties: those whose nearest enclosing item is this scope.
    if (el.parentElement?.closest('[itemscope]') !== scope) continue;
    const value = microdataValue(el, depth);
    for (const name of (el.getAttribute('itemprop') ?? '').split(/\s+/)) {
      if (!name || BAD_KEYS.has(name)) continue;
      const prev = out[name];
      out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    }
  }
  return out;
}

function readMicrodata(candidates: readonly Element[]): Obj[] {
  const found: Obj[] = [];
  for (const el of candidates) {
    const types = (el.getAttribute('itemtype') ?? '').split(/\s+/);
    if (types.some((t) => ORDER_ITEMTYPE.test(t))) found.push(microdataItem(el));
    if (found.length >= MAX_SCRIPTS) break;
  }
  return found;
}

/** Orders declared in schema.org markup; [] when there is none. */
export function readSchemaOrders(document: Document): Order[] {
  // A lone attribute selector is a fast walk in Chromium; listing every script (hundreds on some shops)
  // cost a wrapper each in a fresh world. It finds a superset of the blocks the filter keeps.
  const ld = [...document.querySelectorAll('script[type*="ld+json" i]')].filter((s) => (s.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json');
  const md = [...document.querySelectorAll('[itemtype*="schema.org/Order"]')].filter((el) => el.hasAttribute('itemscope'));
  const objs = [...readJsonLd(ld), ...readMicrodata(md)];
  const orders: Order[] = [];
  const seen = new Set<string>();
  for (const o of objs) {
    const order = toOrder(o);
    if (!order || seen.has(order.orderId!)) continue;
    seen.add(order.orderId!);
    orders.push(order);
  }
  return orders;
}
