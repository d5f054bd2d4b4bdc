/**
 * One structured-data tier (JSON-LD, microdata or RDFa) → TierReading: the page's product as that
 * tier tells it, and what else it saw (several products, lists, breadcrumb trails).
 */
import { collectEntities } from './entities';
import { jsonLdBlocks } from './json-ld';
import type { PriceContext } from './markup-price';
import { microdataItems } from './microdata';
import { rdfaItems } from './rdfa';
import { withoutProduct } from './breadcrumbs';
import { productFromNode } from './schema-product';
import { prop, textOf, type SchemaNode } from './schema-node';
import type { ProductFacts, TierReading } from './types';
import { ELEMENT_OF } from './dom-values';
import { namesPage, type PageHints } from './hints';

const NO_HINTS: PageHints = { headings: [], titles: [], h1s: [] };

export function readJsonLd(document: Document, url: URL, ctx: PriceContext, hints: PageHints = NO_HINTS): TierReading {
  return readEntities(jsonLdBlocks(document), url, ctx, hints);
}

export function readMicrodata(document: Document, url: URL, ctx: PriceContext, hints: PageHints = NO_HINTS): TierReading {
  return readEntities(microdataItems(document), url, ctx, hints);
}

export function readRdfa(document: Document, url: URL, ctx: PriceContext, hints: PageHints = NO_HINTS): TierReading {
  return readEntities(rdfaItems(document), url, ctx, hints);
}

/**
 * Any microdata or RDFa item at all. Two queries, not one list: Chromium gives a lone attribute selector a
 * fast path that a selector list loses, and the list then costs a full walk even when an item comes first
 * (warm, zalando.ie 2,900 elements: 0.10 ms for the list, 0.035 for the two; laendleanzeiger.at 0.63 / 0.005).
 */
export function hasDomMarkup(document: Document): boolean {
  return document.querySelector('[itemscope]') !== null || document.querySelector('[typeof]') !== null;
}

export function readEntities(roots: unknown[], url: URL, ctx: PriceContext, hints: PageHints = NO_HINTS): TierReading {
  if (roots.length === 0) return { product: null, identified: false, distinctProducts: 0, listedProducts: 0, types: new Set() };
  const entities = collectEntities(roots);
  const groups = groupProducts(entities.products, ctx, url);
  const picked = pickGroup(groups, url, hints);
  // Unidentified among several: none of them speaks for the page, only the breadcrumb trail does.
  let product = picked?.identified ? groupFacts(picked.group, ctx, url) : null;
  const trail = entities.breadcrumbs.find((c) => c.length > 0);
  if (trail) {
    if (product) {
      const crumbs = withoutProduct(trail, product.title);
      product.breadcrumbs = crumbs;
    } else if (groups.length === 0) {
      // A breadcrumb-only block (common beside OpenGraph): lower tiers supply the rest.
      product = { breadcrumbs: trail };
    }
  }
  return { product, identified: picked?.identified ?? false, distinctProducts: groups.length, listedProducts: entities.listed, types: entities.types };
}

interface Group {
  key: string;
  /** The first entity's name (all share it, up to case and spaces). */
  title: string | null;
  nodes: SchemaNode[];
  /** Facts already read while grouping (entities without a name), by node. */
  read: Map<SchemaNode, ProductFacts>;
}

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Entities with the same name (one Product per size or colour, as Zara writes them) are one product.
 * Grouping needs names only: a listing page's dozens of entities are not read in full (each offer's
 * price goes through the price parser), only the group that turns out to be the page's product is.
 */
function groupProducts(nodes: SchemaNode[], ctx: PriceContext, url: URL): Group[] {
  const groups: Group[] = [];
  for (const node of nodes.slice(0, 100)) {
    let title = textOf(prop(node, 'name'));
    let facts: ProductFacts | null = null;
    if (!title) {
      // Without a name the key comes from what the entity reads as (a variant's name, its sku).
      facts = productFromNode(node, ctx, url);
      title = facts.title ?? null;
    }
    const key = title ? norm(title) : (facts!.sku ?? textOf(prop(node, '@id')) ?? `#${groups.length}`);
    let group = groups.find((g) => g.key === key);
    if (!group) groups.push((group = { key, title, nodes: [], read: new Map() }));
    group.nodes.push(node);
    if (facts) group.read.set(node, facts);
  }
  return groups;
}

/** A group's facts: the first entity that carries a price leads, the others fill gaps. */
function groupFacts(group: Group, ctx: PriceContext, url: URL): ProductFacts {
  let facts: ProductFacts | null = null;
  for (const node of group.nodes) {
    const f = group.read.get(node) ?? productFromNode(node, ctx, url);
    if (!facts) facts = f;
    else if (facts.price == null && f.price != null) facts = fillFrom(f, facts);
    else facts = fillFrom(facts, f);
  }
  return facts!;
}

function fillFrom(primary: ProductFacts, secondary: ProductFacts): ProductFacts {
  const out: ProductFacts = { ...secondary, ...primary };
  for (const key of Object.keys(secondary) as Array<keyof ProductFacts>) {
    if (out[key] === undefined || out[key] === null) (out as Record<string, unknown>)[key] = secondary[key];
  }
  return out;
}

/**
 * Several distinct products (carousels, "customers also bought"): the page's product is the one
 * whose url is this page, whose element holds the h1, or whose name the h1 / page title gives.
 * No clear winner = not identified (the caller treats that as a listing).
 */
function pickGroup(groups: Group[], url: URL, hints: PageHints): { group: Group; identified: boolean } | null {
  if (groups.length === 0) return null;
  if (groups.length === 1) return { group: groups[0]!, identified: true };
  const here = url.origin + url.pathname;
  let best: Group | null = null;
  let bestScore = 0;
  let tie = false;
  for (const g of groups) {
    let score = 0;
    for (const n of g.nodes) {
      const u = textOf(prop(n, 'url')) ?? textOf(prop(n, '@id'));
      if (u && (u === url.href || u.split(/[?#]/)[0] === here)) score = Math.max(score, 3);
      const el = ELEMENT_OF.get(n);
      if (el && hints.h1s.some((h) => el.contains(h))) score = Math.max(score, 2);
    }
    if (namesPage(g.title, hints)) score += 2;
    if (score > bestScore) {
      best = g;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && score > 0) tie = true;
  }
  if (best && bestScore >= 2 && !tie) return { group: best, identified: true };
  return { group: groups[0]!, identified: false };
}
