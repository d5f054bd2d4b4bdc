import { render } from 'preact';
import type { Replies } from '../../../src/messages/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App, type AppProps } from '../../../src/popup/App';
import { visibleRange, pagesFor } from '../../../src/popup/virtual';
import { validateManual } from '../../../src/popup/AddPurchase';
import { byText, choose, click, estimate, fakeBackground, key, labelled, purchase, settle, type, type Fake, type FakeOptions } from './fake';

let container: HTMLDivElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

async function mount(opts: FakeOptions = {}, props: Partial<AppProps> = {}): Promise<Fake> {
  const fake = fakeBackground(opts);
  render(<App send={fake.send} today={() => '2026-06-15'} debounceMs={0} {...props} />, container);
  await settle();
  return fake;
}

const q = (s: string) => container.querySelector(s);
const text = () => container.textContent ?? '';

describe('popup totals and summary', () => {
  it('shows totals with their range and car equivalent', async () => {
    const list = [purchase(5), purchase(17)]; // both in June 2026: 15 + 27 kg, ranges ×0.5 and ×2
    await mount({ purchases: list });
    const all = q('[data-testid="total-all"]')!.textContent!;
    // 15 + 22 = 37 kg, range 18.5–74
    expect(all).toContain('42 kg CO2e');
    expect(all).toContain('range 21–84 kg');
    expect(all).toMatch(/≈ [\d,]+ km by car/);
    expect(q('[data-testid="total-month"]')!.textContent).toContain('42 kg CO2e');
    expect(q('[data-testid="total-year"]')!.textContent).toContain('42 kg CO2e');
  });

  it('draws 12 bars with written values and offers the same data as a table', async () => {
    await mount({ purchases: [purchase(5)] });
    expect(container.querySelectorAll('.chart .col')).toHaveLength(12);
    expect(container.querySelector('.chart .current .val')!.textContent).toBe('15');
    const rows = container.querySelectorAll('.chart-table tbody tr');
    expect(rows).toHaveLength(12);
    expect(rows[5]!.textContent).toContain('(This month)');
  });

  it('breaks the total down by top-level category with numbers', async () => {
    await mount({ purchases: [purchase(1), purchase(2, {}, [{ estimate: estimate(4, { category: 'Apparel & Accessories > Clothing' }), category: 'Apparel & Accessories > Clothing' }])] });
    const cats = q('[data-testid="categories"]')!.textContent!;
    expect(cats).toContain('Electronics');
    expect(cats).toContain('11 kg CO2e');
    expect(cats).toContain('Apparel & Accessories');
    expect(cats).toMatch(/73 %/);
  });

  it('says what to do when there is nothing yet', async () => {
    await mount();
    expect(q('[data-testid="empty"]')!.textContent).toContain('Open a product page');
    expect(q('[data-testid="history"]')).toBeNull();
  });
});

describe('unknown is shown as unknown', () => {
  it('in the current tab', async () => {
    await mount({
      purchases: [purchase(1)],
      tab: { kind: 'product', product: { title: 'Mystery thing', price: null, currency: null, brand: null, sku: null, gtin: null, category: null, breadcrumbs: null, availability: null }, estimate: estimate(null, { note: 'No price and no product data.' }) },
    });
    const tab = q('[data-testid="tab-estimate"]')!.textContent!;
    expect(tab).toContain('Mystery thing');
    expect(tab).toContain('Footprint unknown.');
    expect(tab).toContain('No price and no product data.');
    expect(tab).not.toMatch(/\d kg/);
  });

  it('shows the tab estimate with range and method when known', async () => {
    await mount({ tab: { kind: 'product', product: null, estimate: estimate(12, { method: 'device' }) } });
    const tab = q('[data-testid="tab-estimate"]')!.textContent!;
    expect(tab).toContain('12 kg CO2e');
    expect(tab).toContain('range 6.0–24 kg');
    expect(tab).toContain('device data');
  });

  it('in the history and the purchase details', async () => {
    await mount({ purchases: [purchase(3, {}, [{ estimate: estimate(null) }])] });
    const row = q('[data-testid="history"] li')!;
    expect(row.textContent).toContain('unknown');
    expect(row.textContent).not.toContain('0 kg');
    click(row.querySelector('button'));
    await settle();
    const details = q('[data-testid="item-details"]')!.textContent!;
    expect(details).toContain('unknown');
    expect(details).toContain('Unknown category');
  });
});

describe('history queries', () => {
  it('search, month, category and sort send the matching purchases/query', async () => {
    const fake = await mount({ purchases: [purchase(1), purchase(2), purchase(3)] });
    expect(fake.of('purchases/query')[0]!.query).toMatchObject({ offset: 0, sort: 'date-desc', search: null, month: null, category: null });

    type(q('[data-testid="search"]'), 'shop2');
    await settle();
    expect(fake.of('purchases/query').at(-1)!.query).toMatchObject({ offset: 0, search: 'shop2' });
    expect(q('[data-testid="history"]')!.querySelectorAll('li')).toHaveLength(1);

    choose(q('[data-testid="filter-month"]'), '2026-03');
    await settle();
    expect(fake.of('purchases/query').at(-1)!.query).toMatchObject({ search: 'shop2', month: '2026-03' });

    choose(q('[data-testid="filter-category"]'), 'Electronics');
    await settle();
    expect(fake.of('purchases/query').at(-1)!.query).toMatchObject({ category: 'Electronics' });

    choose(q('[data-testid="sort"]'), 'kg-desc');
    await settle();
    expect(fake.of('purchases/query').at(-1)!.query).toMatchObject({ sort: 'kg-desc', offset: 0 });

    click(byText(container, 'button', 'Clear search and filters'));
    await settle();
    expect(fake.of('purchases/query').at(-1)!.query).toMatchObject({ search: null, month: null, category: null, sort: 'kg-desc' });
  });

  it('shows every purchase with date, shop, items, estimate and method', async () => {
    await mount({ purchases: [purchase(1, {}, [{}, { title: 'Second thing' }])] });
    const row = q('[data-testid="history"] li')!.textContent!;
    expect(row).toContain('2026-02-02');
    expect(row).toContain('shop1.example');
    expect(row).toContain('Item 1.0 and 1 more');
    expect(row).toContain('22 kg CO2e');
    expect(row).toContain('spend-based, wide range');
  });
});

describe('virtualised history', () => {
  it('renders a bounded number of rows for 100k purchases and fetches pages as it scrolls', async () => {
    const fake = await mount({ virtualTotal: 100_000 }, { listHeight: 280, rowHeight: 56 });
    const rows = () => container.querySelectorAll('[data-testid="history"] > li');
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().length).toBeLessThanOrEqual(5 + 2 * 6 + 1);
    expect(text()).toContain('Purchases found: 100000');
    const first = fake.of('purchases/query');
    expect(first).toHaveLength(1);
    expect(first[0]!.query).toMatchObject({ offset: 0, limit: 50 });
    const ul = q('[data-testid="history"]') as HTMLElement;
    expect(ul.style.height).toBe(`${100_000 * 56}px`);

    const scroller = q('[data-testid="history-scroll"]') as HTMLDivElement;
    scroller.scrollTop = 56 * 70_000;
    scroller.dispatchEvent(new Event('scroll'));
    await settle();
    expect(rows().length).toBeLessThanOrEqual(18);
    const offsets = fake.of('purchases/query').map((m) => m.query.offset);
    expect(offsets).toContain(70_000 - (70_000 % 50) - 50 * 0);
    expect(offsets.length).toBeLessThanOrEqual(3);
    const shown = [...rows()].map((r) => Number(r.getAttribute('aria-posinset')));
    expect(Math.min(...shown)).toBeGreaterThanOrEqual(70_000 - 6);
    expect(rows()[6]!.textContent).toContain('shop70000.example');
    expect(rows()[0]!.getAttribute('aria-setsize')).toBe('100000');
  });

  it('moves through rows with the arrow keys', async () => {
    await mount({ purchases: [purchase(1), purchase(2), purchase(3)] });
    const buttons = () => container.querySelectorAll<HTMLButtonElement>('[data-testid="history"] button');
    buttons()[0]!.focus();
    key(buttons()[0]!, 'ArrowDown');
    await settle();
    expect(document.activeElement).toBe(buttons()[1]);
    key(buttons()[1]!, 'End');
    await settle();
    expect(document.activeElement).toBe(buttons()[2]);
  });

  it('window arithmetic stays bounded', () => {
    expect(visibleRange(0, 280, 56, 100_000, 6)).toEqual({ start: 0, end: 11 });
    expect(visibleRange(56 * 50_000, 280, 56, 100_000, 6)).toEqual({ start: 49_994, end: 50_011 });
    expect(visibleRange(1e9, 280, 56, 10, 6).end).toBe(10);
    expect(pagesFor(45, 60, 50)).toEqual([0, 1]);
  });
});

describe('details, editing and deleting', () => {
  it('shows how the estimate was made', async () => {
    await mount({ purchases: [purchase(1)] });
    click(q('[data-testid="history"] button'));
    await settle();
    const d = q('[data-testid="item-details"]')!.textContent!;
    expect(d).toContain('spend-based, wide range');
    expect(d).toContain('0.42 kg CO2e/USD (2022)');
    expect(d).toContain('US EPA USEEIO v1.3');
    expect(d).toContain('test-1');
    expect(d).toContain('price');
    expect(q('[data-testid="other-data-version"]')).toBeNull();
  });

  it('says when an estimate was made with other data, and shows it as stored', async () => {
    await mount({ purchases: [purchase(1, {}, [{ estimate: estimate(10, { dataVersion: '2025.01-old', otherDataVersion: true }) }])] });
    click(q('[data-testid="history"] button'));
    await settle();
    const note = q('[data-testid="other-data-version"]')!.textContent!;
    expect(note).toContain('Made with data version 2025.01-old');
    expect(note).toContain('the figures are shown as they were stored');
    // Method, factor, source and range are named all the same.
    const d = q('[data-testid="item-details"]')!.textContent!;
    expect(d).toContain('US EPA USEEIO v1.3');
    expect(d).toContain('range 5.0–20 kg');
  });

  it('editing sends item/update and shows "edited"', async () => {
    const fake = await mount({ purchases: [purchase(1)] });
    click(q('[data-testid="history"] button'));
    await settle();
    click(byText(container, 'button', 'Edit'));
    await settle();
    const dialog = q('[data-testid="purchase-dialog"]')!;
    const form = dialog.querySelector('form')!;
    choose(form.querySelector('select'), 'Apparel & Accessories > Clothing > Shirts & Tops');
    type(labelled(form, 'Quantity'), '3');
    type(labelled(form, 'Unit price'), '19,90');
    await settle();
    click(byText(form, 'button', 'Save'));
    await settle();
    expect(fake.of('item/update')).toEqual([
      { type: 'item/update', itemId: 'shop1.example|1#0', patch: { category: 'Apparel & Accessories > Clothing > Shirts & Tops', quantity: 3, price: 19.9, currency: 'EUR' } },
    ]);
    expect(dialog.textContent).toContain('edited');
    expect(dialog.textContent).toContain('3 × Item 1.0');
    // the list and the totals are read again
    expect(fake.of('summary/get').length).toBeGreaterThanOrEqual(2);
  });

  it('does not send an invalid edit', async () => {
    const fake = await mount({ purchases: [purchase(1)] });
    click(q('[data-testid="history"] button'));
    await settle();
    click(byText(container, 'button', 'Edit'));
    await settle();
    const form = q('[data-testid="purchase-dialog"] form')!;
    type(labelled(form, 'Quantity'), '0');
    await settle();
    click(byText(form, 'button', 'Save'));
    await settle();
    expect(fake.of('item/update')).toHaveLength(0);
    expect(form.textContent).toContain('whole number');
  });

  it('deletes an item and a purchase after asking', async () => {
    const fake = await mount({ purchases: [purchase(1, {}, [{}, {}]), purchase(2)] });
    click(byText(container, '[data-testid="history"] button', 'shop1.example'));
    await settle();
    click(byText(container, '.d-items button', 'How this was estimated'));
    await settle();
    click(byText(container, 'button', 'Delete item'));
    await settle();
    expect(fake.of('item/delete')).toHaveLength(0);
    click(byText(container, 'button', 'Yes, delete this item'));
    await settle();
    expect(fake.of('item/delete')).toEqual([{ type: 'item/delete', itemId: 'shop1.example|1#0' }]);
    click(byText(container, 'button', 'Delete purchase'));
    await settle();
    click(byText(container, 'button', 'Yes, delete the purchase'));
    await settle();
    expect(fake.of('purchase/delete')).toEqual([{ type: 'purchase/delete', id: 'shop1.example|1' }]);
    expect(q('[data-testid="purchase-dialog"]')).toBeNull();
  });

  it('Escape closes the dialog and focus returns to the row', async () => {
    await mount({ purchases: [purchase(1)] });
    const row = q('[data-testid="history"] button') as HTMLButtonElement;
    row.focus();
    click(row);
    await settle();
    const dialog = q('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.contains(document.activeElement)).toBe(true);
    key(document.activeElement, 'Escape');
    await settle();
    expect(q('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(row);
  });
});

describe('adding a purchase by hand', () => {
  it('validates inputs before sending', async () => {
    const fake = await mount({ purchases: [purchase(1)] });
    click(byText(container, 'button', 'Add a purchase'));
    await settle();
    const dialog = q('[data-testid="add-dialog"]')!;
    type(labelled(dialog, 'Quantity'), '1.5');
    type(labelled(dialog, 'Unit price'), 'abc');
    type(labelled(dialog, 'Date'), '2030-01-01');
    await settle();
    click(byText(dialog, 'button', 'Add'));
    await settle();
    expect(fake.of('purchase/add')).toHaveLength(0);
    expect(dialog.querySelector('[role="alert"]')!.textContent).toContain('Fields to check: 4');
    expect(labelled(dialog, 'What did you buy?')!.getAttribute('aria-invalid')).toBe('true');
    expect(dialog.textContent).toContain('cannot be in the future');

    type(labelled(dialog, 'What did you buy?'), '  Wool jumper ');
    type(labelled(dialog, 'Quantity'), '2');
    type(labelled(dialog, 'Unit price'), '49.90');
    type(labelled(dialog, 'Date'), '2026-06-01');
    choose(labelled<HTMLSelectElement>(dialog, 'Category'), 'Apparel & Accessories > Clothing > Shirts & Tops');
    await settle();
    click(byText(dialog, 'button', 'Add'));
    await settle();
    expect(fake.of('purchase/add')).toEqual([
      {
        type: 'purchase/add',
        purchase: { title: 'Wool jumper', price: 49.9, currency: 'USD', date: '2026-06-01', category: 'Apparel & Accessories > Clothing > Shirts & Tops', quantity: 2 },
      },
    ]);
    expect(q('[data-testid="add-dialog"]')).toBeNull();
    expect(text()).toContain('Purchase added.');
  });

  it('validateManual rules', () => {
    const base = { title: 'x', price: '', currency: '', date: '2026-01-31', category: '', quantity: '1' };
    expect(validateManual(base, '2026-06-15')).toEqual({ purchase: { title: 'x', price: null, currency: null, date: '2026-01-31', category: null, quantity: 1 } });
    expect('errors' in validateManual({ ...base, date: '2026-02-30' }, '2026-06-15')).toBe(true);
    expect('errors' in validateManual({ ...base, price: '5' }, '2026-06-15')).toBe(true);
    expect(validateManual({ ...base, price: '1.234,50', currency: 'EUR' }, '2026-06-15')).toMatchObject({ purchase: { price: 1234.5 } });
    expect('errors' in validateManual({ ...base, quantity: '100001' }, '2026-06-15')).toBe(true);
  });
});

describe('store problems and links', () => {
  it('shows pending writes and the last error with Export now', async () => {
    const download = vi.fn();
    const fake = await mount({ purchases: [purchase(1)], status: { pendingWrites: 3, lastError: { at: 0, message: 'QuotaExceededError' } } }, { download });
    const banner = q('[data-testid="store-status"]')!;
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('Changes waiting to be saved: 3');
    expect(banner.textContent).toContain('QuotaExceededError');
    click(byText(banner, 'button', 'Export now'));
    // The export code is loaded when first asked for.
    for (let i = 0; i < 100 && download.mock.calls.length === 0; i++) await settle();
    // Paged like the options page's export, whatever the size of the history.
    expect(fake.of('data/export-start')).toHaveLength(1);
    expect(fake.of('data/export-page')).toHaveLength(1);
    expect(download).toHaveBeenCalledWith('local-footprint-2026-06-15.json', expect.any(Blob), 'application/json');
    const file = JSON.parse(await (download.mock.calls[0]![1] as Blob).text()) as { format: string; counts: { purchases: number } };
    expect(file.format).toBe('local-footprint-export');
    expect(file.counts.purchases).toBe(1);
  });

  it('calls the injected openers for settings and methodology', async () => {
    const openOptions = vi.fn();
    const openMethodology = vi.fn();
    await mount({}, { openOptions, openMethodology });
    click(byText(container, 'button', 'Settings and your data'));
    click(byText(container, 'button', 'How the estimates are made'));
    expect(openOptions).toHaveBeenCalledOnce();
    expect(openMethodology).toHaveBeenCalledOnce();
  });

  it('draws the totals the entrypoint asked for before the first render, without asking again', async () => {
    const fake = fakeBackground({ purchases: [purchase(5), purchase(17)] });
    const firstSummary = Promise.resolve(fake.send({ type: 'summary/get' })).then((r) => {
      if (!r.ok) throw new Error(r.error);
      return r;
    });
    await firstSummary;
    const asked = fake.of('summary/get').length;
    render(<App send={fake.send} firstSummary={firstSummary} today={() => '2026-06-15'} debounceMs={0} />, container);
    await settle();
    expect(q('[data-testid="total-all"]')!.textContent).toContain('42 kg CO2e');
    expect(fake.of('summary/get')).toHaveLength(asked);
  });

  it('draws the cached totals at once, then the background\'s answer, which wins even when the cache comes later', async () => {
    type Reply = Replies['summary/get'];
    const fake = fakeBackground({ purchases: [purchase(5), purchase(17)] });
    const r = await fake.send({ type: 'summary/get' });
    if (!r.ok) throw new Error(r.error);
    const fresh: Reply = { summary: r.summary, count: r.count };
    const stale: Reply = { ...fresh, summary: { ...fresh.summary, allTime: { ...fresh.summary.allTime, kg: 7 } } };
    let answer!: (r: Reply) => void;
    const firstSummary = new Promise<Reply>((res) => (answer = res));
    render(<App send={fake.send} firstSummary={firstSummary} cachedSummary={Promise.resolve(stale)} today={() => '2026-06-15'} debounceMs={0} />, container);
    await settle();
    expect(q('[data-testid="total-all"]')!.textContent).toContain('7.0 kg CO2e');
    answer(fresh);
    await settle();
    expect(q('[data-testid="total-all"]')!.textContent).toContain('42 kg CO2e');

    render(null, container);
    let late!: (r: Reply | null) => void;
    render(<App send={fake.send} firstSummary={Promise.resolve(fresh)} cachedSummary={new Promise<Reply | null>((res) => (late = res))} today={() => '2026-06-15'} debounceMs={0} />, container);
    await settle();
    late(stale);
    await settle();
    expect(q('[data-testid="total-all"]')!.textContent).toContain('42 kg CO2e');
  });

  it('shows the error of a summary asked for before the first render', async () => {
    const firstSummary = Promise.reject(new Error('DatabaseClosedError: closed'));
    firstSummary.catch(() => {});
    await mount({}, { firstSummary });
    expect(q('[role="alert"]')!.textContent).toContain('DatabaseClosedError: closed');
  });

  it('shows an error when the background cannot answer', async () => {
    await mount({ fail: { 'summary/get': 'DatabaseClosedError: closed' } });
    expect(q('[role="alert"]')!.textContent).toContain('DatabaseClosedError: closed');
  });

  it('contains no scores, ranks or points', async () => {
    await mount({ purchases: [purchase(1), purchase(2)] });
    expect(text()).not.toMatch(/\b(score|rank|points?|grade|good|bad)\b/i);
  });
});
