import { ruleOf } from '../data/categories';
import { estimate } from '../engine/estimate';
import { flightEstimate, type Cabin } from '../engine/flight';
import type { Estimate, EstimateInput } from '../types';
import type { PurchaseRecord, StoredEstimate, StoredItem } from './records';

/** What the engine was told about an item, as far as the stored purchase and item still say it. */
export interface ItemContext {
  title: string;
  price: number | null;
  currency: string | null;
  quantity: number;
  /** The purchase's date (YYYY-MM-DD). */
  date: string;
  /** The purchase's shop key, or `manual`. */
  shop: string;
}

export function itemContext(p: Pick<PurchaseRecord, 'date' | 'shop'>, it: Pick<StoredItem, 'title' | 'price' | 'currency' | 'quantity'>): ItemContext {
  return { title: it.title, price: it.price, currency: it.currency, quantity: it.quantity, date: p.date, shop: p.shop };
}

/** A booking leg's line, as the background writes it ("Flight LHR → JFK (premium economy)"). */
const FLIGHT_LINE = /^Flight ([A-Z]{3}) → ([A-Z]{3})(?: \((economy|premium economy|business|first)\))?$/;

/** One passenger's flight times the passengers, exactly as the background records a booking. */
function flightLine(ctx: ItemContext): Estimate | null {
  const m = FLIGHT_LINE.exec(ctx.title);
  if (!m) return null;
  const e = flightEstimate(m[1]!, m[2]!, ((m[3] ?? 'economy').replace(' ', '-') as Cabin));
  const n = ctx.quantity;
  if (e.kg === null || n === 1) return e;
  return { ...e, kg: e.kg * n, low: (e.low ?? e.kg) * n, high: (e.high ?? e.kg) * n, inputs: { ...e.inputs, passengers: n } };
}

/**
 * The engine's answers that may have made a stored estimate, most likely first, each computed only when
 * asked for. The shop's own category text or breadcrumbs (from a product page seen before) are not kept,
 * so a classification that depended on them is pinned by its rule: the engine is asked again with the
 * rule's taxonomy path as the category, which gives that rule back when it is the first with that path.
 */
export function* rederivations(s: Pick<StoredEstimate, 'method' | 'category' | 'rule'>, ctx: ItemContext): Generator<Estimate> {
  const flight = flightLine(ctx);
  if (flight) yield flight;
  const input: EstimateInput = {
    title: ctx.title,
    price: ctx.price,
    currency: ctx.currency,
    quantity: ctx.quantity,
    date: ctx.date,
    site: ctx.shop === 'manual' ? null : ctx.shop,
  };
  yield estimate(input);
  if (s.rule && s.category && ruleOf(s.rule)?.path === s.category) yield estimate({ ...input, category: s.category });
}

/** The rule an engine answer used, if any. */
export function ruleIn(e: Pick<Estimate, 'inputs'>): string | undefined {
  const r = e.inputs?.rule;
  return typeof r === 'string' ? r : undefined;
}

/** Whether an engine answer has exactly the stored figures: then its descriptive fields belong to them. */
export function sameFigures(s: StoredEstimate, e: Estimate): boolean {
  return (
    s.kg === e.kg &&
    s.low === e.low &&
    s.high === e.high &&
    s.method === e.method &&
    s.category === e.category &&
    s.factor === e.factor &&
    s.dataVersion === e.dataVersion &&
    s.rule === ruleIn(e)
  );
}

/** The first re-run with the stored figures, or null. Compaction and display both take the first, so they agree. */
export function firstMatch(s: StoredEstimate, ctx: ItemContext): Estimate | null {
  for (const e of rederivations(s, ctx)) if (sameFigures(s, e)) return e;
  return null;
}
