/**
 * Walks schema.org entities (JSON-LD as parsed, or microdata / RDFa converted to that shape) and
 * sorts out what a page reader needs: candidate product entities, products in lists, breadcrumb
 * trails and the types seen. Depth and node count are capped: hostile pages nest 10,000 levels.
 */
import { crumbsFromList } from './breadcrumbs';
import { isNode, isProductType, typesOf, type SchemaNode } from './schema-node';

export interface Entities {
  /** Product entities the page is about (not inside lists, orders or other entities). */
  products: SchemaNode[];
  /** Product entities inside an ItemList / OfferCatalog / search results. */
  listed: number;
  breadcrumbs: string[][];
  types: Set<string>;
}

type Context = 'page' | 'list' | 'elsewhere';

const MAX_DEPTH = 24;
const MAX_NODES = 4000;
const LIST_TYPES = new Set(['ItemList', 'OfferCatalog', 'SearchResultsPage', 'CollectionPage']);
/** Containers that stand for the page itself: a product under them is the page's product. */
const PAGE_TYPES = new Set(['WebPage', 'ItemPage', 'ProductPage', 'WebSite']);
const PAGE_KEYS = new Set(['@graph', 'mainEntity', 'mainEntityOfPage', 'about', 'itemOffered']);

export function emptyEntities(): Entities {
  return { products: [], listed: 0, breadcrumbs: [], types: new Set() };
}

export function collectEntities(roots: unknown[], into: Entities = emptyEntities()): Entities {
  const budget = { nodes: 0 };
  for (const root of roots) walk(root, 'page', 0, into, budget);
  return into;
}

function walk(value: unknown, ctx: Context, depth: number, out: Entities, budget: { nodes: number }): void {
  if (depth > MAX_DEPTH || ++budget.nodes > MAX_NODES) return;
  if (Array.isArray(value)) {
    for (const v of value) if (typeof v === 'object' && v !== null) walk(v, ctx, depth + 1, out, budget);
    return;
  }
  if (!isNode(value)) return;
  const types = typesOf(value);
  for (const t of types) out.types.add(t);
  if (isProductType(types) || types.includes('ProductGroup')) {
    if (ctx === 'page') out.products.push(value);
    else if (ctx === 'list') out.listed++;
    return;
  }
  if (types.includes('BreadcrumbList')) {
    if (ctx === 'page') out.breadcrumbs.push(crumbsFromList(value));
    return;
  }
  const isList = types.some((t) => LIST_TYPES.has(t));
  const isPage = types.length === 0 || types.some((t) => PAGE_TYPES.has(t)) || types.includes('Offer');
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (typeof child !== 'object' || child === null) continue;
    let next: Context;
    if (ctx === 'list' || isList) next = 'list';
    else if (ctx === 'page' && (isPage || PAGE_KEYS.has(key))) next = 'page';
    else next = 'elsewhere';
    walk(child, next, depth + 1, out, budget);
  }
}

