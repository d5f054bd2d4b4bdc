/**
 * Smoke test of the Firefox build (.output/firefox-mv2; npm run build:firefox first) in Firefox ESR, started by
 * web-ext, headless, with a throwaway profile that is read from disk afterwards.
 *
 * The pages come from a local forward proxy (firefox/proxy.ts) that Firefox must use for all traffic
 * (firefox/prefs.ts): it serves real shop pages under their own host names over plain HTTP (the content script
 * matches both schemes) and refuses everything else, so nothing can leave the machine. Navigation runs on
 * `Refresh` headers, since the pages may run no script:
 *
 *   wait-install (until web-ext has installed the add-on) → IKEA product page → Amazon order page, visit 1
 *   → wait-recorded (until the purchase is in the extension's IndexedDB) → order page, visit 2 → reload (visit 3)
 *
 * Needs ../shared (skips without it). Fails, does not skip, without Firefox, web-ext or the build.
 * Environment: FIREFOX_PATH (default /usr/bin/firefox-esr), WEB_EXT_BIN (default node_modules/.bin/web-ext),
 * LF_FIREFOX_BUILD (default .output/firefox-mv2), LF_KEEP_FIREFOX_PROFILE=1 to keep the profile and logs.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, HAS_SHARED } from '../shared.ts';
import { extensionUuid, idbOrigins, readExtensionDatabases, type IdbDatabase } from './firefox/idb.ts';
import { extensionChannels, isNetworkUri, MOZ_LOG_MODULES, readMozLog, type MozLog } from './firefox/mozlog.ts';
import { firefoxPrefs } from './firefox/prefs.ts';
import { startShopProxy, type ProxyRoute, type ShopProxy } from './firefox/proxy.ts';
import { withTimeout } from './firefox/timeout.ts';
import { FIREFOX_BUILD, firefoxPath, requireFirefoxBuild, runWebExt, webExtPath, type WebExtRun } from './firefox/webext.ts';

const PROXY_HOST = '127.0.0.1';
const CONTROL_HOST = 'local-footprint.test'; // the test's own waiting pages, served by the proxy as well
const PRODUCT = { host: 'www.ikea.com', path: '/gb/en/p/moeckelby-table-oak-00293772/', file: resolve(FIXTURES, 'pages/ikea.com--product--002.937.72.html') };
const ORDER = {
  host: 'www.amazon.com',
  path: '/gp/your-account/order-details?orderID=113-1625648-3437067',
  file: resolve(FIXTURES, 'pages/amazon.com--order-confirmation--113-1625648-3437067.html'),
};
const PAGE_HOSTS = new Set([PRODUCT.host, ORDER.host, CONTROL_HOST]);
const url = (r: { host: string; path: string }) => `http://${r.host}${r.path}`;
const WAIT_INSTALL = { host: CONTROL_HOST, path: '/wait-install' };
const WAIT_RECORDED = { host: CONTROL_HOST, path: '/wait-recorded' };
const WAIT_HTML = '<!doctype html><title>waiting</title><p>waiting for the test</p>';

/**
 * The shop pages are served with `default-src 'none'` rather than the Chromium test's `script-src 'none'`: the
 * DOM stays whole but the page's own images, styles and beacons (Amazon's CDNs) are never requested, so every
 * request the proxy sees besides the documents is a finding, not page noise. Requests made by the extension
 * are not hidden by it: Firefox's log records each channel before CSP is applied (firefox/mozlog.ts).
 */
const PAGE_CSP = "default-src 'none'";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, timeoutMs: number, probe: () => T | null | undefined | false): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < end) {
    try {
      const v = probe();
      if (v) return v;
    } catch (err) {
      last = err; // e.g. a database copied in the middle of a write: try again
    }
    await sleep(250);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

describe.skipIf(!HAS_SHARED)('extension in Firefox ESR (web-ext, headless)', () => {
  let proxy: ShopProxy | undefined;
  let run: WebExtRun | undefined;
  let profileDir = '';
  let logDir = '';
  const gates = { installed: false, recorded: false };
  let recordedBeforeSecondVisit = false;
  let dbs: IdbDatabase[] = [];
  let mozLog: MozLog;
  let uuid: string | null = null;
  let elapsedMs = 0;

  // A failing beforeAll would leave the tests "skipped" in the counts CI reads: keep its error and let every
  // test fail with it instead.
  let setupError: unknown = null;
  const ready = () => {
    if (setupError) throw setupError;
  };

  beforeAll(async () => {
    try {
      // Bounded below the hook timeout, whose expiry would again count as "skipped".
      await withTimeout(setup(), 70_000, () => `Firefox smoke setup took over 70 s:\n${run?.output().slice(-2000) ?? ''}`);
    } catch (err) {
      setupError = err;
    }
  }, 75_000);

  async function setup() {
    const t0 = Date.now();
    // Fail loudly (not skip) when something the test needs is missing.
    firefoxPath();
    webExtPath();
    const sourceDir = requireFirefoxBuild(process.env.LF_FIREFOX_BUILD ?? FIREFOX_BUILD);
    const addonId = (JSON.parse(readFileSync(join(sourceDir, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } })
      .browser_specific_settings?.gecko?.id;
    if (!addonId) throw new Error(`${sourceDir}/manifest.json has no browser_specific_settings.gecko.id`);

    const routes: ProxyRoute[] = [
      { ...WAIT_INSTALL, html: WAIT_HTML, refresh: () => (gates.installed ? `0; url=${url(PRODUCT)}` : '1') },
      // Time for the content script to estimate the product before moving on to the order.
      { ...PRODUCT, csp: PAGE_CSP, refresh: () => `3; url=${url(ORDER)}` },
      {
        ...ORDER,
        csp: PAGE_CSP,
        // Visit 1 moves on to the gate; visit 2 reloads itself (visit 3); visit 3 stays.
        refresh: (n) => (n === 0 ? `3; url=${url(WAIT_RECORDED)}` : n === 1 ? '2' : null),
      },
      { ...WAIT_RECORDED, html: WAIT_HTML, refresh: () => (gates.recorded ? `0; url=${url(ORDER)}` : '1') },
    ];
    proxy = await startShopProxy(routes, PROXY_HOST);
    profileDir = mkdtempSync(join(tmpdir(), 'lf-ff-profile-'));
    logDir = mkdtempSync(join(tmpdir(), 'lf-ff-mozlog-'));
    run = runWebExt({
      sourceDir,
      profileDir,
      startUrls: [url(WAIT_INSTALL)],
      prefs: firefoxPrefs(PROXY_HOST, proxy.port),
      env: { MOZ_LOG: MOZ_LOG_MODULES, MOZ_LOG_FILE: join(logDir, 'firefox.log') },
    });

    await withTimeout(run.installed, 25_000, () => `web-ext did not install the add-on within 25 s:\n${run!.output().slice(-3000)}`);
    gates.installed = true;

    const purchases = () => readExtensionDatabases(profileDir, { snapshot: true }).find((d) => d.name === 'local-footprint')?.purchases ?? 0;
    await waitFor('order page, visit 1', 10_000, () => proxy!.served(ORDER.host, ORDER.path) >= 1);
    await waitFor('the purchase in the extension database after visit 1', 10_000, () => purchases() >= 1);
    recordedBeforeSecondVisit = proxy.served(ORDER.host, ORDER.path) === 1;
    gates.recorded = true;
    await waitFor('order page, visits 2 and 3', 10_000, () => proxy!.served(ORDER.host, ORDER.path) >= 3);
    await sleep(3_000); // time for visit 3 to be read, and for a duplicate to appear if there were one

    await run.stop();
    elapsedMs = Date.now() - t0;
    dbs = readExtensionDatabases(profileDir, { snapshot: true });
    mozLog = readMozLog(logDir);
    uuid = extensionUuid(profileDir, addonId);
  }

  afterAll(async () => {
    await run?.stop();
    await proxy?.close();
    // LF_KEEP_FIREFOX_PROFILE=1 keeps the profile and the MOZ_LOG files for a look by hand.
    if (!process.env.LF_KEEP_FIREFOX_PROFILE) {
      for (const d of [profileDir, logDir]) if (d) rmSync(d, { recursive: true, force: true });
    } else {
      console.info(`firefox profile kept at ${profileDir}, MOZ_LOG at ${logDir}`);
    }
  });

  it('records the order once: first load, a second visit and a reload add one purchase', () => {
    ready();
    expect(recordedBeforeSecondVisit).toBe(true);
    expect(proxy!.served(ORDER.host, ORDER.path)).toBe(3);
    expect(proxy!.served(PRODUCT.host, PRODUCT.path)).toBe(1);
    const ours = dbs.filter((d) => d.name === 'local-footprint');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.purchases).toBe(1);
    // Since schema 4 purchases are packed by day (items inside them since schema 3): one day, one shard and its kg figures.
    expect(ours[0]!.counts).toMatchObject({ days: 1, idx: 1, kgs: 1, tally: 1 });
    expect(ours[0]!.counts.purchases).toBeUndefined();
  });

  it("keeps its database in the extension's own origin, none in the shops'", () => {
    ready();
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(dbs.find((d) => d.name === 'local-footprint')!.origin).toMatch(new RegExp(`^moz-extension\\+\\+\\+${uuid}(\\^|$)`));
    expect(idbOrigins(profileDir).filter((o) => !o.startsWith('moz-extension+++'))).toEqual([]);
  });

  it('the proxy, the only way out, saw nothing but the pages', () => {
    ready();
    const other = proxy!.requests.filter((r) => r.method !== 'GET' || !PAGE_HOSTS.has(r.host) || (r.status !== 200 && r.path !== '/favicon.ico'));
    expect(other).toEqual([]);
  });

  it("Firefox's log: nothing by the extension to the network, no host name resolved", () => {
    ready();
    expect(mozLog.files).toBeGreaterThan(0);
    expect(mozLog.channels.length).toBeGreaterThan(0);
    const ours = extensionChannels(mozLog, uuid!);
    // The extension's own files are loaded (moz-extension://), so the log did see it.
    expect(ours.some((c) => c.uri.startsWith(`moz-extension://${uuid}/`))).toBe(true);
    const offDevice = ours.filter((c) => isNetworkUri(c.uri));
    expect(offDevice).toEqual([]);
    // Every network channel anyone opened, by who asked for it. The shop pages ask for their CDN images,
    // styles and beacons (CSP and the proxy stop them); the extension must ask for nothing; Firefox itself
    // (system or null principal: navigations, favicons, background services) may reach only the local pages.
    const network = mozLog.channels.filter((c) => isNetworkUri(c.uri));
    const byPages = network.filter((c) => PAGE_HOSTS.has(hostOf(c.triggeringPrincipal)));
    const byFirefox = network.filter((c) => !byPages.includes(c) && !ours.includes(c));
    expect(byFirefox.filter((c) => !PAGE_HOSTS.has(hostOf(c.uri)))).toEqual([]);
    // All traffic went to the proxy by IP, so no name was looked up (no DNS query could leave either).
    expect(mozLog.resolved.filter((h) => h !== PROXY_HOST)).toEqual([]);
    console.info(
      `firefox smoke: ${proxy!.requests.length} proxy requests (all local pages), ${mozLog.channels.length} channels in MOZ_LOG ` +
        `(${network.length} network: ${byPages.length} by the pages, ${byFirefox.length} by Firefox, ${offDevice.length} by the extension; ${ours.length} extension channels in all), ` +
        `${mozLog.resolved.length} host lookups (all ${PROXY_HOST}), purchases=${dbs.find((d) => d.name === 'local-footprint')?.purchases}, ${(elapsedMs / 1000).toFixed(1)} s`,
    );
  });
});

function hostOf(uri: string): string {
  try {
    return new URL(uri).hostname;
  } catch {
    return '';
  }
}
