/**
 * Reads the page's product from every tier and decides whether the page is a product page.
 * See read-page.ts for the precedence rules.
 *
 * Cost: the tiers are read cheapest first, and the costly ones (microdata and RDFa walk the whole DOM,
 * the visual tier reads text around the buy box) only when they can still change the answer. A page is
 * settled without them (see `startProduct`) when the shop's own adapter reads it, or when, with no
 * adapter at all, JSON-LD (else microdata) names one product with a title, a price and a currency that
 * no other markup contradicts: on such pages of the shared fixtures the visual tier never changed the
 * price; only a contradiction (JSON-LD and OpenGraph naming different prices, a markup price declared
 * as a list price, no currency) made it the tie-breaker, and there it still runs.
 */
import type { PageKind, Product } from '../types';
import { withoutProduct } from './breadcrumbs';
import { mergeFields, pickPrice, type NamedFacts, type TierName } from './merge';
import { readOpenGraph, type OpenGraphReading } from './opengraph';
import { countryFromHostname, hostAdapters, platformAdapters, readVisualProduct, type ShopAdapter } from './peers';
import { hasDomMarkup, readJsonLd, readMicrodata, readRdfa } from './structured';
import { titleFromDocument } from './title';
import { lazyHints, type PageHints } from './hints';
import type { ProductFacts, TierReading } from './types';
import { shownPrices } from '../visual/read-visual';

export interface ReadProductOptions {
  /** Tiers to use (default: all). For evaluation of single tiers. */
  tiers?: ReadonlySet<TierName>;
  /** Let a differing visual-tier price beat the markup price (default true). For evaluation. */
  visualOverridesMarkup?: boolean;
  /**
   * "Is this a payment step?" (read-page's card-field check). Asked before any tier decides, except when
   * the markup alone settles the page as a product: a checkout page does not declare a product of its
   * own, and the check walks every input of the page. true = 'checkout'.
   */
  paymentStep?: () => boolean;
}

export interface ProductReading {
  /** The kind an adapter or the markup decided; null = not a product page by any signal. */
  kind: PageKind | null;
  product: Product | null;
  sources: Partial<Record<keyof Product, TierName>>;
  /** Why the page is not a product page, when it is not (for evaluation). */
  reason?: string;
}

/** Entity types that say "this page is about something other than a product on sale". */
const NON_PRODUCT_TYPES = new Set(['Recipe', 'Article', 'NewsArticle', 'BlogPosting', 'Event', 'MusicEvent', 'MusicGroup', 'Person', 'SearchResultsPage', 'CollectionPage', 'Movie', 'Course', 'JobPosting', 'Order', 'Invoice']);
const ADD_TO_CART = /add.?to.?(?:cart|bag|basket)|addtocart|cart\/add/i;
const MAX_LISTING_CONTROLS = 3;
/** Headings of account, order-list and checkout pages, which show a title and amounts like a product. */
const ACCOUNT_TITLE = /^\s*(?:your orders|my orders|order history|orders|order (?:details|summary|confirmation|#)|your order|bestelldetails|bestellübersicht|ihre bestellung|détails de la commande|votre commande|detalles del pedido|thank you for your order|invoice|receipt|meine bestellungen|mes commandes|mis pedidos|i miei ordini|payment( information| details)?|checkout|shopping (?:cart|bag|basket)|your (?:cart|basket|bag|account)|my account|sign in|log in|search results|best ?sellers)\b/i;

const EMPTY: TierReading = { product: null, identified: false, distinctProducts: 0, listedProducts: 0, types: new Set() };
const NO_OPENGRAPH: OpenGraphReading = { type: null, isProduct: false, title: null, siteName: null, product: null };

/**
 * What readProduct reads before anything decides: the host adapter's answer, OpenGraph, JSON-LD (and
 * microdata when the shortcut needs it), and the product when that alone settles it. read-page asks for
 * this first, so that a settled product page skips the order readers too.
 *
 * Settled: the shop's own adapter says "product page" by its URL rules and reads a title and a price
 * with a currency (its price wins outright anyway); or, with no adapter at all, JSON-LD (else microdata)
 * names one product with a title and a price with a currency that no other markup contradicts
 * (`settledByMarkup`). Microdata and RDFa are then read only when a field the extension uses is still
 * empty (`needsGaps`) and the page has any, to fill it as the full reading would.
 */
export interface ProductStart {
  /** The host's own adapters. */
  adapters: ShopAdapter[];
  /** The platforms detected; null = not probed yet (a host adapter may answer first). */
  platforms: ShopAdapter[] | null;
  /** The host adapters' answer, when they were asked. */
  answer: AdapterAnswer | null;
  og: OpenGraphReading;
  hints: PageHints;
  jsonLd: TierReading;
  microdata: TierReading | null;
  rdfa: TierReading | null;
  settled: ProductReading | null;
}

export function startProduct(document: Document, url: URL, options: ReadProductOptions = {}): ProductStart {
  const use = (t: TierName): boolean => !options.tiers || options.tiers.has(t);
  const ctx = { country: countryFromHostname(url.hostname) };
  const adapters = use('adapter') ? hostAdapters(url) : [];
  // Without a host adapter the shortcut needs to know that no platform applies either.
  const platforms = !use('adapter') ? [] : adapters.length ? null : platformAdapters(document, url);
  const og = use('opengraph') ? readOpenGraph(document, ctx) : NO_OPENGRAPH;
  const hints = lazyHints(document, og.title);
  const jsonLd = use('json-ld') ? readJsonLd(document, url, ctx, hints) : EMPTY;
  const start: ProductStart = { adapters, platforms, answer: null, og, hints, jsonLd, microdata: null, rdfa: null, settled: null };
  // The shortcut is for the content script; evaluation runs of chosen tiers read them all.
  if (options.tiers || options.visualOverridesMarkup === false || platforms?.length) return start;

  let adapterFacts: ProductFacts | null = null;
  let lead: TierReading | null = null;
  if (adapters.length) {
    start.answer = askAdapters(document, url, adapters);
    const { kind, facts } = start.answer;
    if (kind !== 'product' || !facts?.title || facts.price == null || !facts.currency) return start;
    adapterFacts = facts;
  } else {
    lead = settledByMarkup(jsonLd, [og.product]) ? jsonLd : null;
    if (!lead && jsonLd.distinctProducts === 0 && jsonLd.listedProducts === 0) {
      start.microdata = readMicrodata(document, url, ctx, hints);
      if (settledByMarkup(start.microdata, [jsonLd.product, og.product])) lead = start.microdata;
    }
    if (!lead) return start;
  }
  const tiers = (): NamedFacts[] => [
    { tier: 'adapter', facts: adapterFacts },
    { tier: 'json-ld', facts: jsonLd.product },
    { tier: 'microdata', facts: start.microdata?.product ?? null },
    { tier: 'rdfa', facts: start.rdfa?.product ?? null },
    { tier: 'opengraph', facts: og.product },
  ];
  // The lower structured tiers only fill empty fields; they cost a walk of the whole page each.
  if (needsGaps(mergeFields(tiers()).product) && (start.microdata !== null || hasDomMarkup(document))) {
    start.microdata ??= readMicrodata(document, url, ctx, hints);
    start.rdfa = readRdfa(document, url, ctx, hints);
    // A lower tier naming another price or listing products: the full reading decides.
    const price = lead?.product?.price;
    if (price != null && !(agrees(start.microdata, price) && agrees(start.rdfa, price))) return start;
  }
  start.settled = settledProduct(document, url, og, tiers());
  return start;
}

export function readProduct(document: Document, url: URL, options: ReadProductOptions = {}, start = startProduct(document, url, options)): ProductReading {
  if (start.settled) return start.settled;
  const use = (t: TierName): boolean => !options.tiers || options.tiers.has(t);
  const ctx = { country: countryFromHostname(url.hostname) };
  const { adapters, og, hints, jsonLd } = start;
  if (options.paymentStep?.()) return { kind: 'checkout', product: null, sources: {}, reason: 'payment fields' };

  // Host adapters first; the platform probes run only when none of them answered.
  let answer = start.answer ?? askAdapters(document, url, adapters);
  if (!answer.by) answer = askAdapters(document, url, start.platforms ?? (use('adapter') ? platformAdapters(document, url) : []));
  const adapterKind = answer.kind;
  const adapterFacts = answer.facts;
  if (adapterKind && adapterKind !== 'product') return { kind: adapterKind, product: null, sources: {}, reason: `adapter ${answer.by}: ${adapterKind}` };

  const microdata = start.microdata ?? (use('microdata') ? readMicrodata(document, url, ctx, hints) : EMPTY);
  const rdfa = start.rdfa ?? (use('rdfa') ? readRdfa(document, url, ctx, hints) : EMPTY);
  const structured = [jsonLd, microdata, rdfa];

  const listed = Math.max(...structured.map((t) => t.listedProducts));
  const distinct = Math.max(...structured.map((t) => t.distinctProducts));
  const oneProduct = structured.some((t) => t.identified);
  const ogProduct = og.isProduct;
  const typedElsewhere = structured.some((t) => [...t.types].some((x) => NON_PRODUCT_TYPES.has(x)));

  let reason: string | undefined;
  if (adapterKind !== 'product') {
    if (listed >= 2) reason = `${listed} products in a list`;
    else if (distinct >= 2 && !oneProduct) reason = `${distinct} distinct products, none named by the page`;
    else if (!oneProduct && !ogProduct && distinct === 0 && !adapterFacts && countAddToCart(document) >= MAX_LISTING_CONTROLS) reason = 'many add-to-cart controls';
    if (reason) return { kind: null, product: null, sources: {}, reason };
  }

  const markupSaysProduct = adapterKind === 'product' || oneProduct || ogProduct || (adapterFacts?.title != null && adapterFacts.price !== undefined);
  // The visual tier reads what the shopper sees; it runs unless an adapter already read the page: its
  // price, or its product page (by URL) and title without a price, which on the shop's own layout means
  // none is shown (sold out, unavailable), so an amount near the buy box would be another item's.
  const adapterRead = adapterFacts?.price != null || (adapterKind === 'product' && adapterFacts?.title != null);
  let visual: ProductFacts | null = null;
  if (use('visual') && !adapterRead && (markupSaysProduct || !typedElsewhere)) visual = readVisualProduct(document, url);
  const visualSaysProduct = visual?.title != null && visual.price != null && !ACCOUNT_TITLE.test(visual.title);
  const isProduct = (markupSaysProduct && !(adapterKind === null && !oneProduct && !ogProduct && ACCOUNT_TITLE.test(adapterFacts?.title ?? ''))) || visualSaysProduct;
  if (!isProduct) return { kind: null, product: null, sources: {}, reason: typedElsewhere ? 'structured data of another kind' : 'no product signal' };

  const tiers: NamedFacts[] = [
    { tier: 'adapter', facts: adapterFacts },
    { tier: 'json-ld', facts: jsonLd.product },
    { tier: 'microdata', facts: microdata.product },
    { tier: 'rdfa', facts: rdfa.product },
    { tier: 'opengraph', facts: og.product },
    { tier: 'visual', facts: visual },
  ];
  const { product, sources } = mergeFields(tiers);
  const markupPriced = tiers.slice(1, 5).some((t) => t.facts?.price != null);
  const visualTier = options.visualOverridesMarkup === false && markupPriced ? { tier: 'visual' as const, facts: null } : tiers[5]!;
  // A sold-out item often shows no price of its own; a visual price would come from a carousel.
  const soldOut = product.availability === 'OutOfStock' && adapterFacts?.price == null && !markupPriced;
  const visualPick = soldOut ? { tier: 'visual' as const, facts: null } : visualTier;
  // Only read the whole page's amounts when the visible price and the markup disagree.
  const disagree = visualPick.facts?.price != null && markupPriced && tiers.slice(1, 5).every((t) => t.facts?.price == null || t.facts.price !== visualPick.facts!.price);
  const price = pickPrice(tiers[0]!, visualPick, tiers.slice(1, 5), disagree ? shownPrices(document, url) : undefined);
  product.price = price.price;
  product.currency = price.currency;
  if (price.tier) sources.price = price.tier;
  return finishProduct(document, url, og, product, sources);
}

interface AdapterAnswer {
  kind: PageKind | null;
  facts: ProductFacts | null;
  /** The adapter that answered, or null. */
  by: string | null;
}

/** The first adapter of `list` that answers: with a page kind, or with product facts. */
function askAdapters(document: Document, url: URL, list: readonly ShopAdapter[]): AdapterAnswer {
  for (const adapter of list) {
    const kind = adapter.kind?.(document, url) ?? null;
    if (kind && kind !== 'product') return { kind, facts: null, by: adapter.id };
    const facts = adapter.product?.(document, url) ?? null;
    if (kind || facts) return { kind, facts, by: adapter.id };
  }
  return { kind: null, facts: null, by: null };
}

/**
 * One product, named and priced with a currency, that the page's other markup does not contradict:
 * no other markup price, or the same one, and none of them calls this price a list price.
 */
function settledByMarkup(t: TierReading, others: ReadonlyArray<ProductFacts | null>): boolean {
  const p = t.product;
  if (!t.identified || t.listedProducts >= 2 || !p?.title || p.price == null || !p.currency) return false;
  if (p.listPrices?.includes(p.price)) return false;
  for (const o of others) {
    if (!o) continue;
    if (o.price != null && o.price !== p.price) return false;
    if (o.listPrices?.includes(p.price)) return false;
  }
  return true;
}

/**
 * Fields the extension uses (the estimate: brand, category, breadcrumbs; the viewed list: sku) that are
 * still empty and that microdata or RDFa might fill, as in the full reading. GTIN and availability, which
 * nothing downstream reads, are not worth a walk of the page.
 */
const USED_FIELDS = ['brand', 'sku', 'category', 'breadcrumbs'] as const;

function needsGaps(p: Product): boolean {
  return USED_FIELDS.some((f) => p[f] == null || (Array.isArray(p[f]) && p[f].length === 0));
}

/** A lower structured tier that does not contradict the settled price, nor lists products. */
function agrees(t: TierReading, price: number): boolean {
  const p = t.product;
  return t.listedProducts < 2 && (p?.price == null || p.price === price) && !p?.listPrices?.includes(price);
}

/** The product as the adapter and the markup tell it, with no DOM tier (see startProduct). */
function settledProduct(document: Document, url: URL, og: OpenGraphReading, tiers: NamedFacts[]): ProductReading {
  const { product, sources } = mergeFields(tiers);
  const price = pickPrice(tiers[0]!, { tier: 'visual', facts: null }, tiers.slice(1));
  product.price = price.price;
  product.currency = price.currency;
  if (price.tier) sources.price = price.tier;
  return finishProduct(document, url, og, product, sources);
}

function finishProduct(document: Document, url: URL, og: OpenGraphReading, product: Product, sources: ProductReading['sources']): ProductReading {
  if (!product.title) {
    product.title = titleFromDocument(document, url, og.siteName);
    if (product.title) sources.title = 'document';
  }
  if (product.breadcrumbs) product.breadcrumbs = withoutProduct(product.breadcrumbs, product.title);
  if (!product.category && product.breadcrumbs?.length) product.category = product.breadcrumbs[product.breadcrumbs.length - 1]!;
  return { kind: 'product', product, sources };
}

/** Add-to-cart forms and buttons: one per product tile on a listing, one on a product page. */
function countAddToCart(document: Document): number {
  let n = 0;
  const forms = document.forms;
  for (let i = 0; i < forms.length && i < 300; i++) if (ADD_TO_CART.test(forms[i]!.getAttribute('action') ?? '')) n++;
  const buttons = document.getElementsByTagName('button');
  for (let i = 0; i < buttons.length && i < 300; i++) {
    const b = buttons[i]!;
    if (ADD_TO_CART.test(`${b.id} ${b.getAttribute('class') ?? ''} ${b.getAttribute('name') ?? ''}`)) n++;
  }
  return n;
}
