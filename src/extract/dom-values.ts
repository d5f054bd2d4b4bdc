import type { SchemaNode } from './schema-node';
import { textStart } from './bounded-text';

/** The element each microdata / RDFa item came from: lets the reader ask "does it hold the h1?". */
export const ELEMENT_OF = new WeakMap<SchemaNode, Element>();

/** Long free-text properties nobody here reads: skip their (possibly huge) textContent. */
const SKIPPED = new Set(['description', 'reviewBody', 'articleBody', 'text', 'review', 'comment']);
const MAX_TEXT = 400;
const NAME_PREFIX = /^(?:https?:\/\/[^\s]*[/#]|[a-z]+:)/i;

/** "http://schema.org/price", "schema:price" → "price". */
export function propertyName(raw: string): string {
  return raw.replace(NAME_PREFIX, '');
}

/** The value of a microdata / RDFa property element, by the rules of both specs (content wins). */
export function elementValue(el: Element, name: string): string | null {
  const content = el.getAttribute('content');
  if (content !== null) return content;
  const tag = el.tagName.toLowerCase();
  if (tag === 'meta') return null;
  if (tag === 'a' || tag === 'link' || tag === 'area') return el.getAttribute('href');
  if (tag === 'img' || tag === 'source' || tag === 'audio' || tag === 'video' || tag === 'iframe') return el.getAttribute('src');
  if (tag === 'data' || tag === 'meter') return el.getAttribute('value');
  if (tag === 'time') return el.getAttribute('datetime') ?? textStart(el, MAX_TEXT);
  if (SKIPPED.has(propertyName(name))) return null;
  return textStart(el, MAX_TEXT);
}

export function addProp(node: SchemaNode, name: string, value: unknown): void {
  if (!name) return;
  if (!Object.hasOwn(node, name)) {
    node[name] = value;
    return;
  }
  const prev = node[name];
  if (Array.isArray(prev)) prev.push(value);
  else node[name] = [prev, value];
}
