/**
 * The popup and the data pages of the Firefox build (.output/firefox-mv2; `npx wxt build -b firefox` first) in
 * Firefox ESR, headless, driven over WebDriver BiDi (firefox/bidi.ts, firefox/driver.ts): web-ext installs the
 * build as a temporary add-on, Firefox speaks BiDi itself, no geckodriver.
 *
 *   seed (the extension's import message, from options.html) → popup: totals, history, an item's method and
 *   source, screenshot → axe-core on popup, item dialog and options page → export (the options page's button,
 *   a real download) → wipe → re-import (the file picker) → equal export → broken file: nothing changes →
 *   wipe: empty database, empty popup.
 *
 * All traffic must go through the refusing proxy of the smoke test (firefox/proxy.ts, firefox/prefs.ts): the
 * extension pages ask for nothing, and nothing can leave the machine.
 *
 * Needs ../shared (skips without it, like the other Firefox test). Fails, does not skip, without Firefox,
 * web-ext or the build. Environment: FIREFOX_PATH, WEB_EXT_BIN, LF_FIREFOX_BUILD as in firefox.e2e.ts;
 * LF_KEEP_FIREFOX_PROFILE=1 keeps the profile, downloads and files.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED, REPO_ROOT } from '../shared.ts';
import { formatKg } from '../../src/badge/format.ts';
import { EXPORT_FORMAT, type ExportFile } from '../../src/data-io/format.ts';
import type { PurchaseRecord } from '../../src/store/records.ts';
import { KEYS, type Tab } from './firefox/bidi.ts';
import { addonIdOf, startFirefoxDriver, type FirefoxDriver } from './firefox/driver.ts';
import { firefoxPrefs } from './firefox/prefs.ts';
import { startShopProxy, type ShopProxy } from './firefox/proxy.ts';
import { expectedTotals, generatedExport, seedThroughMessages } from './firefox/seed.ts';
import { withTimeout } from './firefox/timeout.ts';
import { FIREFOX_BUILD, firefoxPath, requireFirefoxBuild, webExtPath } from './firefox/webext.ts';

const N = 150;
const SCREENSHOT = resolve(REPO_ROOT, 'docs/screenshots/popup-firefox.png');
const POPUP_VIEWPORT = { width: 400, height: 600 };

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown }>;
}

describe.skipIf(!HAS_SHARED)('popup and data pages in Firefox ESR (WebDriver BiDi, headless)', () => {
  let ff: FirefoxDriver | undefined;
  let proxy: ShopProxy | undefined;
  let work = '';
  let tab: Tab;
  const today = new Date();
  const generated = generatedExport(N, today);
  const seeded = generated.file;
  const axeSource = readFileSync(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const t0 = Date.now();

  // As in firefox.e2e.ts: a failing beforeAll would count as "skipped"; keep its error and fail every test with it.
  let setupError: unknown = null;
  const ready = () => {
    if (setupError) throw setupError;
    return ff!;
  };

  beforeAll(async () => {
    try {
      await withTimeout(setup(), 70_000, () => `Firefox setup took over 70 s:\n${ff?.run.output().slice(-2000) ?? ''}`);
    } catch (err) {
      setupError = err;
    }
  }, 75_000);

  async function setup() {
    // Fail loudly (not skip) when something the test needs is missing.
    firefoxPath();
    webExtPath();
    const sourceDir = requireFirefoxBuild(process.env.LF_FIREFOX_BUILD ?? FIREFOX_BUILD);
    work = mkdtempSync(join(tmpdir(), 'lf-ff-popup-'));
    proxy = await startShopProxy([], '127.0.0.1'); // no pages: it refuses (and logs) whatever is asked
    ff = await startFirefoxDriver({ sourceDir, addonId: addonIdOf(sourceDir), prefs: firefoxPrefs('127.0.0.1', proxy.port), startTimeoutMs: 60_000 });
    tab = ff.firstTab;
  }

  afterAll(async () => {
    const keep = !!process.env.LF_KEEP_FIREFOX_PROFILE;
    if (keep && ff) console.info(`firefox profile kept at ${ff.profileDir}, downloads at ${ff.downloadsDir}, files at ${work}`);
    await ff?.close({ keep });
    await proxy?.close();
    if (work && !keep) rmSync(work, { recursive: true, force: true });
  }, 30_000);

  // ---- helpers on the pages ----

  /**
   * Errors of the extension pages: Firefox's BiDi sends no log events for extension pages (they are left out
   * until it can debug extensions, bug 1755014), so each page gets a collector of uncaught errors, rejected
   * promises and console.error calls, read back before the next navigation and at the end.
   */
  const pageErrors: string[] = [];
  async function collectPageErrors() {
    const found = await tab.call(() => (window as unknown as { __lfErrors?: string[] }).__lfErrors ?? []).catch(() => [] as string[]);
    pageErrors.push(...found);
  }

  async function open(page: 'popup' | 'options') {
    await collectPageErrors();
    await tab.navigate(ff!.extensionUrl(`${page}.html`));
    await tab.call((where: string) => {
      const w = window as unknown as { __lfErrors?: string[] };
      if (w.__lfErrors) return;
      const errors: string[] = (w.__lfErrors = []);
      window.addEventListener('error', (e) => errors.push(`${where}: uncaught ${String(e.message)}`));
      window.addEventListener('unhandledrejection', (e) => errors.push(`${where}: unhandled rejection ${String((e.reason as Error)?.stack ?? e.reason)}`));
      const consoleError = console.error.bind(console);
      console.error = (...args: unknown[]) => {
        errors.push(`${where}: console.error ${args.map(String).join(' ')}`);
        consoleError(...args);
      };
    }, page);
    // Rendered once the first answer from the background is in.
    await tab.waitForSelector(page === 'options' ? '[data-testid=import-file]' : 'main.popup:not([aria-busy])', { timeoutMs: 20_000, visible: false });
  }

  /** The extension's own translation, from the page (browser.i18n), so wording changes do not break the test. */
  async function msg(key: string, ...subs: Array<string | number>): Promise<string> {
    return tab.call(
      (k: string, s: string[]) => (globalThis as unknown as { browser: { i18n: { getMessage(k: string, s: string[]): string } } }).browser.i18n.getMessage(k, s),
      key,
      subs.map(String),
    );
  }

  /**
   * Records in every object store of the extension's database, read from an extension page (same origin as
   * the background) without knowing the schema: the stores are listed, not named. `purchases` is the number
   * of purchases, which schema 4 packs by day (src/store/packs.ts: a `days` record holds them in `r`).
   */
  async function storeCounts(): Promise<Record<string, number>> {
    return tab.call(
      () =>
        new Promise<Record<string, number>>((done, reject) => {
          const req = indexedDB.open('local-footprint');
          // Never create the database (an empty one opened here would block the extension's upgrade): none yet is no stores.
          req.onupgradeneeded = () => req.transaction?.abort();
          req.onerror = () => (req.error?.name === 'AbortError' ? done({}) : reject(req.error));
          req.onsuccess = () => {
            const db = req.result;
            const names = [...db.objectStoreNames];
            const out: Record<string, number> = {};
            if (names.length === 0) {
              db.close();
              done(out);
              return;
            }
            const tx = db.transaction(names, 'readonly');
            out.purchases = 0;
            for (const n of names) {
              const c = tx.objectStore(n).count();
              c.onsuccess = () => (out[n] = c.result);
            }
            if (names.includes('days')) {
              const all = tx.objectStore('days').getAll();
              all.onsuccess = () => (out.purchases = (all.result as Array<{ r: unknown[] }>).reduce((k, d) => k + d.r.length, 0));
            }
            tx.oncomplete = () => {
              db.close();
              done(out);
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
  }
  const purchaseCount = async () => (await storeCounts()).purchases;

  /** axe-core, injected through BiDi (script.evaluate runs as the automation, the page's CSP does not apply). */
  async function axe(): Promise<AxeViolation[]> {
    const loaded = await tab.call(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
    if (!loaded) await tab.evaluateScript(axeSource);
    const violations = await tab.call(async () => {
      const r = (await (window as unknown as { axe: { run(ctx: Document, o: unknown): Promise<{ violations: AxeViolation[] }> } }).axe.run(document, { resultTypes: ['violations'] })) as {
        violations: AxeViolation[];
      };
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
    });
    const minor = violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
    if (minor.length > 0) console.info(`axe, minor, on ${await tab.call(() => location.pathname)}:`, minor.map((v) => `${v.id} (${v.impact})`).join(', '));
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }

  /** The options page's "Export (JSON)" button, and the file it downloads. */
  async function exportThroughButton(): Promise<ExportFile> {
    const path = await tab.download(() => tab.click('[data-testid=export-json]'), 20_000);
    return JSON.parse(readFileSync(path, 'utf8')) as ExportFile;
  }

  /** The options page's file picker, then "Import" in the preview; returns the preview's and the result's text. */
  async function importThroughPicker(path: string): Promise<{ preview: string; message: string }> {
    await tab.setFiles('[data-testid=import-file]', [path]);
    await tab.waitForSelector('[data-testid=import-preview]', { timeoutMs: 20_000 });
    const preview = (await tab.text('[data-testid=import-preview]')) ?? '';
    await tab.click('[data-testid=import-confirm]');
    await tab.waitForSelector('[data-testid=import-message]', { timeoutMs: 30_000 });
    return { preview, message: (await tab.text('[data-testid=import-message]')) ?? '' };
  }

  async function wipeThroughDialog(): Promise<string> {
    await tab.click('[data-testid=wipe-open]');
    await tab.waitForSelector('[data-testid=wipe-dialog]');
    const dialog = (await tab.text('[data-testid=wipe-dialog]')) ?? '';
    await tab.click('[data-testid=wipe-confirm]');
    await tab.waitForSelector('[data-testid=wipe-message]', { timeoutMs: 20_000 });
    return dialog;
  }

  /** Records in a stable order, for comparing two exports. */
  const sortedTables = (f: ExportFile) => ({
    purchases: [...f.tables.purchases].sort((a, b) => a.id.localeCompare(b.id)),
    items: [...f.tables.items].sort((a, b) => a.id.localeCompare(b.id)),
    viewed: [...f.tables.viewed].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    settings: [...f.tables.settings].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  });

  let firstExport: ExportFile | undefined;
  let exportPath = '';

  // ---- the tests, in order: each starts from what the one before left ----

  it('seeds purchases through the extension’s import message, sent from options.html', async () => {
    ready();
    await open('options');
    expect(await purchaseCount()).toBe(0);
    expect(await seedThroughMessages(tab, seeded)).toBe(N);
    expect(await purchaseCount()).toBe(N);
  });

  it('the popup shows the seeded totals, the history, and an item’s method and source', async () => {
    ready();
    await tab.setViewport(POPUP_VIEWPORT.width, POPUP_VIEWPORT.height);
    await open('popup');
    await tab.waitForSelector('[data-testid=history] li button', { timeoutMs: 20_000 });

    // Totals: this month, this year, all time are the sums of what was seeded.
    const want = expectedTotals(seeded, today);
    expect(want.month).toBeGreaterThan(0);
    expect(want.all).toBeGreaterThan(want.year);
    const shown = await tab.call(() =>
      ['total-month', 'total-year', 'total-all'].map((id) => document.querySelector(`[data-testid=${id}] .t-kg`)?.textContent ?? null),
    );
    expect(shown).toEqual([await msg('kg_co2e', formatKg(want.month)), await msg('kg_co2e', formatKg(want.year)), await msg('kg_co2e', formatKg(want.all))]);
    console.info(`firefox popup: totals month / year / all time: ${shown.join(' / ')}`);

    // History: the count, and the newest purchases first, as seeded.
    expect(await tab.text('main')).toContain(await msg('history_count', N));
    const rows = await tab.call(() =>
      [...document.querySelectorAll('[data-testid=history] > li')].map((li) => ({
        pos: li.getAttribute('aria-posinset'),
        date: li.querySelector('.date')?.textContent ?? null,
        shop: li.querySelector('.shop')?.textContent ?? null,
        kg: li.querySelector('.kg')?.textContent ?? null,
        method: li.querySelector('.method')?.textContent ?? null,
      })),
    );
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThan(30); // virtualised: a window of rows, not all N

    // The screenshot: the popup as it opens, at the popup's size.
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    const png = await tab.screenshot('viewport');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    writeFileSync(SCREENSHOT, png);

    const newest = [...seeded.tables.purchases].sort((a, b) => b.date.localeCompare(a.date));
    for (const row of rows.slice(0, 3)) {
      const p = newest[Number(row.pos) - 1]!;
      expect(row).toMatchObject({ date: p.date, shop: p.shop });
      expect(row.kg).toBe(await msg('kg_co2e', formatKg(p.kg)));
    }

    // The first purchase's dialog: each item says how it was estimated (method) and from what (source).
    const first = newest[0]!;
    const firstItems = seeded.tables.items.filter((it) => it.purchaseId === first.id).sort((a, b) => a.position - b.position);
    await tab.click('[data-testid=history] li[aria-posinset="1"] button');
    await tab.waitForSelector('[data-testid=purchase-dialog]');
    expect(await tab.text('[data-testid=purchase-dialog]')).toContain(first.orderId!);
    const how = await msg('how_estimated');
    const expanded = await tab.call(
      (label: string) =>
        [...document.querySelectorAll('[data-testid=purchase-dialog] button')].find((b) => b.textContent === label)?.getAttribute('aria-expanded') ?? null,
      how,
    );
    if (expanded !== 'true') {
      await tab.call((label: string) => {
        const b = [...document.querySelectorAll<HTMLButtonElement>('[data-testid=purchase-dialog] button')].find((x) => x.textContent === label);
        b?.setAttribute('data-e2e', 'how');
      }, how);
      await tab.click('[data-e2e=how]');
    }
    await tab.waitForSelector('[data-testid=item-details]');
    const details = await tab.call(() => {
      const dl = document.querySelector('[data-testid=item-details] dl');
      const out: Record<string, string> = {};
      for (const dt of dl ? [...dl.querySelectorAll('dt')] : []) out[dt.textContent ?? ''] = dt.nextElementSibling?.textContent ?? '';
      return out;
    });
    const e = generated.estimates.get(firstItems[0]!.id)!;
    expect(details[await msg('method')]).toBe(await msg(`method_${e.method}`));
    expect(details[await msg('source')]).toBe(e.source ?? (await msg('none')));

    // Escape closes the dialog, as for a user.
    await tab.press(KEYS.Escape);
    await tab.waitForGone('[data-testid=purchase-dialog]');
  });

  it('popup, its item dialog and the options page have no serious or critical axe violations', async () => {
    ready();
    await open('popup');
    await tab.waitForSelector('[data-testid=history] li button', { timeoutMs: 20_000 });
    expect(await axe()).toEqual([]);
    await tab.click('[data-testid=history] li[aria-posinset="1"] button');
    await tab.waitForSelector('[data-testid=item-details]');
    expect(await axe()).toEqual([]);
    await tab.press(KEYS.Escape);
    await tab.waitForGone('[data-testid=purchase-dialog]');

    await open('options');
    expect(await axe()).toEqual([]);
  });

  it('exports through the options page, and a re-import into the wiped database gives the same data back', async () => {
    ready();
    await open('options');
    firstExport = await exportThroughButton();
    expect(firstExport.format).toBe(EXPORT_FORMAT);
    expect(firstExport.tables.purchases).toHaveLength(N);
    expect(firstExport.tables.items).toHaveLength(seeded.tables.items.length);
    // What was put in is what comes out, record for record.
    const byId = new Map<string, PurchaseRecord>(firstExport.tables.purchases.map((p) => [p.id, p]));
    for (const p of seeded.tables.purchases) expect(byId.get(p.id)).toEqual(p);
    exportPath = join(work, 'exported.json');
    writeFileSync(exportPath, JSON.stringify(firstExport));

    const dialog = await wipeThroughDialog();
    expect(dialog).toContain(String(N));
    expect(await tab.text('[data-testid=wipe-message]')).toBe(await msg('wipe_done'));
    expect(Object.values(await storeCounts()).every((n) => n === 0)).toBe(true);

    const { preview, message } = await importThroughPicker(exportPath);
    expect(preview).toContain(await msg('import_add', N, firstExport.tables.items.length));
    expect(message).toContain(await msg('import_done', N, 0, 0));
    expect(await purchaseCount()).toBe(N);

    const again = await exportThroughButton();
    expect(sortedTables(again)).toEqual(sortedTables(firstExport));
  });

  it('a broken file is refused and the database stays as it was', async () => {
    ready();
    const broken = join(work, 'broken.json');
    writeFileSync(broken, '{"format":"local-footprint-export","schemaVersion":1,"tables":{"purchases":[{"id":');
    await open('options');
    await tab.setFiles('[data-testid=import-file]', [broken]);
    await tab.waitForSelector('[data-testid=import-message]', { timeoutMs: 20_000 });
    expect(await tab.call(() => document.querySelector('[data-testid=import-message]')?.getAttribute('role') ?? null)).toBe('alert');
    expect(await tab.text('[data-testid=import-message]')).toContain(await msg('import_unchanged'));
    expect(await tab.call(() => document.querySelector('[data-testid=import-preview]') === null)).toBe(true);
    expect(await purchaseCount()).toBe(N);
    const after = await exportThroughButton();
    expect(sortedTables(after)).toEqual(sortedTables(firstExport!));
  });

  it('delete everything leaves the database and the popup empty', async () => {
    ready();
    await open('options');
    await wipeThroughDialog();
    const counts = await storeCounts();
    expect(counts.purchases).toBe(0);
    expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((k) => [k, 0]))); // every store, whatever the schema
    await open('popup');
    await tab.waitForSelector('[data-testid=empty]', { timeoutMs: 20_000 });
    expect(await tab.call(() => document.querySelector('[data-testid=history]') === null)).toBe(true);
  });

  it('the pages reached nothing outside the machine and threw no errors', async () => {
    const driver = ready();
    await collectPageErrors();
    // The proxy is the only way out (firefox/prefs.ts): nothing at all should have been asked of it.
    expect(proxy!.requests.map((r) => `${r.method} ${r.target} → ${r.status}`)).toEqual([]);
    expect(pageErrors).toEqual([]);
    console.info(`firefox popup: Firefox ${driver.browserVersion}, ${N} purchases seeded, exported, wiped and imported again, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });
});
