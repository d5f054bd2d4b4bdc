/**
 * RDFa Lite (vocab / typeof / property) → entities in the JSON-LD shape. OpenGraph `<meta property>`
 * tags outside any `typeof` are left to opengraph.ts.
 */
import type { SchemaNode } from './schema-node';
import { ELEMENT_OF, addProp, elementValue, propertyName } from './dom-values';

export function rdfaItems(document: Document): SchemaNode[] {
  const scopes = document.querySelectorAll('[typeof]');
  if (scopes.length === 0) return [];
  const nodes = new Map<Element, SchemaNode>();
  const roots: SchemaNode[] = [];
  for (let i = 0; i < scopes.length; i++) {
    const el = scopes[i]!;
    const node = Object.create(null) as SchemaNode;
    node['@type'] = el.getAttribute('typeof')!.trim().split(/\s+/);
    nodes.set(el, node);
    ELEMENT_OF.set(node, el);
    if (!el.hasAttribute('property') || !el.parentElement?.closest('[typeof]')) roots.push(node);
  }
  const props = document.querySelectorAll('[typeof] [property]');
  for (let i = 0; i < props.length; i++) {
    const el = props[i]!;
    // As in microdata.ts: closest() from the element itself unless it is an item of its own.
    const owner = el.hasAttribute('typeof') ? el.parentElement?.closest('[typeof]') : el.closest('[typeof]');
    const node = owner ? nodes.get(owner) : undefined;
    if (!node) continue;
    const names = el.getAttribute('property')!.trim().split(/\s+/);
    const value = el.hasAttribute('typeof') ? nodes.get(el) : elementValue(el, names[0] ?? '');
    if (value === undefined || value === null) continue;
    for (const name of names) addProp(node, propertyName(name), value);
  }
  return roots;
}
