/**
 * Per-field merge of what the tiers read. Callers pass tiers in precedence order; the first tier
 * with a value wins a field, lower tiers fill the gaps. Price is special (see read-page.ts).
 */
import type { Product } from '../types';
import type { ProductFacts } from './types';

export type TierName = 'adapter' | 'json-ld' | 'microdata' | 'rdfa' | 'opengraph' | 'visual' | 'document';

export interface NamedFacts {
  tier: TierName;
  facts: ProductFacts | null;
}

const FIELDS = ['title', 'brand', 'sku', 'gtin', 'category', 'breadcrumbs', 'availability'] as const;

export interface MergedProduct {
  product: Product;
  /** Which tier each field came from, for evaluation and debugging. */
  sources: Partial<Record<keyof Product, TierName>>;
}

export function mergeFields(tiers: NamedFacts[]): MergedProduct {
  const product: Product = { title: null, price: null, currency: null, brand: null, sku: null, gtin: null, category: null, breadcrumbs: null, availability: null };
  const sources: MergedProduct['sources'] = {};
  for (const field of FIELDS) {
    for (const { tier, facts } of tiers) {
      const value = facts?.[field];
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
      (product as unknown as Record<string, unknown>)[field] = value;
      sources[field] = tier;
      break;
    }
  }
  return { product, sources };
}

/**
 * The price. An adapter's price wins outright (it reads the shop's own buy box). Otherwise the first
 * markup price (JSON-LD > microdata > RDFa > OpenGraph), where a price some markup declares as its list /
 * strikethrough / standard price gives way to a different markup price. Then the visual tier's price
 * (what the shopper sees) against it: the visible price wins when they differ, except when the markup
 * itself explains the visible one: it is the markup's list price, another of its offers / its high
 * price (the markup's "from" price is the answer), or the markup price read with a lost decimal
 * separator (63.07 shown as "63<sup>07</sup>" read as 6307), or the page also shows the markup price as a
 * current price somewhere (`shown`): the visual tier then picked another item's or option's amount.
 */
export function pickPrice(adapter: NamedFacts, visual: NamedFacts, markup: NamedFacts[], shown?: ReadonlySet<number>): { price: number | null; currency: string | null; tier: TierName | null } {
  const all = [adapter, visual, ...markup];
  const currencyFallback = (): string | null => {
    for (const { facts } of all) if (facts?.currency) return facts.currency;
    return null;
  };
  const a = adapter.facts;
  if (a?.price != null) return { price: a.price, currency: a.currency ?? markupCurrencyFor(a.price, markup) ?? currencyFallback(), tier: adapter.tier };

  const listPrices = new Set<number>();
  const knownPrices = new Set<number>();
  for (const { facts } of markup) {
    for (const p of facts?.listPrices ?? []) listPrices.add(p);
    for (const p of facts?.knownPrices ?? []) knownPrices.add(p);
  }
  const priced = markup.filter((t) => t.facts?.price != null);
  const first = priced[0];
  const chosen = first && listPrices.has(first.facts!.price!) ? (priced.find((t) => !listPrices.has(t.facts!.price!)) ?? first) : first;

  const v = visual.facts;
  if (v?.price != null) {
    const m = chosen?.facts?.price;
    const explained = m != null && v.price !== m && (listPrices.has(v.price) || knownPrices.has(v.price) || lostDecimals(v.price, m) || (shown?.has(m) ?? false));
    if (!explained) return { price: v.price, currency: v.currency ?? markupCurrencyFor(v.price, markup) ?? currencyFallback(), tier: visual.tier };
  }
  if (!chosen) return { price: null, currency: currencyFallback(), tier: null };
  return { price: chosen.facts!.price!, currency: chosen.facts!.currency ?? currencyFallback(), tier: chosen.tier };
}

function lostDecimals(visible: number, markup: number): boolean {
  return Math.abs(visible - markup * 100) < 0.5 || Math.abs(visible - markup * 1000) < 0.5;
}

function markupCurrencyFor(price: number, markup: NamedFacts[]): string | null {
  for (const { facts } of markup) if (facts?.price === price && facts.currency) return facts.currency;
  return null;
}
