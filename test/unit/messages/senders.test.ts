import { describe, expect, it } from 'vitest';
import { senderRole, type SenderInfo } from '../../../src/messages/senders';
import { parseMessage } from '../../../src/messages/parse';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

const SENDERS: Array<[string, SenderInfo, ReturnType<typeof senderRole>]> = [
  ['popup', { id: ID, url: `${ORIGIN}popup.html`, origin: `chrome-extension://${ID}` }, 'extension-page'],
  ['options page in a tab', { id: ID, url: `${ORIGIN}options.html`, tab: { id: 3 } }, 'extension-page'],
  ['content script on a shop', { id: ID, url: 'https://www.amazon.com/dp/X', origin: 'https://www.amazon.com', tab: { id: 7 }, frameId: 0 }, 'content-script'],
  ['content script in a sub-frame', { id: ID, url: 'https://ads.example/x', tab: { id: 7 }, frameId: 3 }, 'untrusted'],
  ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' }, 'untrusted'],
  ['opaque origin', { id: ID, url: `${ORIGIN}popup.html`, origin: 'null' }, 'untrusted'],
  ['web page claiming our URL with a foreign origin', { id: ID, url: `${ORIGIN}popup.html`, origin: 'https://evil.example' }, 'untrusted'],
  ['no URL', { id: ID }, 'untrusted'],
  ['file page', { id: ID, url: 'file:///tmp/x.html', tab: { id: 1 }, frameId: 0 }, 'untrusted'],
];

describe('sender roles', () => {
  it.each(SENDERS)('%s', (_name, sender, role) => {
    expect(senderRole(sender, ID, ORIGIN)).toBe(role);
  });
});

const product = { title: 'Laptop', price: 999, currency: 'USD', brand: null, sku: null, gtin: null, category: null, breadcrumbs: null, availability: null };
const orders = [{ orderId: '1', date: '2026-01-02', currency: 'EUR', total: 5, items: [{ title: 'A', quantity: 1, price: 5, currency: 'EUR' }] }];

describe('message allow-list per sender', () => {
  const MATRIX: Array<[unknown, 'content-script' | 'extension-page' | 'untrusted', boolean]> = [
    [{ type: 'page/seen', kind: 'product', product }, 'content-script', true],
    [{ type: 'orders/seen', orders }, 'content-script', true],
    [{ type: 'data/export' }, 'content-script', false],
    [{ type: 'data/wipe' }, 'content-script', false],
    [{ type: 'settings/set', patch: { capturePaused: true } }, 'content-script', false],
    [{ type: 'purchases/list', offset: 0, limit: 10 }, 'content-script', false],
    [{ type: 'data/export' }, 'extension-page', true],
    [{ type: 'data/wipe' }, 'extension-page', true],
    [{ type: 'orders/seen', orders }, 'extension-page', false],
    [{ type: 'summary/get' }, 'untrusted', false],
    [{ type: 'page/seen', kind: 'product', product }, 'untrusted', false],
  ];
  it.each(MATRIX)('%j from %s allowed: %s', (msg, role, ok) => {
    const run = () => parseMessage(msg, role);
    if (ok) expect(run).not.toThrow();
    else expect(run).toThrow();
  });

  it.each([
    ['negative price', { type: 'page/seen', kind: 'product', product: { ...product, price: -1 } }],
    ['NaN-like price', { type: 'page/seen', kind: 'product', product: { ...product, price: 'NaN' } }],
    ['bad currency', { type: 'page/seen', kind: 'product', product: { ...product, currency: 'dollars' } }],
    ['bad kind', { type: 'page/seen', kind: 'shop', product }],
    ['no items', { type: 'orders/seen', orders: [{ ...orders[0], items: [] }] }],
    ['fractional quantity', { type: 'orders/seen', orders: [{ ...orders[0], items: [{ title: 'A', quantity: 0.5, price: 1, currency: 'EUR' }] }] }],
    ['bad date', { type: 'orders/seen', orders: [{ ...orders[0], date: '2026-13-01' }] }],
    ['too many orders', { type: 'orders/seen', orders: Array(11).fill(orders[0]) }],
    ['not an object', 'page/seen'],
  ])('rejects %s', (_n, msg) => {
    expect(() => parseMessage(msg, 'content-script')).toThrow();
  });

  const IMPORT = '0c6f0d2e-5d7b-4d5e-9a3b-2f1d9b7a8c01';
  const start = { schemaVersion: 3, exportedAt: null, app: 'x', counts: { purchases: 1, items: 1, viewed: 0, settings: 0 }, months: 0 };
  const PAGED: Array<[string, unknown]> = [
    ['export start', { type: 'data/export-start' }],
    ['an export page', { type: 'data/export-page', after: null, limit: 4000 }],
    ['a later export page', { type: 'data/export-page', after: 'amazon.com|112-1', limit: 10 }],
    ['a CSV page', { type: 'data/export-csv-page', after: { date: '2026-01-02', skip: 3 }, limit: 4000 }],
    ['an import start', { type: 'data/import-begin', start }],
    ['an import chunk', { type: 'data/import-chunk', importId: IMPORT, table: 'items', start: 5000, rows: '[{},{}]' }],
    ['a whole-file import start', { type: 'data/import-begin', pipe: 'lf-pipe-0123456789abcdef0123456789abcdef' }],
    ['a whole file on a pipe', { type: 'data/import-file', importId: IMPORT, pipe: { name: 'lf-pipe-0123456789abcdef0123456789abcdef', seq: 0 } }],
    ['an import check', { type: 'data/import-check', importId: IMPORT }],
    ['an import commit', { type: 'data/import-commit', importId: IMPORT }],
    ['an import ping', { type: 'data/import-ping', importId: IMPORT }],
    ['an import abort', { type: 'data/import-abort', importId: IMPORT }],
  ];
  it.each(PAGED)('paged data: %s is for extension pages only', (_n, msg) => {
    expect(() => parseMessage(msg, 'extension-page')).not.toThrow();
    expect(() => parseMessage(msg, 'content-script')).toThrow();
    expect(() => parseMessage(msg, 'untrusted')).toThrow();
  });

  it.each([
    ['a page of a million', { type: 'data/export-page', after: null, limit: 1_000_000 }],
    ['a cursor that is not text', { type: 'data/export-page', after: 12, limit: 10 }],
    ['a CSV cursor with a bad date', { type: 'data/export-csv-page', after: { date: '2026-02-30', skip: 0 }, limit: 10 }],
    ['a chunk of an unknown table', { type: 'data/import-chunk', importId: IMPORT, table: 'months', start: 0, rows: '[]' }],
    ['a chunk that is not text', { type: 'data/import-chunk', importId: IMPORT, table: 'items', start: 0, rows: [{}] }],
    ['a chunk of more than 32 MB', { type: 'data/import-chunk', importId: IMPORT, table: 'items', start: 0, rows: ' '.repeat(32 * 1024 * 1024 + 1) }],
    ['a negative chunk start', { type: 'data/import-chunk', importId: IMPORT, table: 'items', start: -1, rows: '[]' }],
    ['an import id that is not one', { type: 'data/import-commit', importId: '../../x' }],
    ['counts that are not numbers', { type: 'data/import-begin', start: { ...start, counts: { ...start.counts, items: 'all' } } }],
    ['a schema of 0', { type: 'data/import-begin', start: { ...start, schemaVersion: 0 } }],
    ['an import start with neither a start nor a pipe', { type: 'data/import-begin' }],
    ['a whole-file start on a channel not ours', { type: 'data/import-begin', pipe: 'other-channel' }],
    ['a whole file on no pipe', { type: 'data/import-file', importId: IMPORT }],
    ['a whole file in the message', { type: 'data/import-file', importId: IMPORT, rows: '{}' }],
  ])('rejects paged data with %s', (_n, msg) => {
    expect(() => parseMessage(msg, 'extension-page')).toThrow();
  });

  it('copies payloads field by field: no prototype or extra keys survive', () => {
    const hostile = JSON.parse(`{"type":"page/seen","kind":"product","product":{"title":"x","__proto__":{"polluted":true},"extra":"<img src=x>"}}`);
    const msg = parseMessage(hostile, 'content-script');
    expect(msg.type === 'page/seen' && msg.product).toBeTruthy();
    if (msg.type !== 'page/seen' || !msg.product) return;
    expect(Object.keys(msg.product)).not.toContain('extra');
    expect((msg.product as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('turns an absurd but well-typed price into unknown rather than refusing the page', () => {
    const msg = parseMessage({ type: 'page/seen', kind: 'product', product: { ...product, price: 1e308 } }, 'content-script');
    expect(msg.type === 'page/seen' && msg.product?.price).toBeNull();
  });

  it('trims control characters and over-long text', () => {
    const msg = parseMessage({ type: 'page/seen', kind: 'product', product: { ...product, title: `a\u0000b${'x'.repeat(2000)}` } }, 'content-script');
    if (msg.type !== 'page/seen' || !msg.product) throw new Error('unexpected');
    expect(msg.product.title!.startsWith('a b')).toBe(true);
    expect(msg.product.title!.length).toBe(500);
  });
});
