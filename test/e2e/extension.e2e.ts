/**
 * End to end in Debian's Chromium with the built extension (npm run build first; npm test does).
 * Needs ../shared (real shop pages) and root or CAP_NET_BIND_SERVICE for port 443.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { FIXTURES, HAS_SHARED } from '../shared.ts';
import { launchWithExtension, type ExtensionBrowser } from './browser.ts';
import { closedShadowBadges, ourWorld, type OurWorld } from './inspect-dom.ts';
import { countStoredRows } from './stored-rows.ts';
import { readNetLog } from './netlog.ts';
import { startShopServer, type ShopServer } from './server.ts';

const PRODUCT = {
  host: 'www.ikea.com',
  path: '/gb/en/p/moeckelby-table-oak-00293772/',
  file: resolve(FIXTURES, 'pages/ikea.com--product--002.937.72.html'),
};
const ORDER = {
  host: 'www.amazon.com',
  path: '/gp/your-account/order-details?orderID=113-1625648-3437067',
  file: resolve(FIXTURES, 'pages/amazon.com--order-confirmation--113-1625648-3437067.html'),
};
/** A shop's own best-seller list: shop signals enough for the gate's scan, and nothing for the reader. */
const LISTING = {
  host: 'www.amazon.de',
  path: '/gp/bestsellers/ce-de',
  file: resolve(FIXTURES, 'pages/amazon.de--not-a-product--bestsellers-elektronik.html'),
};
/** The same product page from a shop whose policy allows no inline style (GitHub-like CSPs do this). */
const STRICT_CSP_PRODUCT = { ...PRODUCT, path: `${PRODUCT.path}?csp=strict`, csp: "default-src 'self'; style-src 'self'; script-src 'none'" };
const SHOP_HOSTS = [PRODUCT.host, ORDER.host, LISTING.host];
const url = (r: { host: string; path: string }) => `https://${r.host}${r.path}`;

interface Seen {
  url: string;
  by: 'service-worker' | 'extension-page' | 'web-page';
}

describe.skipIf(!HAS_SHARED)('extension in Chromium', () => {
  let server: ShopServer;
  let browser: ExtensionBrowser;
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = await startShopServer([PRODUCT, STRICT_CSP_PRODUCT, ORDER, LISTING]);
    browser = await launchWithExtension(SHOP_HOSTS);
    const record = (r: Request) => {
      const sw = r.serviceWorker();
      const frameUrl = sw ? sw.url() : safeFrameUrl(r);
      seen.push({ url: r.url(), by: sw ? 'service-worker' : frameUrl.startsWith('chrome-extension://') ? 'extension-page' : 'web-page' });
    };
    browser.context.on('request', record);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const popupUrl = () => `chrome-extension://${browser.extensionId}/popup.html`;

  const purchaseCount = () => browser.worker.evaluate(countStoredRows, 'purchases' as const);

  async function waitForBadge(page: Page, contains: string) {
    let last: string[] = [];
    for (let i = 0; i < 60; i++) {
      last = (await closedShadowBadges(page)).map((b) => b.text);
      if (last.some((t) => t.includes(contains))) return last;
      await page.waitForTimeout(250);
    }
    throw new Error(`no badge containing "${contains}"; badges seen: ${JSON.stringify(last)}`);
  }

  it('shows an estimate badge on a real product page, in a closed shadow root with a random host name', async () => {
    const page = await browser.context.newPage();
    await page.goto(url(PRODUCT));
    const texts = await waitForBadge(page, 'kg CO2e');
    expect(texts).toHaveLength(1);
    const badges = await closedShadowBadges(page);
    expect(badges[0]!.hostName).toMatch(/^[a-z]{4}-[a-z]{6}$/);
    // The page cannot reach into the badge.
    const fromPage = await page.evaluate(() => [...document.body.children].filter((e) => e.tagName.includes('-')).map((e) => e.shadowRoot));
    expect(fromPage.every((r) => r === null)).toBe(true);
    await page.close();
  });

  // The gate (src/content/gate.ts) loads the page reader only where it may find something: on a product page,
  // yes; on the shop's best-seller list, whose path the shop's rules call a listing, no (its price boxes
  // used to bring the reader in, to read the page as 'other').
  it("injects the page reader on a product page, and not on the shop's best-seller list", async () => {
    const settle = async (page: Page, done: (w: OurWorld | null) => boolean) => {
      let w: OurWorld | null = null;
      for (let i = 0; i < 60 && !done(w); i++) {
        await page.waitForTimeout(250);
        w = await ourWorld(page, browser.extensionId);
      }
      return w;
    };
    const product = await browser.context.newPage();
    await product.goto(url(PRODUCT));
    expect(await settle(product, (w) => w?.reader === true)).toEqual({ gate: true, reader: true });
    await product.close();

    const listing = await browser.context.newPage();
    await listing.goto(url(LISTING));
    expect(await settle(listing, (w) => w?.gate === true)).toEqual({ gate: true, reader: false });
    // Time for a reader the gate had asked for to arrive (on the product page it took well under this).
    await listing.waitForTimeout(2000);
    expect(await ourWorld(listing, browser.extensionId)).toEqual({ gate: true, reader: false });
    expect(await closedShadowBadges(listing)).toEqual([]);
    await listing.close();
  });

  // The badge is styled through CSSOM (element.style), which a page's style-src does not govern, so it keeps
  // its look where the shop forbids inline styles; light-dark() follows the user's colour scheme.
  it('styles the badge on a shop whose CSP forbids inline styles, light and dark', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(url(STRICT_CSP_PRODUCT));
    await waitForBadge(page, 'kg CO2e');
    // The box's backgrounds in src/badge/style.ts; unstyled, it would be transparent.
    expect((await closedShadowBadges(page))[0]!.boxBackground).toBe('rgb(243, 250, 245)');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect((await closedShadowBadges(page))[0]!.boxBackground).toBe('rgb(22, 38, 28)');
    await page.close();
  });

  it('records an order once: reload and a second tab add nothing', async () => {
    expect(await purchaseCount()).toBe(0);
    const page = await browser.context.newPage();
    await page.goto(url(ORDER));
    await waitForBadge(page, 'Added to your footprint');
    expect(await purchaseCount()).toBe(1);
    await page.reload();
    await page.waitForTimeout(1500);
    const second = await browser.context.newPage();
    await second.goto(url(ORDER));
    await second.waitForTimeout(1500);
    expect(await purchaseCount()).toBe(1);
    expect((await closedShadowBadges(second)).some((b) => b.text.includes('Added'))).toBe(false);
    // The shop's own origin holds no database of ours.
    const shopDbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(shopDbs).not.toContain('local-footprint');
    await page.close();
    await second.close();
  });

  it('shows the purchase and its total in the popup', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl());
    await popup.getByTestId('history').waitFor({ timeout: 10_000 });
    const history = await popup.getByTestId('history').textContent();
    expect(history).toContain('amazon.com');
    const total = await popup.getByTestId('total-all').textContent();
    expect(total).toMatch(/kg CO2e/);
    await popup.close();
  });

  it('sends nothing off the device on the extension\'s account (Playwright and NetLog)', async () => {
    const ours = seen.filter((s) => s.by !== 'web-page');
    const offDevice = ours.filter((s) => !s.url.startsWith('chrome-extension://'));
    expect(offDevice).toEqual([]);
    await browser.close();
    const netlog = readNetLog(browser.netLogPath);
    const fromExtension = netlog.filter((r) => r.initiator?.startsWith(`chrome-extension://${browser.extensionId}`) && !r.url.startsWith('chrome-extension://'));
    expect(fromExtension).toEqual([]);
    console.info(`network audit: playwright saw ${seen.length} requests (${ours.length} by the extension, all chrome-extension://), netlog saw ${netlog.length} URL requests, ${fromExtension.length} initiated by the extension off-device`);
  });
});

function safeFrameUrl(r: Request): string {
  try {
    return r.frame().url();
  } catch {
    return '';
  }
}
