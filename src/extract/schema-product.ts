/**
 * A schema.org Product (or ProductGroup, Vehicle, ...) entity → product facts. Shared by the JSON-LD,
 * microdata and RDFa tiers, which all hand over entities in the JSON-LD shape.
 */
import type { Availability } from '../types';
import { availabilityFrom } from './availability';
import { markupAmount, markupCurrency, type PriceContext } from './markup-price';
import { asArray, isNode, prop, textOf, typesOf, hasType, type SchemaNode } from './schema-node';
import type { ProductFacts } from './types';

interface OfferReading {
  amount: number | null;
  currency: string | null;
  availability: Availability | null;
  listPrices: number[];
  /** AggregateOffer highPrice and the like: prices the product also sells at. */
  highPrices: number[];
}

const LIST_PRICE_TYPE = /(?:ListPrice|Strikethrough|MSRP|SRP|RecommendedRetail|InvoicePrice|MinimumAdvertised)/i;
const SALE_PRICE_TYPE = /SalePrice/i;
const GTIN_KEYS = ['gtin13', 'gtin12', 'gtin14', 'gtin8', 'gtin', 'ean', 'upc', 'isbn'];
const GTIN = /^\d{8,14}$/;
const GTIN_NOISE = /[\s-]/g;
const ID_PREFIX = /^(?:isbn|sku|gtin\d*|ean|upc|mpn):\s*/i;
const MAX_OFFERS = 200;

export function productFromNode(node: SchemaNode, ctx: PriceContext, pageUrl: URL | null, depth = 0): ProductFacts {
  const facts: ProductFacts = {};
  const title = textOf(prop(node, 'name'));
  if (title) facts.title = title;
  const brand = textOf(prop(node, 'brand')) ?? textOf(prop(node, 'manufacturer'));
  if (brand) facts.brand = brand;
  const sku = textOf(prop(node, 'sku')) ?? textOf(prop(node, 'productID'));
  if (sku) facts.sku = sku.replace(ID_PREFIX, '');
  const gtin = gtinOf(node);
  if (gtin) facts.gtin = gtin;
  const category = textOf(prop(node, 'category'));
  if (category && !category.startsWith('http')) facts.category = category;

  const offers = readOffers(prop(node, 'offers'), ctx);
  let price = pickOffer(offers);
  if (price.amount === null && depth < 2) {
    // ProductGroup: the price lives on the variants; the group's own facts win for everything else.
    const variant = pickVariant(asArray(prop(node, 'hasVariant')), ctx, pageUrl, depth);
    if (variant) {
      price = { amount: variant.price ?? null, currency: variant.currency ?? null, availability: variant.availability ?? null, listPrices: variant.listPrices ?? [], highPrices: variant.knownPrices ?? [] };
      facts.sku ??= variant.sku ?? undefined;
      facts.gtin ??= variant.gtin ?? undefined;
      facts.brand ??= variant.brand ?? undefined;
      facts.title ??= variant.title ?? undefined;
    }
  }
  if (price.amount !== null) facts.price = price.amount;
  if (price.currency) facts.currency = price.currency;
  if (price.availability) facts.availability = price.availability;
  const avail = availabilityFrom(prop(node, 'availability'));
  if (!facts.availability && avail) facts.availability = avail;
  if (price.listPrices.length) facts.listPrices = price.listPrices;
  const known = offers.map((o) => o.amount).filter((a): a is number => a !== null);
  for (const o of offers) known.push(...o.highPrices);
  known.push(...price.highPrices);
  if (known.length) facts.knownPrices = known;
  for (const key of Object.keys(facts) as Array<keyof ProductFacts>) if (facts[key] === undefined) delete facts[key];
  return facts;
}

function gtinOf(node: SchemaNode): string | null {
  for (const key of GTIN_KEYS) {
    const t = textOf(prop(node, key));
    if (!t) continue;
    const digits = t.replace(ID_PREFIX, '').replace(GTIN_NOISE, '');
    if (GTIN.test(digits)) return digits;
  }
  return null;
}

/** Variants: the one the URL points at (by url or sku), else the cheapest ("from" price). */
function pickVariant(variants: unknown[], ctx: PriceContext, pageUrl: URL | null, depth: number): ProductFacts | null {
  let best: ProductFacts | null = null;
  for (const v of variants.slice(0, MAX_OFFERS)) {
    if (!isNode(v)) continue;
    const facts = productFromNode(v, ctx, pageUrl, depth + 1);
    if (pageUrl && matchesUrl(v, facts, pageUrl)) return facts;
    if (facts.price != null && (best?.price == null || facts.price < best.price)) best = facts;
  }
  return best;
}

function matchesUrl(node: SchemaNode, facts: ProductFacts, pageUrl: URL): boolean {
  const url = textOf(prop(node, 'url'));
  if (url && url.length > 8 && (url === pageUrl.href || pageUrl.href.endsWith(url))) return true;
  return !!facts.sku && facts.sku.length >= 4 && pageUrl.search.includes(facts.sku);
}

function readOffers(value: unknown, ctx: PriceContext): OfferReading[] {
  const out: OfferReading[] = [];
  collectOffers(value, ctx, out, 0);
  return out;
}

function collectOffers(value: unknown, ctx: PriceContext, out: OfferReading[], depth: number): void {
  if (depth > 3) return;
  for (const offer of asArray(value)) {
    if (out.length >= MAX_OFFERS) return;
    if (!isNode(offer)) continue;
    const types = typesOf(offer);
    if (hasType(types, 'AggregateOffer')) {
      const agg = offerPrice(offer, ctx, true);
      if (agg.amount !== null) out.push(agg);
      else collectOffers(prop(offer, 'offers'), ctx, out, depth + 1);
      continue;
    }
    out.push(offerPrice(offer, ctx, false));
  }
}

function offerPrice(offer: SchemaNode, ctx: PriceContext, aggregate: boolean): OfferReading {
  const nested: OfferReading[] = [];
  let currency = markupCurrency(prop(offer, 'priceCurrency'), ctx);
  const listPrices: number[] = [];
  let sale: number | null = null;
  let normal: number | null = null;
  for (const spec of asArray(prop(offer, 'priceSpecification'))) {
    if (!isNode(spec)) continue;
    if (isUnitPrice(spec)) continue;
    const specCurrency = markupCurrency(prop(spec, 'priceCurrency'), ctx);
    const read = markupAmount(prop(spec, 'price') ?? prop(spec, 'minPrice'), specCurrency ?? currency, ctx);
    if (read.amount === null) continue;
    currency ??= specCurrency ?? read.currency;
    const priceType = textOf(prop(spec, 'priceType')) ?? '';
    if (LIST_PRICE_TYPE.test(priceType)) listPrices.push(read.amount);
    else if (SALE_PRICE_TYPE.test(priceType)) sale ??= read.amount;
    else normal ??= read.amount;
  }
  const direct = markupAmount(aggregate ? (prop(offer, 'lowPrice') ?? prop(offer, 'price')) : (prop(offer, 'price') ?? prop(offer, 'lowPrice')), currency, ctx);
  currency ??= direct.currency;
  let amount = sale;
  if (amount === null && direct.amount !== null && !(normal !== null && listPrices.includes(direct.amount))) amount = direct.amount;
  amount ??= normal;
  const high = aggregate ? markupAmount(prop(offer, 'highPrice'), currency, ctx).amount : null;
  const highPrices = high !== null ? [high] : [];
  if (aggregate) collectOffers(prop(offer, 'offers'), ctx, nested, 1);
  for (const n of nested) if (n.amount !== null) highPrices.push(n.amount);
  return { amount, currency, availability: availabilityFrom(textOf(prop(offer, 'availability'))), listPrices, highPrices };
}

/** Unit prices ("€2.50 / kg") describe a reference quantity, not what this item costs. */
function isUnitPrice(spec: SchemaNode): boolean {
  const ref = prop(spec, 'referenceQuantity');
  if (ref === undefined) return false;
  const value = isNode(ref) ? textOf(prop(ref, 'value')) : null;
  return value !== '1';
}

/** Several offers (sizes, sellers): the lowest positive price is the "from" price shops show. */
function pickOffer(offers: OfferReading[]): OfferReading {
  let best: OfferReading | null = null;
  let availability: Availability | null = null;
  let currency: string | null = null;
  const listPrices: number[] = [];
  for (const o of offers) {
    if (o.availability === 'InStock' || !availability) availability = o.availability ?? availability;
    currency ??= o.currency;
    listPrices.push(...o.listPrices);
    if (o.amount !== null && (best === null || best.amount === null || o.amount < best.amount)) best = o;
  }
  return {
    amount: best?.amount ?? null,
    currency: best?.currency ?? currency,
    availability: best?.availability ?? availability,
    listPrices,
    highPrices: [],
  };
}
