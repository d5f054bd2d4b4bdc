/**
 * The popup and options pages end to end in Debian's Chromium with the built extension
 * (`npx wxt build` first): import a generated export through the real file picker, see it in the
 * popup, axe-core on both pages, export and re-import, a broken file, delete everything.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROME_BUILD, chromiumPath, launchWithExtension, type ExtensionBrowser } from './browser.ts';
import { REPO_ROOT } from '../shared.ts';
import { generatedExport } from './firefox/seed.ts';
import { countStoredRows } from './stored-rows.ts';
import { SCHEMA_VERSION } from '../../src/store/db.ts';
import { EXPORT_FORMAT, type ExportFile } from '../../src/data-io/format.ts';
import { scratchDir } from './scratch.ts';

const HAS_BUILD = existsSync(join(CHROME_BUILD, 'manifest.json'));
const HAS_CHROMIUM = (() => {
  try {
    chromiumPath();
    return true;
  } catch {
    return false;
  }
})();

const N = 300;

/**
 * Chrome refuses an extension that has _locales but no default_locale. Until the manifest says
 * `default_locale: 'en'`, run against a copy of the build that does.
 */
function buildWithLocale(): string {
  const manifest = JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  if (manifest.default_locale || !existsSync(join(CHROME_BUILD, '_locales'))) return CHROME_BUILD;
  const dir = join(scratchDir('lf-build-'), 'chrome-mv3');
  cpSync(CHROME_BUILD, dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, default_locale: 'en' }));
  console.warn('popup.e2e: the built manifest has no default_locale; testing a copy with default_locale "en"');
  return dir;
}

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> }>;
}

describe.skipIf(!HAS_BUILD || !HAS_CHROMIUM)('popup and options pages in Chromium', () => {
  let browser: ExtensionBrowser;
  let work: string;
  let importPath: string;
  const axeSource = readFileSync(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

  beforeAll(async () => {
    work = scratchDir('lf-popup-e2e-');
    importPath = join(work, 'generated-export.json');
    writeFileSync(importPath, JSON.stringify(generatedExport(N, new Date(), { stepDays: 1, orderPrefix: 'E2E', app: 'e2e' }).file));
    browser = await launchWithExtension([], buildWithLocale());
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  const page = (name: 'popup' | 'options') => `chrome-extension://${browser.extensionId}/${name}.html`;

  const purchaseCount = () => countRows('purchases');

  const countRows = (what: 'purchases' | 'items') => browser.worker.evaluate(countStoredRows, what);

  async function openOptions(): Promise<Page> {
    const p = await browser.context.newPage();
    await p.goto(page('options'));
    await p.getByTestId('import-file').waitFor({ timeout: 10_000 });
    return p;
  }

  async function importFile(p: Page, path: string): Promise<string> {
    await p.getByTestId('import-file').setInputFiles(path);
    const dialog = p.getByTestId('import-preview');
    await dialog.waitFor({ timeout: 20_000 });
    const text = (await dialog.textContent()) ?? '';
    await p.getByTestId('import-confirm').click();
    await p.getByTestId('import-message').waitFor({ timeout: 30_000 });
    return text;
  }

  /** axe-core through page.evaluate (CDP Runtime.evaluate), which the pages' CSP does not block. */
  async function axe(p: Page): Promise<AxeResult['violations']> {
    const loaded = await p.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
    if (!loaded) await p.evaluate(axeSource);
    const result = (await p.evaluate(() =>
      (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<unknown> } }).axe.run(document, { resultTypes: ['violations'] }),
    )) as AxeResult;
    const minor = result.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
    if (minor.length > 0) console.info(`axe, minor on ${p.url()}:`, minor.map((v) => `${v.id} (${v.impact})`).join(', '));
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }

  it('imports a generated export through the options page after showing what will be added', async () => {
    expect(await purchaseCount()).toBe(0);
    const p = await openOptions();
    const preview = await importFile(p, importPath);
    expect(preview).toContain(`Purchases: ${N}`);
    expect(preview).toContain(`New: ${N} purchases`);
    expect(await p.getByTestId('import-message').textContent()).toContain(`Imported: ${N} new purchases`);
    expect(await purchaseCount()).toBe(N);
    await p.close();
  });

  it('shows the imported purchases in the popup, a bounded number of rows at a time', async () => {
    const p = await browser.context.newPage();
    await p.setViewportSize({ width: 400, height: 600 });
    await p.goto(page('popup'));
    await p.getByTestId('history').locator('li button').first().waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('total-all').textContent()).toMatch(/kg CO2e/);
    expect(await p.locator('main').textContent()).toContain(`Purchases found: ${N}`);
    const rows = await p.getByTestId('history').locator(':scope > li').count();
    expect(rows).toBeGreaterThan(3);
    expect(rows).toBeLessThan(30);
    // Scroll to the end: the last purchase appears without ever rendering all of them.
    await p.getByTestId('history-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
      el.dispatchEvent(new Event('scroll'));
    });
    await p.locator(`[aria-posinset="${N}"] button`).waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('history').locator(':scope > li').count()).toBeLessThan(30);
    // Search narrows through purchases/query.
    await p.getByTestId('search').fill('E2E-7');
    await p.waitForFunction(() => document.querySelector('main')?.textContent?.includes('Purchases found: 11'), undefined, { timeout: 10_000 });
    await p.close();
  });

  it('popup and options pages have no serious or critical axe violations (dialogs open too)', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(page('popup'));
    await popup.getByTestId('history').locator('li button').first().waitFor({ timeout: 10_000 });
    expect(await axe(popup)).toEqual([]);
    if (process.env.LF_SCREENSHOTS) await popup.screenshot({ path: join(process.env.LF_SCREENSHOTS, 'popup.png'), fullPage: true });
    await popup.getByTestId('history').locator('li button').first().click();
    await popup.getByTestId('purchase-dialog').waitFor();
    const how = popup.getByTestId('purchase-dialog').locator('button', { hasText: 'How this was estimated' }).first();
    if ((await how.getAttribute('aria-expanded')) !== 'true') await how.click();
    await popup.getByTestId('item-details').first().waitFor();
    // Stored compact, shown whole: method, factor, source, data version and range are all named.
    const details = (await popup.getByTestId('item-details').first().textContent()) ?? '';
    expect(details).toMatch(/Method.*Factor.*Source.*Data version/s);
    expect(details).not.toMatch(/Source\s*none/);
    expect(await axe(popup)).toEqual([]);
    if (process.env.LF_SCREENSHOTS) await popup.screenshot({ path: join(process.env.LF_SCREENSHOTS, 'popup-dialog.png') });
    await popup.keyboard.press('Escape');
    await popup.getByTestId('purchase-dialog').waitFor({ state: 'detached' });
    // The dark theme has its own colours: check their contrast too.
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await axe(popup)).toEqual([]);
    await popup.close();

    const options = await openOptions();
    expect(await axe(options)).toEqual([]);
    await options.getByTestId('wipe-open').click();
    await options.getByTestId('wipe-dialog').waitFor();
    expect(await axe(options)).toEqual([]);
    if (process.env.LF_SCREENSHOTS) await options.screenshot({ path: join(process.env.LF_SCREENSHOTS, 'options-wipe.png') });
    await options.keyboard.press('Escape');
    await options.getByTestId('wipe-dialog').waitFor({ state: 'detached' });
    expect(await options.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('wipe-open');
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await axe(options)).toEqual([]);
    await options.close();
  });

  it('a broken file is refused and the database stays as it was', async () => {
    const broken = join(work, 'broken.json');
    writeFileSync(broken, '{"format":"local-footprint-export","schemaVersion":1,"tables":{"purchases":[{"id":');
    const p = await openOptions();
    await p.getByTestId('import-file').setInputFiles(broken);
    const msg = p.getByTestId('import-message');
    await msg.waitFor({ timeout: 10_000 });
    expect(await msg.getAttribute('role')).toBe('alert');
    expect(await msg.textContent()).toContain('Your data has not been changed.');
    expect(await p.getByTestId('import-preview').count()).toBe(0);
    expect(await purchaseCount()).toBe(N);
    await p.close();
  });

  /** The options page's JSON export (read in pages, saved from a Blob), parsed. */
  async function exportFromOptions(p: Page, name: string): Promise<{ path: string; file: ExportFile }> {
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-json').click()]);
    const path = join(work, name);
    await download.saveAs(path);
    return { path, file: JSON.parse(readFileSync(path, 'utf8')) as ExportFile };
  }

  it('exports, deletes everything, and re-imports the export: the same data', async () => {
    const p = await openOptions();
    const { path: exported, file } = await exportFromOptions(p, 'exported.json');
    expect(file.format).toBe(EXPORT_FORMAT);
    expect(file.schemaVersion).toBe(SCHEMA_VERSION);
    expect(file.tables.purchases).toHaveLength(N);
    expect(file.counts).toEqual({ purchases: N, items: file.tables.items.length, viewed: 0, settings: file.tables.settings.length });

    await p.getByTestId('wipe-open').click();
    const dialog = p.getByTestId('wipe-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Purchases: ${N}`);
    expect(await dialog.getByTestId('wipe-export').count()).toBe(1);
    await p.getByTestId('wipe-confirm').click();
    await p.getByTestId('wipe-message').waitFor();
    expect(await p.getByTestId('wipe-message').textContent()).toContain('Everything was deleted.');
    expect(await purchaseCount()).toBe(0);

    const preview = await importFile(p, exported);
    expect(preview).toContain(`New: ${N} purchases with ${file.tables.items.length} items`);
    expect(await purchaseCount()).toBe(N);
    expect(await countRows('items')).toBe(file.tables.items.length);

    // Round trip: exporting again gives the same tables.
    const again = await exportFromOptions(p, 'exported-again.json');
    expect(again.file.tables).toEqual(file.tables);

    // The same file again changes nothing: everything is already here.
    const twice = await importFile(p, exported);
    expect(twice).toContain(`your copy is kept: ${N} purchases`);
    expect(await purchaseCount()).toBe(N);
    await p.close();
  });

  it('delete everything leaves the popup empty', async () => {
    const p = await openOptions();
    await p.getByTestId('wipe-open').click();
    await p.getByTestId('wipe-dialog').waitFor();
    await p.getByTestId('wipe-confirm').click();
    await p.getByTestId('wipe-message').waitFor();
    expect(await purchaseCount()).toBe(0);
    await p.close();
    const popup = await browser.context.newPage();
    await popup.goto(page('popup'));
    await popup.getByTestId('empty').waitFor({ timeout: 10_000 });
    await popup.close();
  });
});
