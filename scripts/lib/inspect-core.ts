import { existsSync, statSync } from 'node:fs';
import { estimate } from '../../src/engine/estimate.ts';
import { readPage } from '../../src/extract/read-page.ts';
import { parsePrice } from '../../src/price/parse.ts';
import { productInput } from '../../src/background/product-input.ts';
import * as v from '../../src/messages/validate.ts';
import { loadPage } from './dom.ts';

const MAX_PAGE_BYTES = 50 * 1024 * 1024;

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** Answers one inspect request; throws an Error whose message becomes `{"error": ...}`. */
export async function inspectRequest(req: unknown): Promise<unknown> {
  if (!v.isPlainObject(req)) throw new Error('a request is a JSON object with "page", "product" or "price"');
  if (Object.hasOwn(req, 'page')) return inspectPage(req.page, req.url);
  if (Object.hasOwn(req, 'product')) return { estimate: estimateProduct(req.product) };
  if (Object.hasOwn(req, 'price')) {
    if (typeof req.price !== 'string') throw new Error('"price" must be a string');
    const hint = req.currencyHint;
    if (hint !== undefined && hint !== null && (typeof hint !== 'string' || !/^[A-Z]{3}$/.test(hint))) throw new Error('"currencyHint" must be an ISO 4217 code');
    return parsePrice(req.price, { currencyHint: (hint as string | undefined) ?? null });
  }
  throw new Error('unknown request: expected "page", "product" or "price"');
}

function inspectPage(page: unknown, url: unknown): unknown {
  if (typeof page !== 'string' || page === '') throw new Error('"page" must be a file path');
  if (typeof url !== 'string' || hostOf(url) === null) throw new Error('"url" must be an absolute URL');
  if (!existsSync(page)) throw new Error(`no such file: ${page}`);
  const size = statSync(page).size;
  if (size > MAX_PAGE_BYTES) throw new Error(`page too large: ${size} bytes`);
  const loaded = loadPage(page, url);
  try {
    const reading = readPage(loaded.document, url);
    const est = reading.kind === 'product' && reading.product ? estimate(productInput(reading.product, hostOf(url))) : null;
    const answer: Record<string, unknown> = { kind: reading.kind, product: reading.product, order: reading.order, estimate: est };
    if (reading.orders && reading.orders.length > 1) answer.orders = reading.orders;
    return answer;
  } finally {
    loaded.close();
  }
}

function estimateProduct(raw: unknown): unknown {
  if (!v.isPlainObject(raw)) throw new Error('"product" must be an object');
  let title: string | null;
  try {
    title = v.text(raw.title);
  } catch {
    throw new Error('"product.title" must be a string');
  }
  const p = {
    title,
    brand: typeof raw.brand === 'string' ? raw.brand : null,
    price: typeof raw.price === 'number' && Number.isFinite(raw.price) ? raw.price : null,
    currency: typeof raw.currency === 'string' ? raw.currency.toUpperCase() : null,
    category: typeof raw.category === 'string' ? raw.category : null,
    breadcrumbs: Array.isArray(raw.breadcrumbs) ? raw.breadcrumbs.filter((b): b is string => typeof b === 'string') : null,
  };
  if (raw.price !== undefined && raw.price !== null && p.price === null) throw new Error('"product.price" must be a finite number');
  return estimate(productInput(p, null));
}
