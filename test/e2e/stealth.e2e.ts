/**
 * Issue 7: stealth mode. With badgeMode 'toolbar' the extension adds nothing to the page: its DOM is
 * the same string with and without the extension installed, while the toolbar badge for that tab shows
 * the estimate. A control first shows the comparison can tell: in 'page' mode the DOM differs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { HAS_SHARED } from '../shared.ts';
import { launchWithExtension, type ExtensionBrowser } from './browser.ts';
import { closedShadowBadges } from './inspect-dom.ts';
import { startShopServer, type ShopServer } from './server.ts';
import { launchPlain, loadAndSettle, outerHtml } from './audit/plain.ts';
import { PORT, PRODUCTS, urlOf, waitForBadge } from './audit/session.ts';

const PRODUCT = PRODUCTS[0]!;

describe.skipIf(!HAS_SHARED)('stealth mode (badgeMode toolbar)', () => {
  let server: ShopServer;
  let ext: ExtensionBrowser;
  let plain: BrowserContext;
  let baseline = '';

  beforeAll(async () => {
    server = await startShopServer([PRODUCT], PORT);
    plain = await launchPlain([PRODUCT.host]);
    ext = await launchWithExtension([PRODUCT.host]);
  }, 90_000);

  afterAll(async () => {
    await ext?.close().catch(() => {});
    await plain?.close().catch(() => {});
    await server?.close();
  });

  async function badgeTexts(): Promise<Array<{ tabId: number; text: string }>> {
    return ext.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> }; action: { getBadgeText(d: { tabId?: number }): Promise<string> } } }).chrome;
      const tabs = await c.tabs.query({});
      const out: Array<{ tabId: number; text: string }> = [];
      for (const t of tabs) if (t.id !== undefined) out.push({ tabId: t.id, text: await c.action.getBadgeText({ tabId: t.id }) });
      out.push({ tabId: -1, text: await c.action.getBadgeText({}) });
      return out;
    });
  }

  async function setBadgeMode(mode: 'page' | 'toolbar') {
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    const reply = (await popup.evaluate(
      (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'settings/set', patch: { badgeMode: m } }),
      mode,
    )) as { ok: boolean; error?: string };
    expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
    await popup.close();
  }

  it('baseline: the page without the extension', async () => {
    const page = await plain.newPage();
    await loadAndSettle(page, urlOf(PRODUCT));
    baseline = await outerHtml(page);
    expect(baseline.length).toBeGreaterThan(10_000);
    // The page is static (its scripts are off): a second load gives the same string.
    await loadAndSettle(page, urlOf(PRODUCT));
    expect(await outerHtml(page)).toBe(baseline);
    await page.close();
  });

  it('control: in page mode the extension\'s badge changes the DOM, so the comparison can tell', async () => {
    await setBadgeMode('page');
    const page = await ext.context.newPage();
    await loadAndSettle(page, urlOf(PRODUCT));
    await waitForBadge(page, 'Footprint');
    expect(await outerHtml(page)).not.toBe(baseline);
    await page.close();
  });

  it('in toolbar mode the DOM is identical with and without the extension, and the toolbar badge is set', async () => {
    await setBadgeMode('toolbar');
    const before = new Set((await badgeTexts()).map((b) => b.tabId));
    const page = await ext.context.newPage();
    await loadAndSettle(page, urlOf(PRODUCT));
    const html = await outerHtml(page);
    expect(await closedShadowBadges(page)).toEqual([]);
    expect(html.length).toBe(baseline.length);
    expect(html === baseline, 'DOM differs from the page without the extension').toBe(true);
    // The estimate went to the toolbar, for this tab only.
    let texts = await badgeTexts();
    for (let i = 0; i < 20 && !texts.some((b) => !before.has(b.tabId) && b.text); i++) {
      await page.waitForTimeout(250);
      texts = await badgeTexts();
    }
    const mine = texts.filter((b) => !before.has(b.tabId));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.text).toMatch(/^(\?|\d+(\.\d)?t?)$/);
    expect(texts.find((b) => b.tabId === -1)?.text).toBe('');
    console.info(`stealth: DOM ${html.length} chars, identical to the page without the extension; toolbar badge "${mine[0]!.text}" on tab ${mine[0]!.tabId}`);
    await page.close();
  });
});
