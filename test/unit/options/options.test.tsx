import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../../src/options/Options';
import { looksEncrypted } from '../../../src/options/Import';
import type { ImportPreview } from '../../../src/messages/protocol';
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

async function mount(opts: FakeOptions = {}, download = vi.fn()): Promise<Fake & { download: typeof download }> {
  const fake = fakeBackground({
    ...opts,
    replies: {
      'data/import-preview': () => ({ preview: PREVIEW }),
      'data/import': () => ({ result: { ok: true, counts: PREVIEW.counts, dateRange: PREVIEW.dateRange, add: PREVIEW.add, update: PREVIEW.update, unchanged: PREVIEW.unchanged, removedItems: 0, months: 12 } }),
      ...opts.replies,
    },
  });
  render(<Options send={fake.send} download={download} today={() => '2026-06-15'} />, container);
  await settle();
  return Object.assign(fake, { download });
}

async function pickFile(text: string, name = 'export.json') {
  const input = container.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(12);
}

const q = (s: string) => container.querySelector(s);

describe('import', () => {
  it('shows the preview and asks before importing', async () => {
    const fake = await mount();
    await pickFile('{"format":"local-footprint-export","tables":{}}');
    expect(fake.of('data/import-preview')).toEqual([{ type: 'data/import-preview', text: '{"format":"local-footprint-export","tables":{}}', passphrase: null }]);
    expect(fake.of('data/import')).toHaveLength(0);
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
    expect(fake.of('data/import')).toHaveLength(1);
    expect(fake.of('data/import')[0]!.passphrase).toBeNull();
    expect(q('[data-testid="import-preview"]')).toBeNull();
    expect(q('[data-testid="import-message"]')!.textContent).toContain('Imported: 280 new purchases, 5 merged, 15 already here.');
  });

  it('cancelling the preview imports nothing (Escape too)', async () => {
    const fake = await mount();
    await pickFile('{}');
    key(document.activeElement, 'Escape');
    await settle();
    expect(q('[data-testid="import-preview"]')).toBeNull();
    expect(fake.of('data/import')).toHaveLength(0);
  });

  it('a failed import shows the error and says nothing changed', async () => {
    const fake = await mount({ fail: { 'data/import-preview': 'items[3].quantity must be a whole number ≥ 1' } });
    await pickFile('{"broken":');
    expect(fake.of('data/import')).toHaveLength(0);
    const msg = q('[data-testid="import-message"]')!;
    expect(msg.getAttribute('role')).toBe('alert');
    expect(msg.textContent).toContain('Import failed: items[3].quantity must be a whole number ≥ 1');
    expect(msg.textContent).toContain('Your data has not been changed.');
  });

  it('an error on the import itself is shown too', async () => {
    await mount({ fail: { 'data/import': 'QuotaExceededError: full' } });
    await pickFile('{}');
    click(q('[data-testid="import-confirm"]'));
    await settle();
    expect(q('[data-testid="import-message"]')!.textContent).toContain('QuotaExceededError: full');
    expect(q('[data-testid="import-message"]')!.textContent).toContain('not been changed');
  });

  it('an encrypted backup asks for its passphrase and sends it with preview and import', async () => {
    const fake = await mount();
    const text = '{"format":"local-footprint-backup","version":1,"kdf":{}}';
    expect(looksEncrypted(text)).toBe(true);
    await pickFile(text, 'x.backup.json');
    expect(fake.of('data/import-preview')).toHaveLength(0);
    type(container.querySelector('#imp-pass'), 'correct horse');
    await settle();
    click(byText(container, 'button', 'Check the file'));
    await settle();
    expect(fake.of('data/import-preview')[0]!.passphrase).toBe('correct horse');
    click(q('[data-testid="import-confirm"]'));
    await settle();
    expect(fake.of('data/import')[0]!.passphrase).toBe('correct horse');
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
    expect(fake.of('data/export')).toHaveLength(1);
    expect(fake.download).toHaveBeenCalledWith('local-footprint-2026-06-15.json', expect.any(String), 'application/json');
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
  it('exports JSON and CSV as downloads', async () => {
    const fake = await mount();
    click(q('[data-testid="export-json"]'));
    click(q('[data-testid="export-csv"]'));
    await settle();
    expect(fake.download).toHaveBeenCalledWith('local-footprint-2026-06-15.json', expect.any(String), 'application/json');
    expect(fake.download).toHaveBeenCalledWith('local-footprint-2026-06-15.csv', 'date,shop\n', 'text/csv');
  });

  it('an encrypted backup needs two matching passphrases of 8+ characters', async () => {
    const fake = await mount();
    const submit = () => click(byText(container, 'button', 'Save encrypted backup'));
    type(container.querySelector('#bk-pass1'), 'short');
    type(container.querySelector('#bk-pass2'), 'short');
    await settle();
    submit();
    await settle();
    expect(fake.of('data/backup-export')).toHaveLength(0);
    expect(container.querySelector('#bk-pass1')!.getAttribute('aria-invalid')).toBe('true');
    expect(container.textContent).toContain('at least 8 characters');
    type(container.querySelector('#bk-pass1'), 'long enough phrase');
    type(container.querySelector('#bk-pass2'), 'long enough phrasE');
    await settle();
    submit();
    await settle();
    expect(fake.of('data/backup-export')).toHaveLength(0);
    expect(container.textContent).toContain('The two passphrases differ.');
    type(container.querySelector('#bk-pass2'), 'long enough phrase');
    await settle();
    submit();
    await settle();
    expect(fake.of('data/backup-export')).toEqual([{ type: 'data/backup-export', passphrase: 'long enough phrase' }]);
    expect(fake.download).toHaveBeenCalledWith('local-footprint-2026-06-15.backup.json', '{"format":"local-footprint-backup"}', 'application/json');
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
