/**
 * Reads the page's product from every tier and decides whether the page is a product page.
 * See read-page.ts for the precedence rules.
 */
import type { PageKind, Product } from '../types';
import { withoutProduct } from './breadcrumbs';
import { mergeFields, pickPrice, type NamedFacts, type TierName } from './merge';
import { readOpenGraph } from './opengraph';
import { countryFromHostname, findAdapters, readVisualProduct } from './peers';
import { readJsonLd, readMicrodata, readRdfa } from './structured';
import { titleFromDocument } from './title';
import { pageHints } from './hints';
import type { ProductFacts, TierReading } from './types';
import { shownPrices } from '../visual/read-visual';

export interface ReadProductOptions {
  /** Tiers to use (default: all). For evaluation of single tiers. */
  tiers?: ReadonlySet<TierName>;
  /** Let a differing visual-tier price beat the markup price (default true). For evaluation. */
  visualOverridesMarkup?: boolean;
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

export function readProduct(document: Document, url: URL, options: ReadProductOptions = {}): ProductReading {
  const use = (t: TierName): boolean => !options.tiers || options.tiers.has(t);
  const ctx = { country: countryFromHostname(url.hostname) };

  let adapterKind: PageKind | null = null;
  let adapterFacts: ProductFacts | null = null;
  if (use('adapter')) {
    // findAdapters has already run the platform adapters' detect().
    for (const adapter of findAdapters(document, url)) {
      adapterKind ??= adapter.kind?.(document, url) ?? null;
      if (adapterKind && adapterKind !== 'product') return { kind: adapterKind, product: null, sources: {}, reason: `adapter ${adapter.id}: ${adapterKind}` };
      adapterFacts = adapter.product?.(document, url) ?? null;
      if (adapterKind || adapterFacts) break;
    }
  }

  const empty: TierReading = { product: null, identified: false, distinctProducts: 0, listedProducts: 0, types: new Set() };
  const og = use('opengraph') ? readOpenGraph(document, ctx) : { type: null, isProduct: false, title: null, siteName: null, product: null };
  const hints = pageHints(document, og.title);
  const jsonLd = use('json-ld') ? readJsonLd(document, url, ctx, hints) : empty;
  const microdata = use('microdata') ? readMicrodata(document, url, ctx, hints) : empty;
  const rdfa = use('rdfa') ? readRdfa(document, url, ctx, hints) : empty;
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
  // The visual tier reads what the shopper sees; it runs unless an adapter already read the price.
  let visual: ProductFacts | null = null;
  if (use('visual') && adapterFacts?.price == null && (markupSaysProduct || !typedElsewhere)) visual = readVisualProduct(document, url);
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
