/**
 * Issue 7: the network audit. A whole session with the production build (.output/chrome-mv3): three real
 * product pages and an order page under their own host names, the popup, the options page's export (a
 * download) and an import of that export. Two observers (Playwright request events, Chromium's NetLog)
 * see every request; each is judged by who initiated it (see audit/observe.ts).
 *
 * Negative control: the same session with a build carrying a planted fetch (src/leak/planted.ts) must be
 * caught by both observers, or the audit proves nothing.
 *
 * Also the sender matrix in a real browser: the popup may export; a web page has no way to message us.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../shared.ts';
import { launchWithExtension, type ExtensionBrowser } from './browser.ts';
import { startShopServer, type ShopServer } from './server.ts';
import { judgeNetLog, judgePlaywright, recordPlaywright, rulesFor, summarize, type Judged, type PlaywrightLog } from './audit/observe.ts';
import { ALL_PAGES, buildLeaky, HOSTS, LEAK_WIRING, leakWired, ORDER, PORT, PRODUCTS, urlOf, waitForBadge } from './audit/session.ts';
import { scratchDir } from './scratch.ts';

const offDevice = (j: readonly Judged[]) => j.filter((x) => x.verdict === 'off-device');
const show = (j: readonly Judged[]) => j.map((x) => `${x.observer} ${x.initiator} ${x.url} (from ${x.context || '?'})`);

describe.skipIf(!HAS_SHARED)('network audit', () => {
  let server: ShopServer;

  beforeAll(async () => {
    server = await startShopServer(ALL_PAGES, PORT);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  describe('production build, full session', () => {
    let browser: ExtensionBrowser;
    let log: PlaywrightLog;
    const popupUrl = () => `chrome-extension://${browser.extensionId}/popup.html`;

    beforeAll(async () => {
      browser = await launchWithExtension(HOSTS);
      log = recordPlaywright(browser.context, browser.extensionId);
    }, 60_000);

    afterAll(async () => {
      await browser?.close().catch(() => {});
    });

    it('estimates three product pages and records an order', async () => {
      for (const p of PRODUCTS) {
        const tab = await browser.context.newPage();
        await tab.goto(urlOf(p));
        await waitForBadge(tab, 'Footprint');
        await tab.close();
      }
      const tab = await browser.context.newPage();
      await tab.goto(urlOf(ORDER));
      await waitForBadge(tab, 'Added to your footprint');
      await tab.close();
    });

    it('shows the history in the popup', async () => {
      const popup = await browser.context.newPage();
      await popup.goto(popupUrl());
      await popup.getByTestId('history').waitFor({ timeout: 10_000 });
      expect(await popup.getByTestId('history').textContent()).toContain('amazon.com');
      await popup.close();
    });

    it('exports from the options page (a download) and imports that file again', async () => {
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      const [download] = await Promise.all([options.waitForEvent('download', { timeout: 15_000 }), options.getByTestId('export-json').click()]);
      const file = join(scratchDir('lf-export-'), download.suggestedFilename());
      await download.saveAs(file);
      const exported = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      expect(JSON.stringify(exported)).toContain('113-1625648-3437067');

      await options.getByTestId('import-file').setInputFiles(file);
      await options.getByTestId('import-preview').waitFor({ timeout: 15_000 });
      await options.getByTestId('import-confirm').click();
      await options.getByTestId('import-message').waitFor({ timeout: 15_000 });
      expect(await options.getByRole('alert').count()).toBe(0);
      await options.close();
    });

    it('sender matrix: the popup may export; a web page cannot even address us', async () => {
      const popup = await browser.context.newPage();
      await popup.goto(popupUrl());
      const reply = (await popup.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'data/export' }))) as { ok: boolean; json?: string };
      expect(reply.ok).toBe(true);
      expect(typeof reply.json).toBe('string');
      await popup.close();

      const web = await browser.context.newPage();
      await web.goto(urlOf(PRODUCTS[0]!));
      const id = browser.extensionId;
      const fromPage = await web.evaluate(async (extId) => {
        const c = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } }).chrome;
        const out = { hasRuntime: Boolean(c?.runtime), hasSendMessage: typeof c?.runtime?.sendMessage === 'function', hasConnect: typeof c?.runtime?.connect === 'function', error: null as string | null };
        if (out.hasSendMessage) {
          try {
            await (c!.runtime!.sendMessage as (id: string, m: unknown) => Promise<unknown>)(extId, { type: 'data/export' });
          } catch (e) {
            out.error = String(e);
          }
        }
        return out;
      }, id);
      // No externally_connectable: Chromium gives web pages no chrome.runtime messaging at all.
      expect(fromPage).toEqual({ hasRuntime: false, hasSendMessage: false, hasConnect: false, error: null });
      await web.close();
    });

    it('sends nothing off the device on the extension\'s account (Playwright and NetLog agree)', async () => {
      const rules = rulesFor(ALL_PAGES, browser.extensionId);
      const pw = judgePlaywright(rules, log);
      await browser.close();
      const nl = judgeNetLog(rules, browser.netLogPath);
      console.info(
        `network audit (production): playwright saw ${pw.length} requests ${JSON.stringify(summarize(pw))}; ` +
          `netlog saw ${nl.raw} URL-request events, ${nl.judged.length} distinct (url, initiator) ${JSON.stringify(summarize(nl.judged))}; ` +
          `off-device: playwright ${offDevice(pw).length}, netlog ${offDevice(nl.judged).length}`,
      );
      // The observers must have seen the session at all (the extension's own pages and the shop pages).
      expect(pw.some((j) => j.verdict === 'page-document')).toBe(true);
      expect(pw.some((j) => j.verdict === 'extension-local')).toBe(true);
      expect(nl.judged.some((j) => j.verdict === 'page-document')).toBe(true);
      expect(show(offDevice(pw))).toEqual([]);
      expect(show(offDevice(nl.judged))).toEqual([]);
    });
  });

  describe('negative control: a build with a planted leak', () => {
    let browser: ExtensionBrowser | undefined;
    let log: PlaywrightLog;
    let setupError: Error | null = null;

    beforeAll(async () => {
      if (!leakWired()) {
        setupError = new Error(`negative control not wired yet: the entrypoints do not call plantLeak. The lead must add:\n  - ${LEAK_WIRING.join('\n  - ')}`);
        return;
      }
      try {
        const dir = await buildLeaky();
        browser = await launchWithExtension(HOSTS, dir);
        log = recordPlaywright(browser.context, browser.extensionId);
      } catch (e) {
        setupError = e as Error;
      }
    }, 240_000);

    afterAll(async () => {
      await browser?.close().catch(() => {});
    });

    it('is caught by both observers, in the service worker and in the content script', async () => {
      if (setupError) throw setupError;
      const b = browser!;
      const tab = await b.context.newPage();
      await tab.goto(urlOf(PRODUCTS[0]!));
      await waitForBadge(tab, 'Footprint');
      const popup = await b.context.newPage();
      await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
      // The worker repeats its leak every 2 s; give both observers time to see one.
      await tab.waitForTimeout(4_000);
      const rules = rulesFor(ALL_PAGES, b.extensionId);
      const pw = judgePlaywright(rules, log);
      await b.close();
      const nl = judgeNetLog(rules, b.netLogPath);
      const caught = (j: readonly Judged[], where: string) => offDevice(j).filter((x) => x.url === `https://leak.invalid/${where}`);
      console.info(
        `negative control: playwright off-device ${offDevice(pw).length} (background ${caught(pw, 'background').length}, content ${caught(pw, 'content').length}); ` +
          `netlog off-device ${offDevice(nl.judged).length} (background ${caught(nl.judged, 'background').length}, content ${caught(nl.judged, 'content').length}); ` +
          `other off-device: ${JSON.stringify(show(offDevice([...pw, ...nl.judged]).filter((x) => !x.url.includes('leak.invalid'))))}`,
      );
      expect(caught(pw, 'background').map((x) => x.initiator)).toContain('service-worker');
      expect(caught(pw, 'content').map((x) => x.initiator)).toContain('web-page');
      expect(caught(nl.judged, 'background').map((x) => x.initiator)).toContain('extension');
      expect(caught(nl.judged, 'content').map((x) => x.initiator)).toContain('web-page');
    }, 90_000);
  });
});
