import { asArray, isNode, prop, textOf, type SchemaNode } from './schema-node';

const MAX_CRUMBS = 30;

/** A BreadcrumbList → names, root first (sorted by `position`; names from `name` or `item.name`). */
export function crumbsFromList(list: SchemaNode): string[] {
  const items: Array<{ pos: number; index: number; name: string }> = [];
  const elements = asArray(prop(list, 'itemListElement'));
  for (let i = 0; i < elements.length && items.length < MAX_CRUMBS; i++) {
    const el = elements[i];
    if (!isNode(el)) continue;
    const item = prop(el, 'item');
    const name = textOf(prop(el, 'name')) ?? (isNode(item) ? textOf(prop(item, 'name')) : null);
    if (!name) continue;
    const pos = Number(textOf(prop(el, 'position')));
    items.push({ pos: Number.isFinite(pos) ? pos : Number.MAX_SAFE_INTEGER, index: i, name });
  }
  items.sort((a, b) => a.pos - b.pos || a.index - b.index);
  return items.map((c) => c.name);
}

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** The trail without the product itself, which many shops repeat as the last crumb. */
export function withoutProduct(crumbs: string[], title: string | null | undefined): string[] {
  if (!title || crumbs.length < 2) return crumbs;
  const last = norm(crumbs[crumbs.length - 1]!);
  const t = norm(title);
  return last === t || (last.length > 8 && t.startsWith(last)) ? crumbs.slice(0, -1) : crumbs;
}
