import { parsePrice } from '../price/parse';
import type { Availability, Product } from '../types';
import { hasPriceToken, INSTALMENT_RE, PRICE_TOKEN_GLOBAL_RE, REFERENCE_RE, UNIT_PRICE_RE } from '../visual/price-text';
import { textStart } from '../extract/bounded-text';

/** Shared, cheap DOM reading helpers for shop adapters and the visual tier. */

const WS_RE = /\s+/g;
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG']);

export function clean(text: string | null | undefined): string {
  return text ? text.replace(WS_RE, ' ').trim() : '';
}

/**
 * Every text read stops here: a hostile page can put megabytes into one heading or price box, and no
 * name, price or label is this long. Texts under the cap read exactly as before.
 */
export const MAX_TEXT = 10_000;

/**
 * Text a shopper can read: textContent would also return inline <script>/<style> bodies, which
 * shops often nest inside price and availability blocks.
 *
 * `max`: callers that only need to know whether the text is short (a price, a label) stop reading
 * once it is longer; on a large container this saves reading the whole subtree.
 */
export function visibleText(node: Node | null | undefined, max = MAX_TEXT): string {
  if (!node) return '';
  if (node.nodeType === 3) return clean((node.nodeValue ?? '').slice(0, MAX_TEXT));
  // Most price and label elements hold one text node: its text is the reading, whatever `max` is.
  const first = node.firstChild;
  if (first !== null && first.nodeType === 3 && first.nextSibling === null) return clean((first.nodeValue ?? '').slice(0, MAX_TEXT));
  if (max >= MAX_TEXT) {
    const el = node as Element;
    // Without skipped tags below, textContent's plain concatenation (capped) is the reading.
    if (!el.querySelector || !el.querySelector('script,style,noscript,template')) return clean(textStart(node, MAX_TEXT));
  }
  const parts: string[] = [];
  collect(node, parts, Math.min(max, MAX_TEXT));
  const text = clean(parts.join(' '));
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}

/** Text nodes in document order until `budget` non-blank characters are read; skipped tags' subtrees are not entered. */
function collect(root: Node, parts: string[], budget: number): void {
  let n: Node | null = root.firstChild;
  while (n && budget > 0) {
    if (n.nodeType === 3) {
      const v = n.nodeValue ?? '';
      parts.push(v.length > MAX_TEXT ? v.slice(0, MAX_TEXT) : v);
      budget -= v.trim().length;
    } else if (n.nodeType === 1 && n.firstChild && !SKIP_TAGS.has((n as Element).tagName)) {
      n = n.firstChild;
      continue;
    }
    n = nextOutside(n, root);
  }
}

/** The next node in document order that is not inside `n`, staying within `root`; null at the end. */
function nextOutside(n: Node, root: Node): Node | null {
  for (let c: Node | null = n; c && c !== root; c = c.parentNode) if (c.nextSibling) return c.nextSibling;
  return null;
}

/**
 * Like visibleText, but with a space between child elements: titles split over spans
 * ("MÖCKELBY<span>Table, oak</span>") would otherwise run together.
 */
export function spacedText(node: Node | null | undefined): string {
  if (!node) return '';
  const parts: string[] = [];
  let size = 0;
  let n: Node | null = node.firstChild;
  while (n && size < MAX_TEXT) {
    if (n.nodeType === 3) {
      const v = n.nodeValue ?? '';
      parts.push(v.length > MAX_TEXT ? v.slice(0, MAX_TEXT) : v);
      size += v.length;
    } else if (n.nodeType === 1 && !SKIP_TAGS.has((n as Element).tagName)) {
      parts.push(' ');
      if (n.firstChild) {
        n = n.firstChild;
        continue;
      }
      parts.push(' ');
    }
    // Leaving an element closes it with a space, as entering it opened one.
    let c: Node | null = n;
    n = null;
    for (; c && c !== node; c = c.parentNode) {
      if (c.nextSibling) {
        n = c.nextSibling;
        break;
      }
      if (c.parentNode !== node) parts.push(' ');
    }
  }
  return clean(parts.join('').slice(0, MAX_TEXT));
}

/** Text of the element's own text nodes, ignoring child elements (badges, "Details" buttons). */
export function ownText(el: Element | null | undefined): string {
  if (!el) return '';
  let s = '';
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) s += c.nodeValue ?? '';
  return clean(s);
}

/** Spaced text of the first element matching one of `selectors` that has any: for titles. */
export function titleAt(root: ParentNode, selectors: readonly string[]): string | null {
  for (const sel of selectors) {
    const t = spacedText(root.querySelector(sel));
    if (t) return t;
  }
  return null;
}

/** Visible text of the first element matching one of `selectors` (in order) that has any. */
export function textAt(root: ParentNode, selectors: readonly string[]): string | null {
  for (const sel of selectors) {
    const el = root.querySelector(sel);
    const t = visibleText(el);
    if (t) return t;
  }
  return null;
}

export function attrAt(root: ParentNode, selector: string, name: string): string | null {
  const v = clean(root.querySelector(selector)?.getAttribute(name));
  return v || null;
}

export function metaContent(document: Document, key: string): string | null {
  return attrAt(document, `meta[property="${key}"],meta[name="${key}"]`, 'content');
}

export interface PriceHint {
  currencyHint?: string | null;
  country?: string | null;
}

export interface ReadPrice {
  price: number;
  currency: string | null;
}

const DIGIT_RE = /\d/;

/** Parses a shopper-visible price text; null when it holds no positive amount. */
export function toPrice(text: string | null | undefined, hint: PriceHint = {}): ReadPrice | null {
  if (!text || !DIGIT_RE.test(text)) return null;
  const p = parsePrice(text, hint);
  if (p.amount === null || !Number.isFinite(p.amount) || p.amount <= 0) return null;
  return { price: p.amount, currency: p.currency ?? hint.currencyHint ?? null };
}

/** True when the element (or an ancestor up to `stop`) shows a crossed-out or reference price. */
export function isStruck(el: Element, stop?: Element | null): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) {
    const tag = e.tagName;
    if (tag === 'DEL' || tag === 'S' || tag === 'STRIKE') return true;
    if (e.hasAttribute('data-a-strike')) return true;
    const cls = e.getAttribute('class');
    if (cls && STRUCK_CLASS_RE.test(cls)) return true;
    if (tag === 'BODY') break;
  }
  return false;
}

const STRUCK_CLASS_RE = /(?:^|[\s_-])(?:a-text-price|strike|strikethrough|line-through|crossed|was-price|price-was|old-price|price-old|oldprice|list-price|listprice|compare-at|compare_at|rrp)(?:$|[\s_-])/i;

const CENTS_RE = /^\d{2}$/;
const TRAILING_SEP_RE = /[.,\s]+$/;
const ENDS_DIGIT_RE = /\d$/;
/** "1." + "299" style thousands groups are not cents; only a bare separator before two digits is. */
const TRAILING_GROUP_RE = /\d[.,]\d{3}[.,]?\s*$/;

/**
 * The price text of one element. Raised cents ("$249<sup>99</sup>", "$249<span class=cents>99</span>")
 * read as "$24999" from textContent, so a trailing two-digit child gets its decimal point back.
 */
export function priceText(el: Element): string {
  const text = visibleText(el);
  if (!text) return clean(el.getAttribute('content'));
  const last = el.lastElementChild;
  if (last && !last.firstElementChild) {
    const cents = clean(textStart(last, MAX_TEXT));
    if (CENTS_RE.test(cents) && text.endsWith(cents)) {
      const head = text.slice(0, -cents.length);
      if (ENDS_DIGIT_RE.test(head)) return `${head}.${cents}`;
      const trimmed = head.replace(TRAILING_SEP_RE, '');
      if (trimmed !== head && ENDS_DIGIT_RE.test(trimmed) && !TRAILING_GROUP_RE.test(head)) return `${trimmed}.${cents}`;
    }
  }
  return text;
}

/** First price among `selectors` (in order), skipping crossed-out list prices. */
export function priceAt(root: ParentNode, selectors: readonly string[], hint: PriceHint = {}): ReadPrice | null {
  for (const sel of selectors) {
    for (const el of Array.from(root.querySelectorAll(sel))) {
      if (isStruck(el)) continue;
      const p = toPrice(firstPriceToken(priceText(el)), hint);
      if (p) return p;
    }
  }
  return null;
}

/**
 * A price element can repeat its amount or carry extras ("499€499€499", "4,99 € + 3,00 € Livraison");
 * with several price-like tokens, the first is the one the element is about.
 */
export function firstPriceToken(text: string): string {
  PRICE_TOKEN_GLOBAL_RE.lastIndex = 0;
  const first = PRICE_TOKEN_GLOBAL_RE.exec(text);
  if (!first) return text;
  const second = PRICE_TOKEN_GLOBAL_RE.exec(text);
  PRICE_TOKEN_GLOBAL_RE.lastIndex = 0;
  return second ? first[0] : text;
}

/** Crumb texts under `selector` (each match one crumb) as shown, without separators and repeats. */
export function crumbs(root: ParentNode, selector: string): string[] | null {
  const out: string[] = [];
  for (const el of Array.from(root.querySelectorAll(selector))) {
    const t = visibleText(el).replace(TRAILING_CRUMB_SEP_RE, '');
    if (!t || SEPARATOR_RE.test(t)) continue;
    if (out[out.length - 1] !== t) out.push(t);
  }
  return out.length ? out : null;
}

const TRAILING_CRUMB_SEP_RE = /\s*[›»>/|]\s*$/;
const SEPARATOR_RE = /^[›»>/|•·\-–—]+$/;

const OUT_RE = /currently unavailable|out of stock|sold out|no longer available|nicht verfügbar|nicht lieferbar|ausverkauft|indisponible|rupture de stock|épuisé|agotado|no disponible|non disponibile|esaurito|niet beschikbaar|uitverkocht|loppu|slutsåld|niedostępn|tükendi|在庫切れ/i;
const IN_RE = /in stock|auf lager|en stock|op voorraad|lieferbar|sofort|disponible|disponibile|in magazzino|available|varastossa|i lager|dostępn|stokta|在庫あり|add to (?:cart|basket|bag)/i;

export function availabilityFrom(text: string | null | undefined): Availability | null {
  if (!text) return null;
  if (OUT_RE.test(text)) return 'OutOfStock';
  if (IN_RE.test(text)) return 'InStock';
  return null;
}

const SCHEMA_AVAIL_RE = /(InStock|OutOfStock|SoldOut|Discontinued|PreOrder|LimitedAvailability|OnlineOnly|InStoreOnly|BackOrder)$/i;

/** Maps schema.org availability URLs/tokens to the two values we keep. */
export function availabilityFromSchema(value: string | null | undefined): Availability | null {
  const m = value ? SCHEMA_AVAIL_RE.exec(value.trim()) : null;
  if (!m) return null;
  const v = m[1]!.toLowerCase();
  return v === 'outofstock' || v === 'soldout' || v === 'discontinued' ? 'OutOfStock' : 'InStock';
}

/** Drops empty fields; null when nothing identifies a product (no title and no price). */
export function finish(p: Partial<Product>): Partial<Product> | null {
  const out: Partial<Product> = {};
  for (const [k, v] of Object.entries(p) as Array<[keyof Product, unknown]>) {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  if (!out.title && out.price == null) return null;
  if (out.breadcrumbs && !out.category) out.category = out.breadcrumbs[out.breadcrumbs.length - 1] ?? null;
  return out;
}

/** Path test helper: `re` against URL.pathname. */
export function pathIs(url: URL, re: RegExp): boolean {
  return re.test(url.pathname);
}

/**
 * The first price-like element after `anchor` (in document order) inside `scope`, skipping
 * crossed-out, unit, instalment and reference prices. For shops whose class names are
 * obfuscated, where "the price right under the product name" is the stable rule.
 */
export function priceAfter(anchor: Element, scope: Element, hint: PriceHint = {}, maxElements = 80): ReadPrice | null {
  const doc = anchor.ownerDocument;
  const walker = doc.createTreeWalker(scope, 1);
  walker.currentNode = anchor;
  let seen = 0;
  for (let n = walker.nextNode(); n && seen < maxElements; n = walker.nextNode(), seen++) {
    const el = n as Element;
    if (el.childElementCount > 0 && !el.querySelector('sup')) continue;
    const text = visibleText(el);
    if (!text || text.length > 40 || !hasPriceToken(text)) continue;
    if (UNIT_PRICE_RE.test(text) || INSTALMENT_RE.test(text) || REFERENCE_RE.test(text) || isStruck(el, scope)) continue;
    const p = toPrice(priceText(el), hint);
    if (p) return p;
  }
  return null;
}
