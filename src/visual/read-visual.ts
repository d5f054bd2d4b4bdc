import { countryFromHostname } from '../price/country';
import { clean, isStruck, MAX_TEXT, metaContent, priceText, spacedText, toPrice, visibleText } from '../shops/read';
import type { Product } from '../types';
import {
  hasPriceToken,
  INSTALMENT_RE,
  NET_PRICE_RE,
  PRICE_TOKEN_GLOBAL_RE,
  REFERENCE_RE,
  SHIPPING_RE,
  UNIT_PRICE_RE,
} from './price-text';
import { findBuyControls } from './buy-controls';

/**
 * The generic tier for pages without usable markup: what a shopper reads as "the product" is the
 * main heading, and "its price" is the emphasised amount next to the heading and the buy button.
 * Everything here is bounded: a few selectors, a few ancestors, a capped walk per ancestor.
 */

const EXCLUDED_CONTAINERS = 'nav, footer, aside, dialog, [role="dialog"], [aria-modal="true"], [role="navigation"], [role="banner"], [role="contentinfo"]';
const MAIN_SELECTORS = ['main', '[role="main"]', '#main', '#content', '#maincontent', '#main-content', '.main-content'];

const PRICE_CLASS_RE = /price|preis|prix|precio|prezzo|prijs|pris|hinta|cena|fiyat|цена|amount|cost/i;
const CURRENT_CLASS_RE = /sale|current|final|now|special|offer|actual|selling|our|promo|reduced|deal|main|big|large|hero|primary/i;
const OLD_CLASS_RE = /old|was|regular|list|compare|strike|before|original|rrp|uvp|msrp|crossed|previous|retail/i;
const EMPHASIS_TAGS = new Set(['B', 'STRONG', 'H1', 'H2', 'H3', 'H4', 'BIG', 'EM']);
const ADDON_RE = /^\s*\+/;
const TITLE_SUFFIX_RE = /\s+[|\-–—:·•]\s+[^|\-–—:·•]{2,40}$/;

/** Beyond this many price-bearing buy buttons or price tiles without a buy box, it is a listing. */
const MAX_BUY_BUTTONS = 3;
const LISTING_PRICE_TILES = 12;
const ANCESTOR_LEVELS = 6;
const WALK_CAP = 1500;
const DIGIT_RE = /\d/;
const MAX_CANDIDATE_TEXT = 80;

interface Candidate {
  el: Element;
  text: string;
  score: number;
  level: number;
}

/**
 * Caches for one reading: many candidates ask for the same ancestors' texts and the same site-chrome
 * verdicts, and each answer costs a walk. Dropped when the reading ends (the page may change after).
 */
interface RunCache {
  texts: Map<Node, Map<number, string>>;
  excluded: Map<Element, boolean>;
  siteHeaders: Map<Element, boolean>;
  climbs: Map<Node, Element | null>;
  rejected: Map<Element, boolean>;
}

let cache: RunCache | null = null;

function withCache<T>(read: () => T): T {
  const outer = cache;
  cache = outer ?? { texts: new Map(), excluded: new Map(), siteHeaders: new Map(), climbs: new Map(), rejected: new Map() };
  try {
    return read();
  } finally {
    cache = outer;
  }
}

/** visibleText, remembered for the reading. */
function textOf(el: Element, max: number): string {
  if (!cache) return visibleText(el, max);
  let byMax = cache.texts.get(el);
  if (!byMax) cache.texts.set(el, (byMax = new Map()));
  let t = byMax.get(max);
  if (t === undefined) byMax.set(max, (t = visibleText(el, max)));
  return t;
}

/** Site chrome, not the product. A <header> counts only when it is the site header (has nav or search). */
function excluded(el: Element): boolean {
  let verdict = cache?.excluded.get(el);
  if (verdict === undefined) {
    verdict = el.closest(EXCLUDED_CONTAINERS) !== null || siteHeader(el.closest('header'));
    cache?.excluded.set(el, verdict);
  }
  return verdict;
}

function siteHeader(header: Element | null): boolean {
  if (!header) return false;
  let verdict = cache?.siteHeaders.get(header);
  if (verdict === undefined) {
    verdict = header.querySelector('nav, input[type="search"], [role="search"]') !== null;
    cache?.siteHeaders.set(header, verdict);
  }
  return verdict;
}

function mainRoot(document: Document): ParentNode {
  for (const sel of MAIN_SELECTORS) {
    const el = document.querySelector(sel);
    if (el && el.querySelector('h1')) return el;
  }
  return document;
}

function findHeading(document: Document): Element | null {
  const root = mainRoot(document);
  for (const h of Array.from(root.querySelectorAll('h1')).slice(0, 6)) {
    if (!excluded(h) && spacedText(h).length >= 2) return h;
  }
  return null;
}

function titleFallback(document: Document): string | null {
  const og = metaContent(document, 'og:title');
  const t = og || clean(document.title);
  return t ? t.replace(TITLE_SUFFIX_RE, '').trim() || null : null;
}

/** Context a price is read in: its own text plus a short parent text ("Was £39.99", "£6.24 / Pack"). */
function contextOf(el: Element): string {
  const parent = el.parentElement;
  const pt = parent ? textOf(parent, 81) : '';
  return pt.length <= 80 ? pt : textOf(el, MAX_TEXT);
}

function rejected(el: Element, text: string): boolean {
  if (INSTALMENT_RE.test(text) || REFERENCE_RE.test(text) || ADDON_RE.test(text)) return true;
  const ctx = contextOf(el);
  if (ctx !== text) {
    // Only reject on context that is about this very amount, not a sibling's.
    if ((INSTALMENT_RE.test(ctx) || SHIPPING_RE.test(ctx)) && countTokens(ctx) === 1) return true;
    if (REFERENCE_RE.test(ctx) && countTokens(ctx) === 1) return true;
  }
  if ((NET_PRICE_RE.test(text) || (NET_PRICE_RE.test(ctx) && countTokens(ctx) === 1)) && netAfterPrice(el, text)) return true;
  return (isStruck(el) && !loneMarkedOld(el)) || excluded(el);
}

/**
 * A price before tax shown after another price in the same price block ("100.00€ / Brez DDV: 81.97€")
 * is the secondary figure. Shown first ("bez DPH 4386,00 € s DPH 5263,20 €"), it is the shop's headline.
 */
function netAfterPrice(el: Element, text: string): boolean {
  let a: Element | null = el.parentElement;
  for (let i = 0; a && i < 3; a = a.parentElement, i++) {
    const block = textOf(a, 200);
    if (countTokens(block) < 2) continue;
    const at = block.indexOf(text);
    return at > 0 && hasPriceToken(block.slice(0, at));
  }
  return false;
}

const STRUCK_TAGS = new Set(['DEL', 'S', 'STRIKE']);

/**
 * A price whose class says "old" but that stands alone in its block, with no current price beside it
 * ("price-old-live" on some shop themes is the live price): not crossed out on screen, so it stays a
 * candidate (scoreOf still ranks it low, so any other price near the title beats it).
 */
function loneMarkedOld(el: Element): boolean {
  for (let e: Element | null = el; e && e.tagName !== 'BODY'; e = e.parentElement) {
    if (STRUCK_TAGS.has(e.tagName) || e.hasAttribute('data-a-strike')) return false;
  }
  const parent = el.parentElement;
  return parent !== null && countTokens(textOf(parent, 200)) === 1;
}

function countTokens(text: string): number {
  PRICE_TOKEN_GLOBAL_RE.lastIndex = 0;
  let n = 0;
  while (PRICE_TOKEN_GLOBAL_RE.exec(text)) n++;
  PRICE_TOKEN_GLOBAL_RE.lastIndex = 0;
  return n;
}

function classOf(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('data-testid') ?? ''} ${el.getAttribute('data-test') ?? ''} ${el.getAttribute('itemprop') ?? ''}`;
}

function scoreOf(el: Element, level: number): number {
  let score = 10 - level * 1.5;
  for (let e: Element | null = el, i = 0; e && i < 3; e = e.parentElement, i++) {
    const cls = classOf(e);
    if (PRICE_CLASS_RE.test(cls)) score += i === 0 ? 3 : 1.5;
    if (CURRENT_CLASS_RE.test(cls) && PRICE_CLASS_RE.test(cls)) score += 2;
    if (OLD_CLASS_RE.test(cls)) score -= 6;
    if (e.getAttribute('itemprop') === 'price') score += 3;
    if (e.hasAttribute('data-price') || e.hasAttribute('data-price-amount')) score += 2;
    if (EMPHASIS_TAGS.has(e.tagName)) score += 1;
  }
  return score;
}

/**
 * Price-like elements around `anchor`, found by walking text nodes (cheap) rather than asking
 * every element for its text. Each candidate is scored by how many ancestors up it meets the anchor.
 */
function collectNear(anchor: Element, into: Map<Element, Candidate>, grids: Map<Element, boolean>): void {
  const levels = new Map<Element, number>();
  let top: Element = anchor;
  for (let node: Element | null = anchor, level = 0; node && level < ANCESTOR_LEVELS; node = node.parentElement, level++) {
    if (node.tagName === 'BODY' || node.tagName === 'HTML') break;
    levels.set(node, level);
    top = node;
  }
  const walker = anchor.ownerDocument.createTreeWalker(top, 4);
  let n = 0;
  for (let t = walker.nextNode(); t && n < WALK_CAP; t = walker.nextNode(), n++) {
    const value = t.nodeValue;
    if (!value || !DIGIT_RE.test(value) || value.length > 60) continue;
    const el = priceElementOf(t);
    if (!el || into.has(el)) continue;
    const text = textOf(el, MAX_CANDIDATE_TEXT + 1);
    // A text node directly in a large block can make the block look like a price: not a price element.
    if (text.length > MAX_CANDIDATE_TEXT) continue;
    if (!hasPriceToken(text) || rejectedOnce(el, text) || inTileGrid(el, anchor, grids)) continue;
    let level = ANCESTOR_LEVELS;
    for (let a: Element | null = el; a; a = a.parentElement) {
      const l = levels.get(a);
      if (l !== undefined) { level = l; break; }
    }
    let score = scoreOf(el, level);
    if (UNIT_PRICE_RE.test(contextOf(el))) score -= 8;
    into.set(el, { el, text, score, level });
  }
}

/**
 * The element a digit-bearing text node's price is read from. The amount may be split over spans
 * ("£<span>399</span>"): climb to the smallest element holding a whole price. Anchors' walks overlap,
 * so the answer is remembered per text node.
 */
function priceElementOf(t: Node): Element | null {
  const known = cache?.climbs.get(t);
  if (known !== undefined) return known;
  let el = t.parentElement;
  for (let i = 0; el && i < 3; i++, el = el.parentElement) {
    const tag = el.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'OPTION' || tag === 'TITLE') { el = null; break; }
    const text = textOf(el, 33);
    if (text.length > 32) { el = null; break; }
    if (hasPriceToken(text)) break;
  }
  cache?.climbs.set(t, el);
  return el;
}

/** rejected() does not depend on the anchor: asked once per element and reading. */
function rejectedOnce(el: Element, text: string): boolean {
  let verdict = cache?.rejected.get(el);
  if (verdict === undefined) {
    verdict = rejected(el, text);
    cache?.rejected.set(el, verdict);
  }
  return verdict;
}

const GRID_TILES = 3;
const GRID_DEPTH = 8;
const GRID_SCAN = 60;

/**
 * A price inside a grid or carousel of product tiles ("related products", "customers also bought"):
 * some ancestor below the anchor's own block has at least three same-tag siblings that each show a
 * price, a link and a picture. The product's own price block does not repeat like that.
 */
function inTileGrid(el: Element, anchor: Element, grids: Map<Element, boolean>): boolean {
  let a: Element | null = el;
  for (let i = 0; a && i < GRID_DEPTH; a = a.parentElement, i++) {
    const parent: Element | null = a.parentElement;
    if (!parent || parent.contains(anchor)) return false;
    let grid = grids.get(parent);
    if (grid === undefined) {
      grid = sameTagSiblings(parent, a.tagName) >= GRID_TILES && priceTiles(parent, a.tagName) >= GRID_TILES;
      grids.set(parent, grid);
    }
    if (grid) return true;
  }
  return false;
}

/** Children of `parent` (the first GRID_SCAN) with this tag: fewer than three cannot be a tile grid. */
function sameTagSiblings(parent: Element, tag: string): number {
  let n = 0;
  let seen = 0;
  for (let c = parent.firstElementChild; c && n < GRID_TILES && seen < GRID_SCAN; c = c.nextElementSibling, seen++) if (c.tagName === tag) n++;
  return n;
}

/** Same-tag children that look like product tiles: a link, a picture and a price each (stops at three). */
function priceTiles(parent: Element, tag: string): number {
  let tiles = 0;
  let seen = 0;
  for (let c = parent.firstElementChild; c && tiles < GRID_TILES && seen < GRID_SCAN; c = c.nextElementSibling, seen++) {
    if (c.tagName === tag && c.querySelector('a[href]') && c.querySelector('img') && hasPriceToken(textOf(c, 600))) tiles++;
  }
  return tiles;
}

function candidatesNear(anchors: Element[]): Map<Element, Candidate> {
  const found = new Map<Element, Candidate>();
  const grids = new Map<Element, boolean>();
  for (const anchor of anchors) collectNear(anchor, found, grids);
  return found;
}

/** Many separate price tiles with no buy box is a listing, search or best-seller page. */
function looksLikeListing(document: Document, buys: Element[]): boolean {
  if (buys.length > MAX_BUY_BUTTONS) {
    const forms = new Set(buys.map((b) => b.closest('form') ?? b));
    if (forms.size > MAX_BUY_BUTTONS && !variantPanels(forms)) return true;
  }
  if (buys.length) return false;
  return priceBoxesOver(document, LISTING_PRICE_TILES * 2);
}

/**
 * More than `limit` elements classed "price"/"Price" or carrying data-price. One substring selector
 * ("rice" covers both spellings) instead of two, and data-price on its own: a selector list loses the
 * lone attribute selector's fast path (laendleanzeiger.at: 0.43 against 0.71 ms).
 */
function priceBoxesOver(document: Document, limit: number): boolean {
  const classed = document.querySelectorAll('[class*="rice"]');
  const data = document.querySelectorAll('[data-price]');
  // No more than `limit` in both lists together: no element needs reading.
  if (classed.length + data.length <= limit) return false;
  let n = 0;
  for (let i = 0; i < classed.length; i++) {
    const el = classed[i]!;
    const cls = el.getAttribute('class') ?? '';
    if ((cls.includes('price') || cls.includes('Price') || el.hasAttribute('data-price')) && ++n > limit) return true;
  }
  // An element both classed "…rice…" and carrying data-price was counted above.
  for (let i = 0; i < data.length; i++) if (!data[i]!.matches('[class*="rice"]') && ++n > limit) return true;
  return false;
}

/**
 * One product rendered once per variant (a buy form per size, each repeating the product's heading)
 * is not a listing: tiles of a listing name different products.
 */
function variantPanels(forms: Set<Element>): boolean {
  const names = new Set<string>();
  for (const f of forms) {
    const h = f.querySelector('h1, h2, h3');
    const name = h ? spacedText(h) : '';
    if (!name) return false;
    names.add(name);
    if (names.size > 1) return false;
  }
  return true;
}

/** Without a buy control, a listing shows prices only in tiles, far from the page heading. */
const NEAR_HEADING_LEVEL = 3;
const MAX_NEAR_AMOUNTS = 4;

export function readVisualProduct(document: Document, url: URL): Partial<Product> | null {
  return withCache(() => readVisual(document, url));
}

function readVisual(document: Document, url: URL): Partial<Product> | null {
  const buys = findBuyControls(document, excluded);
  const heading = findHeading(document);
  const listing = looksLikeListing(document, buys);
  if (listing && (buys.length || !heading)) return null;
  if (!heading && !buys.length) return null;

  const anchors = [...buys.slice(0, 2)];
  if (heading) anchors.push(heading);
  const found = candidatesNear(anchors);

  const country = countryFromHostname(url.hostname);
  const counts = new Map<number, number>();
  const parsed: Array<{ c: Candidate; price: number; currency: string | null }> = [];
  for (const c of found.values()) {
    const p = toPrice(firstToken(priceText(c.el)), { country });
    if (!p) continue;
    parsed.push({ c, price: p.price, currency: p.currency });
    counts.set(p.price, (counts.get(p.price) ?? 0) + 1);
  }
  let best: (typeof parsed)[number] | null = null;
  for (const p of parsed) {
    if (listing && p.c.level > NEAR_HEADING_LEVEL) continue;
    // An amount shown in several places (buy box, sticky bar) is more likely the price.
    const s = p.c.score + Math.min(2, (counts.get(p.price) ?? 1) - 1);
    if (!best || s > best.c.score + Math.min(2, (counts.get(best.price) ?? 1) - 1)) best = p;
  }

  if (listing && best) {
    // A tile grid around the heading: many different amounts as close as the chosen one.
    const level = best.c.level;
    const near = new Set(parsed.filter((p) => p.c.level <= level).map((p) => p.price));
    if (near.size > MAX_NEAR_AMOUNTS) return null;
  }
  const title = heading ? spacedText(heading) : titleFallback(document);
  if (!best && (!buys.length || listing)) return null;
  const out: Partial<Product> = { title };
  if (best) {
    out.price = best.price;
    out.currency = best.currency;
  }
  return out;
}

const SHOWN_NODE_CAP = 4000;
const SHOWN_WALK_CAP = 40000;
const SKIP_SHOWN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION', 'TITLE']);

/**
 * Amounts the page shows as current prices anywhere in its visible text (not crossed out, not
 * "was" / "save" / instalment / unit prices). Used to tell whether a markup price is on screen.
 */
export function shownPrices(document: Document, url: URL): Set<number> {
  return withCache(() => amountsShown(document, url));
}

function amountsShown(document: Document, url: URL): Set<number> {
  const out = new Set<number>();
  const body = document.body;
  if (!body) return out;
  const country = countryFromHostname(url.hostname);
  const walker = document.createTreeWalker(body, 4);
  let n = 0;
  let all = 0;
  for (let t = walker.nextNode(); t && n < SHOWN_NODE_CAP && all < SHOWN_WALK_CAP; t = walker.nextNode(), all++) {
    const value = t.nodeValue;
    if (!value || !DIGIT_RE.test(value) || value.length > 80) continue;
    n++;
    let el = t.parentElement;
    if (!el || SKIP_SHOWN.has(el.tagName)) continue;
    // Climb to the smallest element holding a whole price ("CHF <span>2.25</span>").
    for (let i = 0; el && i < 3 && !hasPriceToken(textOf(el, 41)); i++) el = el.parentElement;
    if (!el) continue;
    const text = textOf(el, 41);
    if (text.length > 40 || !hasPriceToken(text)) continue;
    if (INSTALMENT_RE.test(text) || REFERENCE_RE.test(text) || UNIT_PRICE_RE.test(text) || NET_PRICE_RE.test(text) || isStruck(el)) continue;
    const p = toPrice(firstToken(priceText(el)), { country });
    if (p) out.add(p.price);
  }
  return out;
}

function firstToken(text: string): string {
  PRICE_TOKEN_GLOBAL_RE.lastIndex = 0;
  const m = PRICE_TOKEN_GLOBAL_RE.exec(text);
  PRICE_TOKEN_GLOBAL_RE.lastIndex = 0;
  return m ? m[0] : text;
}
