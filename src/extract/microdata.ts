/**
 * Microdata (itemscope / itemtype / itemprop) → entities in the JSON-LD shape, so that one reader
 * (schema-product.ts) serves every syntax. Nodes are null-prototype objects: an itemprop named
 * "__proto__" is just a property.
 */
import type { SchemaNode } from './schema-node';
import { ELEMENT_OF, addProp, elementValue, propertyName } from './dom-values';

export function microdataItems(document: Document): SchemaNode[] {
  const scopes = document.querySelectorAll('[itemscope]');
  if (scopes.length === 0) return [];
  const nodes = new Map<Element, SchemaNode>();
  const roots: SchemaNode[] = [];
  for (let i = 0; i < scopes.length; i++) {
    const el = scopes[i]!;
    const node = Object.create(null) as SchemaNode;
    const type = el.getAttribute('itemtype');
    if (type) node['@type'] = type.trim().split(/\s+/);
    nodes.set(el, node);
    ELEMENT_OF.set(node, el);
    // An itemprop with no item around it (itemprop="mainEntityOfPage" on the page's product) is a top-level item too.
    if (!el.hasAttribute('itemprop') || !el.parentElement?.closest('[itemscope]')) roots.push(node);
  }
  const props = document.querySelectorAll('[itemprop]');
  for (let i = 0; i < props.length; i++) {
    const el = props[i]!;
    // The nearest item around the property, itself excluded. closest() from the element itself when it is no
    // item: the parent would be one more wrapper, of yet another element interface, in a fresh world.
    const owner = el.hasAttribute('itemscope') ? el.parentElement?.closest('[itemscope]') : el.closest('[itemscope]');
    const node = owner ? nodes.get(owner) : undefined;
    if (!node) continue;
    const names = el.getAttribute('itemprop')!.trim().split(/\s+/);
    const value = el.hasAttribute('itemscope') ? nodes.get(el) : elementValue(el, names[0] ?? '');
    if (value === undefined || value === null) continue;
    for (const name of names) addProp(node, propertyName(name), value);
  }
  return roots;
}
