import type { PageMessage, Replies } from '../../../src/messages/protocol';
import type { PageSend } from '../../../src/popup/api';
import type { ItemView, PurchaseWithItems, Summary, Totals } from '../../../src/store/purchases';
import type { EstimateView } from '../../../src/store/expand-estimate';
import type { ImportPreview } from '../../../src/data-io/parse-import';
import { itemRows, purchaseRow } from '../../../src/store/stored-purchase';
import type { StoredPurchase } from '../../../src/store/records';
import { PipeReader } from '../../../src/data-io/pipe';
import { parseImport } from '../../../src/data-io/parse-import';

/** A purchase as the pages see it, as stored (estimates as shown; the fake keeps them whole). */
function stored(p: PurchaseWithItems): StoredPurchase {
  return { ...p, items: p.items.map(({ id: _id, purchaseId: _pid, estimate: { otherDataVersion: _o, ...estimate }, ...it }) => ({ ...it, estimate })) };
}
import { DEFAULT_SETTINGS, type Settings } from '../../../src/store/settings';

export function estimate(kg: number | null, over: Partial<EstimateView> = {}): EstimateView {
  return {
    kg,
    low: kg === null ? null : kg * 0.5,
    high: kg === null ? null : kg * 2,
    method: kg === null ? 'unknown' : 'spend',
    category: kg === null ? null : 'Electronics > Computers > Laptops',
    factor: kg === null ? null : 0.42,
    factorUnit: kg === null ? null : 'kg CO2e/USD (2022)',
    source: kg === null ? null : 'US EPA USEEIO v1.3',
    dataVersion: 'test-1',
    inputs: { price: 100, currency: 'EUR' },
    otherDataVersion: false,
    ...over,
  };
}

export function purchase(i: number, over: Partial<PurchaseWithItems> = {}, items?: Array<Partial<ItemView>>): PurchaseWithItems {
  const id = `shop${i}.example|${i}`;
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  const date = `2026-${month}-${day}`;
  const its: ItemView[] = (items ?? [{}]).map((o, position) => {
    const e = o.estimate ?? estimate(10 + i);
    return {
      id: `${id}#${position}`,
      purchaseId: id,
      position,
      title: `Item ${i}.${position}`,
      quantity: 1,
      price: 100,
      currency: 'EUR',
      category: e.category ?? '',
      estimate: e,
      edited: false,
      ...o,
    };
  });
  const known = its.filter((it) => it.estimate.kg !== null);
  return {
    id,
    shop: `shop${i}.example`,
    orderId: `A-${i}`,
    date,
    month: date.slice(0, 7),
    currency: 'EUR',
    total: 100,
    kg: known.reduce((s, it) => s + (it.estimate.kg ?? 0), 0),
    low: known.reduce((s, it) => s + (it.estimate.low ?? 0), 0),
    high: known.reduce((s, it) => s + (it.estimate.high ?? 0), 0),
    itemCount: its.length,
    unknownItems: its.length - known.length,
    source: 'page',
    createdAt: 0,
    updatedAt: 0,
    items: its,
    ...over,
  };
}

const zero = (): Totals => ({ kg: 0, low: 0, high: 0, purchases: 0, unknownItems: 0 });

export function summaryOf(list: PurchaseWithItems[], count = list.length): Summary {
  const s: Summary = { thisMonth: zero(), thisYear: zero(), allTime: zero(), months: [], byCategory: [] };
  for (let m = 1; m <= 12; m++) s.months.push({ month: `2026-${String(m).padStart(2, '0')}`, ...zero() });
  const cats = new Map<string, number>();
  for (const p of list) {
    for (const t of [s.allTime, s.thisYear, ...(p.month === '2026-06' ? [s.thisMonth] : [])]) {
      t.kg += p.kg;
      t.low += p.low;
      t.high += p.high;
      t.purchases++;
      t.unknownItems += p.unknownItems;
    }
    const m = s.months.find((x) => x.month === p.month);
    if (m) {
      m.kg += p.kg;
      m.low += p.low;
      m.high += p.high;
      m.purchases++;
    }
    for (const it of p.items) {
      const top = it.category ? it.category.split(' > ')[0]! : 'Unknown';
      if (it.estimate.kg !== null) cats.set(top, (cats.get(top) ?? 0) + it.estimate.kg);
    }
  }
  s.allTime.purchases = count === list.length ? s.allTime.purchases : count;
  s.byCategory = [...cats].map(([category, kg]) => ({ category, kg })).sort((a, b) => b.kg - a.kg);
  return s;
}

export interface FakeOptions {
  purchases?: PurchaseWithItems[];
  /** Pretend there are this many purchases; rows are made up on demand (no big arrays). */
  virtualTotal?: number;
  tab?: Replies['tab/estimate'];
  status?: Replies['status/get']['status'];
  fail?: Partial<Record<PageMessage['type'], string>>;
  replies?: Partial<{ [K in PageMessage['type']]: (msg: Extract<PageMessage, { type: K }>) => Replies[K] }>;
  /** What `data/import-check` says about a staged import. */
  preview?: ImportPreview;
}

const DEFAULT_PREVIEW: ImportPreview = {
  ok: true,
  counts: { purchases: 1, items: 1, viewed: 0, settings: 0 },
  dateRange: { from: '2026-01-01', to: '2026-01-01' },
  add: { purchases: 1, items: 1, viewed: 0, settings: 0 },
  update: { purchases: 0, items: 0, viewed: 0, settings: 0 },
  unchanged: { purchases: 0, items: 0, viewed: 0, settings: 0 },
  removedItems: 0,
  warnings: [],
};

export interface Fake {
  send: PageSend;
  log: PageMessage[];
  purchases: PurchaseWithItems[];
  settings: Settings;
  /** The import the fake background holds, if any, with the pipe its chunks' texts come on. */
  staged: { id: string; rows: number; pipe: PipeReader | null } | null;
  /** Files sent whole (`data/import-file`), as the background received them. */
  files: string[];
  /** Every chunk received, with its text (from the message or from the pipe). */
  chunks: Array<{ table: string; start: number; text: string }>;
  of<T extends PageMessage['type']>(type: T): Array<Extract<PageMessage, { type: T }>>;
}

/** The page side of the protocol over an in-memory list, recording every message. */
export function fakeBackground(opts: FakeOptions = {}): Fake {
  const fake: Fake = {
    log: [],
    purchases: opts.purchases ? [...opts.purchases] : [],
    settings: { ...DEFAULT_SETTINGS, disabledShops: [] },
    staged: null,
    chunks: [],
    files: [],
    send: undefined as unknown as PageSend,
    of: (type) => fake.log.filter((m) => m.type === type) as never,
  };
  const handle = (msg: PageMessage): unknown => {
    const custom = opts.replies?.[msg.type] as ((m: PageMessage) => unknown) | undefined;
    if (custom) return custom(msg);
    switch (msg.type) {
      case 'summary/get':
        return { summary: summaryOf(fake.purchases, opts.virtualTotal), count: opts.virtualTotal ?? fake.purchases.length };
      case 'status/get':
        return { status: opts.status ?? { pendingWrites: 0, lastError: null } };
      case 'tab/estimate':
        return opts.tab ?? { kind: null, product: null, estimate: null };
      case 'purchases/query': {
        const q = msg.query;
        if (opts.virtualTotal !== undefined) {
          const n = Math.max(0, Math.min(q.limit, opts.virtualTotal - q.offset));
          return { purchases: Array.from({ length: n }, (_, k) => purchase(q.offset + k)), total: opts.virtualTotal };
        }
        let list = fake.purchases.filter(
          (p) =>
            (!q.month || p.month === q.month) &&
            (!q.search || `${p.shop} ${p.orderId} ${p.items.map((i) => i.title).join(' ')}`.toLowerCase().includes(q.search.toLowerCase())) &&
            (!q.category || p.items.some((i) => (i.category ? i.category.split(' > ')[0] : 'Unknown') === q.category)),
        );
        const sort = q.sort ?? 'date-desc';
        list = [...list].sort((a, b) =>
          sort === 'date-desc' ? b.date.localeCompare(a.date) : sort === 'date-asc' ? a.date.localeCompare(b.date) : sort === 'kg-desc' ? b.kg - a.kg : a.kg - b.kg,
        );
        return { purchases: list.slice(q.offset, q.offset + q.limit), total: list.length };
      }
      case 'categories/list':
        return { categories: [{ path: 'Electronics > Computers > Laptops', method: 'device' }, { path: 'Apparel & Accessories > Clothing > Shirts & Tops', method: 'garment' }] };
      case 'item/update': {
        const p = fake.purchases.find((x) => x.items.some((i) => i.id === msg.itemId));
        if (!p) throw new Error('no such item');
        const items = p.items.map((i) =>
          i.id === msg.itemId
            ? { ...i, ...(msg.patch.quantity !== undefined ? { quantity: msg.patch.quantity } : {}), ...(msg.patch.price !== undefined ? { price: msg.patch.price } : {}), category: msg.patch.category ?? i.category, edited: true }
            : i,
        );
        const next = { ...p, items };
        fake.purchases = fake.purchases.map((x) => (x.id === p.id ? next : x));
        return { purchase: next };
      }
      case 'item/delete': {
        const p = fake.purchases.find((x) => x.items.some((i) => i.id === msg.itemId));
        if (!p) throw new Error('no such item');
        const items = p.items.filter((i) => i.id !== msg.itemId);
        if (items.length === 0) {
          fake.purchases = fake.purchases.filter((x) => x.id !== p.id);
          return { purchase: null };
        }
        const next = { ...p, items, itemCount: items.length };
        fake.purchases = fake.purchases.map((x) => (x.id === p.id ? next : x));
        return { purchase: next };
      }
      case 'purchase/delete': {
        const before = fake.purchases.length;
        fake.purchases = fake.purchases.filter((x) => x.id !== msg.id);
        return { removed: fake.purchases.length < before };
      }
      case 'purchase/add': {
        const p = purchase(1000 + fake.purchases.length, { shop: 'manual', date: msg.purchase.date, month: msg.purchase.date.slice(0, 7), source: 'manual' }, [
          { title: msg.purchase.title, quantity: msg.purchase.quantity, price: msg.purchase.price, currency: msg.purchase.currency },
        ]);
        fake.purchases.push(p);
        return { purchase: p };
      }
      case 'settings/get':
        return { settings: fake.settings };
      case 'settings/set':
        fake.settings = { ...fake.settings, ...msg.patch };
        return { settings: fake.settings };
      case 'data/export':
        return { json: JSON.stringify({ format: 'local-footprint-export', tables: { purchases: fake.purchases } }) };
      case 'data/export-start':
        return { schemaVersion: 3, exportedAt: '2026-06-15T10:00:00.000Z', viewed: [], settings: [{ key: 'badgeMode', value: 'page' }], purchases: fake.purchases.length };
      case 'data/export-page': {
        // Pages of two purchases at most, by id, as the file's texts (the reply carries them: no pipe here).
        const rest = [...fake.purchases].sort((a, b) => (a.id < b.id ? -1 : 1)).filter((p) => msg.after === null || p.id > msg.after);
        const page = rest.slice(0, Math.min(msg.limit, 2)).map(stored);
        const items = page.flatMap(itemRows);
        const texts = [JSON.stringify(page.map(purchaseRow)).slice(1, -1), JSON.stringify(items).slice(1, -1)];
        return { texts, count: page.length, itemCount: items.length, next: rest.length > page.length ? page[page.length - 1]!.id : null };
      }
      case 'data/export-csv-page':
        return msg.after === null ? { texts: ['row 1\r\n'], count: 1, next: { date: '2026-01-01', skip: 1 } } : { texts: ['row 2\r\n'], count: 1, next: null };
      case 'data/import-begin':
        fake.staged?.pipe?.close();
        fake.staged = { id: `0000000${fake.log.length}-aaaa`, rows: 0, pipe: msg.pipe ? new PipeReader(msg.pipe) : null };
        return { importId: fake.staged.id };
      case 'data/import-file': {
        // Checked as the real background checks it: the same parseImport, its message the refusal.
        const staged = fake.staged;
        if (!staged || staged.id !== msg.importId || !staged.pipe) throw new Error('The import was interrupted');
        return staged.pipe.take(msg.pipe.seq).then(([text]) => {
          fake.files.push(text!);
          const plan = parseImport(text!);
          if (!plan.ok) {
            fake.staged = null;
            throw new Error(plan.error);
          }
          return { counts: plan.counts };
        });
      }
      case 'data/import-chunk': {
        const staged = fake.staged;
        if (!staged || staged.id !== msg.importId) throw new Error('The import was interrupted');
        const take = (text: string) => {
          fake.chunks.push({ table: msg.table, start: msg.start, text });
          staged.rows += (JSON.parse(text) as unknown[]).length;
          return { staged: { purchases: staged.rows, items: 0, viewed: 0, settings: 0 } };
        };
        return msg.pipe ? staged.pipe!.take(msg.pipe.seq).then(([text]) => take(text!)) : take(msg.rows);
      }
      case 'data/import-check':
        if (!fake.staged || fake.staged.id !== msg.importId) throw new Error('The import was interrupted');
        return { preview: opts.preview ?? DEFAULT_PREVIEW };
      case 'data/import-commit': {
        if (!fake.staged || fake.staged.id !== msg.importId) throw new Error('The import was interrupted');
        fake.staged = null;
        const p = opts.preview ?? DEFAULT_PREVIEW;
        return { result: { ok: true, counts: p.counts, dateRange: p.dateRange, add: p.add, update: p.update, unchanged: p.unchanged, removedItems: p.removedItems, months: 1 } };
      }
      case 'data/import-ping':
        return { alive: fake.staged?.id === msg.importId };
      case 'data/import-abort': {
        const had = fake.staged?.id === msg.importId;
        if (had) fake.staged = null;
        return { aborted: had };
      }
      case 'data/wipe-preview':
        return {
          preview: {
            counts: { purchases: fake.purchases.length, items: fake.purchases.reduce((s, p) => s + p.items.length, 0), viewed: 7, settings: 2, months: 3 },
            total: 0,
            dateRange: fake.purchases.length ? { from: '2026-01-01', to: '2026-12-28' } : null,
          },
        };
      case 'data/wipe':
        fake.purchases = [];
        return { wiped: true };
      default:
        throw new Error(`not faked: ${msg.type}`);
    }
  };
  fake.send = (async (msg: PageMessage) => {
    fake.log.push(msg);
    await Promise.resolve();
    const failure = opts.fail?.[msg.type];
    if (failure) return { ok: false, error: failure };
    try {
      return { ok: true, ...((await handle(msg)) as object) };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  }) as PageSend;
  return fake;
}

/** Lets pending promises, timers of 0 ms and Preact's re-renders run. */
export async function settle(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}

export function type(el: Element | null, value: string): void {
  if (!el) throw new Error('no element to type into');
  (el as HTMLInputElement).value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

export function choose(el: Element | null, value: string): void {
  if (!el) throw new Error('no select');
  (el as HTMLSelectElement).value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

export function click(el: Element | null): void {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
}

export function key(el: Element | null, k: string, extra: KeyboardEventInit = {}): void {
  if (!el) throw new Error('no element for key');
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...extra }));
}

export function byText<T extends Element = HTMLElement>(root: ParentNode, selector: string, text: string | RegExp): T | null {
  for (const el of root.querySelectorAll<T>(selector)) {
    const s = el.textContent ?? '';
    if (typeof text === 'string' ? s.trim() === text || s.includes(text) : text.test(s)) return el;
  }
  return null;
}

export function labelled<T extends HTMLElement = HTMLInputElement>(root: ParentNode, label: string): T | null {
  for (const l of root.querySelectorAll('label')) {
    if (!(l.textContent ?? '').includes(label)) continue;
    const f = l.getAttribute('for');
    if (f) return root.querySelector<T>(`#${CSS.escape(f)}`) ?? (l.ownerDocument.getElementById(f) as T | null);
    const inner = l.querySelector<T>('input, select, textarea');
    if (inner) return inner;
  }
  return null;
}
