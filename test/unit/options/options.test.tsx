import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../../src/options/Options';
import { ImportSection, looksEncrypted } from '../../../src/options/Import';
import type { ImportPreview } from '../../../src/messages/protocol';
import { encryptBackup, decryptBackup } from '../../../src/data-io/crypto';
import { EXPORT_FORMAT, MAX_IMPORT_BYTES } from '../../../src/data-io/format';
import { parseImport } from '../../../src/data-io/parse-import';
import { buildRecords } from '../../../src/store/purchases';
import { SCHEMA_VERSION } from '../../../src/store/schema';
import { byText, click, fakeBackground, key, labelled, purchase, settle, type, type Fake, type FakeOptions } from '../popup/fake';

let container: HTMLDivElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const counts = (purchases: number, items: number) => ({ purchases, items, viewed: 0, settings: 0 });
const PREVIEW: ImportPreview = {
  ok: true,
  counts: { purchases: 300, items: 450, viewed: 2, settings: 3 },
  dateRange: { from: '2024-01-03', to: '2026-05-30' },
  add: { ...counts(280, 420), settings: 1 },
  update: counts(5, 8),
  unchanged: counts(15, 22),
  removedItems: 0,
  warnings: ['2 fields this version does not know were dropped (first: items[0].colour).'],
};

/** A valid export file of `n` purchases, one item each, built the way the store builds records. */
function exportText(n: number): string {
  const purchases = [];
  const items = [];
  for (let i = 0; i < n; i++) {
    const order = { orderId: `T-${i}`, date: `2026-0${(i % 9) + 1}-10`, currency: 'EUR', total: 10, items: [{ title: `Thing ${i}`, quantity: 1, price: 10, currency: 'EUR' }] };
    const r = buildRecords({ shop: 'shop.example', order, estimates: [{ kg: 1, low: 0.5, high: 2, method: 'spend', category: null, factor: 0.1, factorUnit: null, source: null, dataVersion: 'v', inputs: {} }], source: 'page', today: '2026-06-01', now: 1 });
    purchases.push(r.purchase);
    items.push(...r.items);
  }
  return JSON.stringify({ format: EXPORT_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: '2026-06-01T00:00:00.000Z', app: 'test', counts: { purchases: n, items: n, viewed: 0, settings: 0 }, tables: { purchases, items, viewed: [], settings: [] } });
}

async function mount(opts: FakeOptions = {}, download = vi.fn()): Promise<Fake & { download: typeof download }> {
  const fake = fakeBackground({ preview: PREVIEW, ...opts });
  render(<Options send={fake.send} download={download} today={() => '2026-06-15'} version="9.9.9" />, container);
  await settle();
  return Object.assign(fake, { download });
}

async function pickFile(text: string, name = 'export.json', size?: number) {
  const input = container.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
  const file = new File([text], name, { type: 'application/json' });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(16);
}

const q = (s: string) => container.querySelector(s);
const importMessages = (fake: Fake) => fake.log.filter((m) => m.type.startsWith('data/import'));

/** Files the import refuses, with what the refusal says: the same check runs in the page or in the background. */
const BROKEN_FILES: Array<[string, string, RegExp]> = [
  ['not JSON', '{"broken":', /not valid JSON/],
  ['another format', '{"format":"other","tables":{}}', /not a Local Footprint export/],
  ['a bad record', exportText(2).replace('"quantity":1', '"quantity":0'), /items\[0\]\.quantity must be a whole number/],
];

/** The import's message is an alert that says why and that nothing changed. */
function expectRefusal(why: RegExp): void {
  const msg = q('[data-testid="import-message"]')!;
  expect(msg.getAttribute('role')).toBe('alert');
  expect(msg.textContent).toMatch(why);
  expect(msg.textContent).toContain('Your data has not been changed.');
}

describe('import with a pipe: the file goes to the background whole, checked there once', () => {
  it('sends the file once, shows what would change and asks', async () => {
    const fake = await mount();
    const text = exportText(3);
    await pickFile(text);
    expect(importMessages(fake).map((m) => m.type)).toEqual(['data/import-begin', 'data/import-file', 'data/import-check']);
    expect(fake.of('data/import-begin')[0]!.start).toBeUndefined();
    expect(fake.files).toEqual([text]);
    expect(q('[data-testid="import-preview"]')!.textContent).toContain('New: 280 purchases with 420 items');
    click(q('[data-testid="import-confirm"]'));
    await settle();
    const { importId } = fake.of('data/import-check')[0]!;
    expect(fake.of('data/import-file')[0]!.importId).toBe(importId);
    expect(fake.of('data/import-commit')).toEqual([{ type: 'data/import-commit', importId }]);
    expect(q('[data-testid="import-message"]')!.textContent).toContain('Imported: 280 new purchases, 5 merged, 15 already here.');
  });

  it.each(BROKEN_FILES)('a broken file (%s) is refused with the check\'s own message; nothing is held or written', async (_name, text, why) => {
    const fake = await mount();
    await pickFile(text);
    expect(importMessages(fake).map((m) => m.type)).toEqual(['data/import-begin', 'data/import-file', 'data/import-abort']);
    expect(fake.staged).toBeNull();
    expectRefusal(why);
  });

  it('an encrypted backup is decrypted in the page: the background gets the plain file, never the passphrase', async () => {
    const fake = await mount();
    const plain = exportText(2);
    await pickFile(await encryptBackup(plain, 'correct horse', { iterations: 1000 }), 'x.backup.json');
    expect(importMessages(fake)).toHaveLength(0);
    type(container.querySelector('#imp-pass'), 'correct horse');
    await settle();
    click(byText(container, 'button', 'Check the file'));
    await settle(16);
    expect(fake.files).toEqual([plain]);
    expect(JSON.stringify(fake.log)).not.toContain('correct horse');
  });
});

describe('import without a pipe: checked in the page, sent in chunks', () => {
  // Some contexts have no BroadcastChannel (see data-io/pipe.ts).
  beforeEach(() => void vi.stubGlobal('BroadcastChannel', undefined));
  afterEach(() => void vi.unstubAllGlobals());

  it('checks the whole file in the page, sends it in chunks, shows what would change and asks', async () => {
    const fake = await mount();
    await pickFile(exportText(3));
    expect(importMessages(fake).map((m) => m.type)).toEqual(['data/import-begin', 'data/import-chunk', 'data/import-check']);
    expect(fake.of('data/import-begin')[0]!.start).toEqual({ schemaVersion: SCHEMA_VERSION, exportedAt: '2026-06-01T00:00:00.000Z', app: 'test', counts: counts(3, 3), outside: 0, months: 0 });
    // Purchases travel with their items inside.
    expect(fake.chunks.map((c) => [c.table, c.start, (JSON.parse(c.text) as unknown[]).length])).toEqual([['purchases', 0, 3]]);
    expect(fake.of('data/import-commit')).toHaveLength(0);
    const dialog = q('[data-testid="import-preview"]')!;
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.textContent).toContain('export.json');
    expect(dialog.textContent).toContain('Purchases: 300');
    expect(dialog.textContent).toContain('New: 280 purchases with 420 items');
    expect(dialog.textContent).toContain('5 purchases, 8 items');
    expect(dialog.textContent).toContain('your copy is kept: 15 purchases');
    expect(dialog.textContent).toContain('Dates from 2024-01-03 to 2026-05-30');
    expect(dialog.textContent).toContain('items[0].colour');
    click(q('[data-testid="import-confirm"]'));
    await settle();
    const { importId } = fake.of('data/import-check')[0]!;
    expect(fake.of('data/import-chunk').every((m) => m.importId === importId)).toBe(true);
    expect(fake.of('data/import-commit')).toEqual([{ type: 'data/import-commit', importId }]);
    expect(q('[data-testid="import-preview"]')).toBeNull();
    expect(q('[data-testid="import-message"]')!.textContent).toContain('Imported: 280 new purchases, 5 merged, 15 already here.');
  });

  it.each(BROKEN_FILES)('a broken file (%s) is refused in the page: nothing reaches the background', async (_name, text, why) => {
    const fake = await mount();
    await pickFile(text);
    expect(importMessages(fake)).toEqual([]);
    expectRefusal(why);
  });

  it('refuses a file too large by its size, before reading it', async () => {
    const fake = await mount();
    await pickFile('{}', 'huge.json', MAX_IMPORT_BYTES + 1);
    expect(importMessages(fake)).toEqual([]);
    expect(q('[data-testid="import-message"]')!.textContent).toMatch(/too large \(256 MB; the limit is 256 MB\)/);
  });

  it('cancelling the preview (Escape too) drops what the background holds and imports nothing', async () => {
    const fake = await mount();
    await pickFile(exportText(1));
    key(document.activeElement, 'Escape');
    await settle();
    expect(q('[data-testid="import-preview"]')).toBeNull();
    expect(fake.of('data/import-abort')).toHaveLength(1);
    expect(fake.of('data/import-commit')).toHaveLength(0);
    expect(fake.staged).toBeNull();
  });

  it('a refusal by the background is shown and says nothing changed', async () => {
    const fake = await mount({ fail: { 'data/import-chunk': 'items[3].quantity must be a whole number ≥ 1' } });
    await pickFile(exportText(1));
    expect(fake.of('data/import-check')).toHaveLength(0);
    const msg = q('[data-testid="import-message"]')!;
    expect(msg.textContent).toContain('Import failed: items[3].quantity must be a whole number ≥ 1');
    expect(msg.textContent).toContain('Your data has not been changed.');
  });

  it('an error on the commit is shown too', async () => {
    await mount({ fail: { 'data/import-commit': 'The import failed and nothing was changed (QuotaExceededError: full).' } });
    await pickFile(exportText(1));
    click(q('[data-testid="import-confirm"]'));
    await settle();
    expect(q('[data-testid="import-message"]')!.textContent).toContain('QuotaExceededError: full');
    expect(q('[data-testid="import-message"]')!.textContent).toContain('not been changed');
  });

  it('a background that stops answering during the commit: "try again"', async () => {
    const fake = fakeBackground({ preview: PREVIEW });
    // What a service worker stopped in the middle of the commit looks like to the page.
    const send = ((msg: { type: string }) =>
      msg.type === 'data/import-commit' ? Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')) : fake.send(msg as never)) as typeof fake.send;
    render(<ImportSection send={send} onImported={() => undefined} />, container);
    await settle();
    await pickFile(exportText(1));
    click(q('[data-testid="import-confirm"]'));
    await settle();
    const msg = q('[data-testid="import-message"]')!.textContent!;
    expect(msg).toContain('If the import had finished, importing the file again changes nothing');
    expect(msg).toContain('Try again.');
  });

  it('says so when the background was restarted while the user was reading the preview', async () => {
    const fake = fakeBackground({ preview: PREVIEW });
    render(<ImportSection send={fake.send} onImported={() => undefined} keepAliveMs={5} />, container);
    await settle();
    await pickFile(exportText(1));
    expect(q('[data-testid="import-preview"]')).not.toBeNull();
    fake.staged = null; // what a stopped service worker leaves
    await new Promise((r) => setTimeout(r, 30));
    await settle();
    expect(q('[data-testid="import-preview"]')).toBeNull();
    expect(q('[data-testid="import-message"]')!.textContent).toMatch(/interrupted.*try again/);
    expect(fake.of('data/import-ping').length).toBeGreaterThan(0);
  });

  it('an encrypted backup asks for its passphrase and is decrypted in the page: the passphrase is never sent', async () => {
    const fake = await mount();
    const text = await encryptBackup(exportText(2), 'correct horse', { iterations: 1000 });
    expect(looksEncrypted(text)).toBe(true);
    await pickFile(text, 'x.backup.json');
    expect(importMessages(fake)).toHaveLength(0);
    type(container.querySelector('#imp-pass'), 'wrong horse!');
    await settle();
    click(byText(container, 'button', 'Check the file'));
    await settle(16);
    expect(q('[data-testid="import-message"]')!.textContent).toContain('Wrong passphrase');
    expect(importMessages(fake)).toHaveLength(0);
    await pickFile(text, 'x.backup.json');
    type(container.querySelector('#imp-pass'), 'correct horse');
    await settle();
    click(byText(container, 'button', 'Check the file'));
    await settle(16);
    expect(fake.of('data/import-begin')[0]!.start?.counts).toEqual(counts(2, 2));
    expect(JSON.stringify(fake.log)).not.toContain('correct horse');
    click(q('[data-testid="import-confirm"]'));
    await settle();
    expect(fake.of('data/import-commit')).toHaveLength(1);
  });
});

describe('delete everything', () => {
  it('lists what will be deleted and offers an export first', async () => {
    const fake = await mount({ purchases: [purchase(1), purchase(2, {}, [{}, {}])] });
    click(q('[data-testid="wipe-open"]'));
    await settle();
    const dialog = q('[data-testid="wipe-dialog"]')!;
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(dialog.textContent).toContain('Purchases: 2');
    expect(dialog.textContent).toContain('Items: 3');
    expect(dialog.textContent).toContain('Recently viewed products: 7');
    expect(dialog.textContent).toContain('Settings: 2');
    expect(dialog.textContent).toContain('Dates from 2026-01-01 to 2026-12-28');
    expect(fake.of('data/wipe')).toHaveLength(0);
    click(q('[data-testid="wipe-export"]'));
    await settle();
    expect(fake.of('data/export-start')).toHaveLength(1);
    expect(fake.download).toHaveBeenCalledWith('local-footprint-2026-06-15.json', expect.any(Blob), 'application/json');
    click(q('[data-testid="wipe-confirm"]'));
    await settle();
    expect(fake.of('data/wipe')).toHaveLength(1);
    expect(q('[data-testid="wipe-message"]')!.textContent).toContain('Everything was deleted.');
  });

  it('cancel deletes nothing and returns focus', async () => {
    const fake = await mount({ purchases: [purchase(1)] });
    const open = q('[data-testid="wipe-open"]') as HTMLButtonElement;
    open.focus();
    click(open);
    await settle();
    click(byText(q('[data-testid="wipe-dialog"]')!, 'button', 'Cancel'));
    await settle();
    expect(fake.of('data/wipe')).toHaveLength(0);
    expect(document.activeElement).toBe(open);
  });
});

describe('export and backup', () => {
  it('exports JSON in pages, assembled into one valid, complete document', async () => {
    const fake = await mount({ purchases: [purchase(1), purchase(2, {}, [{}, {}]), purchase(3)] });
    click(q('[data-testid="export-json"]'));
    await settle();
    expect(fake.of('data/export-page').map((m) => m.after)).toEqual([null, 'shop2.example|2']);
    expect(fake.download).toHaveBeenCalledWith('local-footprint-2026-06-15.json', expect.any(Blob), 'application/json');
    const text = await (fake.download.mock.calls[0]![1] as Blob).text();
    const file = JSON.parse(text) as Record<string, unknown> & { tables: { purchases: Array<{ id: string }>; items: unknown[] } };
    expect(Object.keys(file)).toEqual(['format', 'schemaVersion', 'exportedAt', 'app', 'counts', 'tables']);
    expect(file).toMatchObject({ format: EXPORT_FORMAT, schemaVersion: 3, app: '9.9.9', counts: { purchases: 3, items: 4, viewed: 0, settings: 1 } });
    expect(file.tables.purchases.map((p) => p.id)).toEqual(['shop1.example|1', 'shop2.example|2', 'shop3.example|3']);
    expect(file.tables.items).toHaveLength(4);
    expect(q('[data-testid="options-status"]')!.textContent).toContain('saved');
  });

  it('exports CSV in pages: header, then each page\'s rows', async () => {
    const fake = await mount();
    click(q('[data-testid="export-csv"]'));
    await settle();
    expect(fake.of('data/export-csv-page').map((m) => m.after)).toEqual([null, { date: '2026-01-01', skip: 1 }]);
    expect(fake.download).toHaveBeenCalledWith('local-footprint-2026-06-15.csv', expect.any(Blob), 'text/csv');
    const blob = fake.download.mock.calls[0]![1] as Blob;
    expect([...new Uint8Array(await blob.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = (await blob.text()).replace(/^\uFEFF/, '');
    expect(text.split('\r\n')).toEqual([expect.stringMatching(/^Date,Shop,Order ID,/), 'row 1', 'row 2', '']);
  });

  it('an encrypted backup needs two matching passphrases of 8+ characters, and is encrypted in the page', async () => {
    const fake = await mount({ purchases: [purchase(1)] });
    const submit = () => click(byText(container, 'button', 'Save encrypted backup'));
    type(container.querySelector('#bk-pass1'), 'short');
    type(container.querySelector('#bk-pass2'), 'short');
    await settle();
    submit();
    await settle();
    expect(fake.of('data/export-start')).toHaveLength(0);
    expect(container.querySelector('#bk-pass1')!.getAttribute('aria-invalid')).toBe('true');
    expect(container.textContent).toContain('at least 8 characters');
    type(container.querySelector('#bk-pass1'), 'long enough phrase');
    type(container.querySelector('#bk-pass2'), 'long enough phrasE');
    await settle();
    submit();
    await settle();
    expect(fake.of('data/export-start')).toHaveLength(0);
    expect(container.textContent).toContain('The two passphrases differ.');
    type(container.querySelector('#bk-pass2'), 'long enough phrase');
    await settle();
    submit();
    for (let i = 0; i < 50 && fake.download.mock.calls.length === 0; i++) await settle();
    expect(JSON.stringify(fake.log)).not.toContain('long enough phrase');
    expect(fake.download).toHaveBeenCalledWith('local-footprint-2026-06-15.backup.json', expect.any(Blob), 'application/json');
    const envelope = await (fake.download.mock.calls[0]![1] as Blob).text();
    const plain = await decryptBackup(envelope, 'long enough phrase');
    if (!plain.ok) throw new Error(plain.error);
    const plan = parseImport(plain.text);
    expect(plan.ok && plan.counts.purchases).toBe(1);
  });
});

describe('settings', () => {
  it('saves each change with settings/set', async () => {
    const fake = await mount();
    click(q('[data-testid="pause"]'));
    await settle();
    click(labelled(container, 'Only on the toolbar icon'));
    await settle();
    click(labelled(container, 'Remind me'));
    await settle();
    const currency = container.querySelector<HTMLSelectElement>('#currency')!;
    currency.value = 'EUR';
    currency.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    type(container.querySelector('#shop'), 'https://www.Example.com/path');
    await settle();
    click(byText(container, 'button', 'Turn off for this shop'));
    await settle();
    type(container.querySelector('#retention'), '400');
    await settle();
    container.querySelector('#retention')!.dispatchEvent(new Event('blur'));
    await settle();
    expect(container.textContent).toContain('from 0 to 365');
    type(container.querySelector('#retention'), '30');
    await settle();
    container.querySelector('#retention')!.dispatchEvent(new Event('blur'));
    await settle();
    expect(fake.of('settings/set').map((m) => m.patch)).toEqual([
      { capturePaused: true },
      { badgeMode: 'toolbar' },
      { exportReminder: true },
      { displayCurrency: 'EUR' },
      { disabledShops: ['example.com'] },
      { viewedRetentionDays: 30 },
    ]);
    expect(fake.settings.exportReminder).toBe(true);
  });

  it('export reminders are off by default', async () => {
    await mount();
    expect(labelled(container, 'Remind me')!.checked).toBe(false);
  });
});
