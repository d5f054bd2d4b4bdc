/**
 * Helpers for schema.org entities in the shape all structured-data tiers share: JSON-LD objects as
 * parsed, and microdata / RDFa items converted to the same shape (see microdata.ts, rdfa.ts).
 * Pages are hostile input: properties are read with Object.hasOwn only, so `__proto__`, `constructor`
 * and friends never reach the prototype chain.
 */

export type SchemaNode = Record<string, unknown>;

export function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function prop(node: SchemaNode, key: string): unknown {
  return Object.hasOwn(node, key) ? node[key] : undefined;
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

const TYPE_PREFIX = /^(?:https?:\/\/(?:www\.)?schema\.org\/|schema:)/i;

const CANONICAL: Record<string, string> = Object.fromEntries(
  ['Product', 'ProductGroup', 'ProductModel', 'IndividualProduct', 'Offer', 'AggregateOffer', 'BreadcrumbList', 'ListItem', 'ItemList', 'Brand', 'Organization'].map((t) => [t.toLowerCase(), t]),
);

/** Short type names: "http://schema.org/Product", ["schema:Product"] → ["Product"]. */
export function typesOf(node: SchemaNode): string[] {
  const raw = prop(node, '@type');
  const out: string[] = [];
  for (const t of asArray(raw)) {
    if (typeof t !== 'string') continue;
    for (const part of t.split(/\s+/)) {
      if (!part) continue;
      const short = part.replace(TYPE_PREFIX, '');
      // Hand-written markup says "product" as often as "Product".
      const lower = short.toLowerCase();
      out.push(Object.hasOwn(CANONICAL, lower) ? CANONICAL[lower]! : short);
    }
  }
  return out;
}

/** schema.org types whose entities we read as the page's product (Car/Vehicle are Products in schema.org). */
const PRODUCT_TYPES = new Set(['Product', 'ProductModel', 'IndividualProduct', 'SomeProducts', 'Vehicle', 'Car', 'Motorcycle', 'Book']);

export function isProductType(types: string[]): boolean {
  for (const t of types) if (PRODUCT_TYPES.has(t)) return true;
  return false;
}

export function hasType(types: string[], name: string): boolean {
  return types.includes(name);
}

const ENTITY = /&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt|nbsp|#39);/gi;
const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };
const SPACES = /\s+/g;

/** Markup text often carries HTML entities ("&amp;") and layout whitespace; readers want neither. */
export function cleanText(text: string): string {
  let s = text;
  if (s.includes('&')) {
    s = s.replace(ENTITY, (m, code: string) => {
      const c = code.toLowerCase();
      if (c.startsWith('#x')) return safeCodePoint(parseInt(c.slice(2), 16)) ?? m;
      if (c.startsWith('#')) return safeCodePoint(parseInt(c.slice(1), 10)) ?? m;
      return Object.hasOwn(NAMED, c) ? NAMED[c]! : m;
    });
  }
  return s.replace(SPACES, ' ').trim();
}

function safeCodePoint(n: number): string | null {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : null;
}

/** A display string from a property value: text, a number, `{name}` / `{@value}` objects, or the first of a list. */
export function textOf(value: unknown, depth = 0): string | null {
  if (depth > 3) return null;
  if (typeof value === 'string') {
    const s = cleanText(value);
    return s || null;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = textOf(v, depth + 1);
      if (s) return s;
    }
    return null;
  }
  if (isNode(value)) return textOf(prop(value, 'name') ?? prop(value, '@value'), depth + 1);
  return null;
}
