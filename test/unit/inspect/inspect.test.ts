import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, HAS_SHARED, REPO_ROOT } from '../../shared.ts';

/** The inspect tool's contract is public (README, "Inspect tool"): these tests pin its shape. */
function inspect(lines: string[]): unknown[] {
  const r = spawnSync('npx', ['tsx', 'scripts/inspect.ts'], { cwd: REPO_ROOT, input: lines.join('\n') + '\n', encoding: 'utf8', timeout: 120_000 });
  expect(r.status).toBe(0);
  const out = r.stdout.split('\n').filter((l) => l !== '');
  expect(out).toHaveLength(lines.filter((l) => l.trim() !== '').length);
  return out.map((l) => JSON.parse(l) as unknown);
}

const PRODUCT_KEYS = ['title', 'price', 'currency', 'brand', 'sku', 'gtin', 'category', 'breadcrumbs', 'availability'].sort();
const ESTIMATE_KEYS = ['kg', 'low', 'high', 'method', 'category', 'factor', 'source', 'dataVersion'];

describe.skipIf(!HAS_SHARED)('inspect tool on the shared fixtures', () => {
  it('answers page, product and price requests, one JSON line each, in order, errors included', () => {
    const page = (file: string, url: string) => JSON.stringify({ page: resolve(FIXTURES, 'pages', file), url });
    const answers = inspect([
      page('ikea.com--product--002.937.72.html', 'https://www.ikea.com/gb/en/p/moeckelby-table-oak-00293772/'),
      page('amazon.com--order-confirmation--113-1625648-3437067.html', 'https://www.amazon.com/gp/your-account/order-details?orderID=113-1625648-3437067'),
      page('wikipedia.org--not-a-product--wikipedia.html', 'https://en.wikipedia.org/wiki/Main_Page'),
      JSON.stringify({ page: resolve(FIXTURES, 'product-benchmark/html/does-not-exist.html.gz'), url: 'https://x.example/' }),
      JSON.stringify({ product: { title: 'Apple MacBook Air 13-inch M2 laptop', price: 1099, currency: 'USD' } }),
      JSON.stringify({ price: '1.234,56 €' }),
      JSON.stringify({ price: '$1,234.56', currencyHint: 'CAD' }),
      '{not json',
      '',
      JSON.stringify({ something: 'else' }),
    ]) as Array<Record<string, unknown>>;

    const [product, order, other, missing, est, p1, p2, bad, unknown] = answers;
    expect(product).toMatchObject({ kind: 'product', order: null });
    expect(Object.keys(product!.product as object).sort()).toEqual(expect.arrayContaining(PRODUCT_KEYS));
    expect(product!.product).toMatchObject({ price: 450, currency: 'GBP' });
    for (const k of ESTIMATE_KEYS) expect(product!.estimate).toHaveProperty(k);

    expect(order).toMatchObject({ kind: 'order', product: null, estimate: null });
    expect(order!.order).toMatchObject({ orderId: '113-1625648-3437067' });
    expect(Array.isArray((order!.order as { items: unknown[] }).items)).toBe(true);

    expect(other).toEqual({ kind: 'other', product: null, order: null, estimate: null });
    expect(missing).toHaveProperty('error');
    expect(est!.estimate).toMatchObject({ method: 'device' });
    expect(p1).toEqual({ amount: 1234.56, currency: 'EUR' });
    expect(p2).toEqual({ amount: 1234.56, currency: 'CAD' });
    expect(bad).toHaveProperty('error');
    expect(unknown).toHaveProperty('error');
  }, 120_000);
});
