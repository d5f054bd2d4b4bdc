/**
 * `npm run demo`: builds the extension, serves the demo shop pages in demo/ on 127.0.0.1 under a
 * supported shop's host name (HTTPS with a throwaway certificate), and opens Debian's Chromium with
 * the extension loaded. With no display it runs headless, visits the pages, saves screenshots of the
 * badge and the popup, and prints where they are.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../test/e2e/browser.ts';
import { closedShadowBadges } from '../test/e2e/inspect-dom.ts';
import { startShopServer } from '../test/e2e/server.ts';
import { REPO_ROOT } from '../test/shared.ts';

const HOST = 'www.johnlewis.com';
const PAGES = [
  { name: 'laptop', path: '/demo/aurora-14-laptop/p100001' },
  { name: 'tshirt', path: '/demo/organic-cotton-t-shirt/p100002' },
  { name: 'order', path: '/demo/checkout/order-confirmation?order=DEMO-10042' },
];
const outDir = resolve(REPO_ROOT, process.env.DEMO_OUT ?? '.demo');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

if (!process.argv.includes('--no-build')) {
  const b = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const routes = PAGES.map((p) => ({ host: HOST, path: p.path, file: resolve(REPO_ROOT, `demo/${p.name}.html`) }));
// Port 443 needs root; any other port works through Chromium's host mapping.
const server = await startShopServer(routes, 443).catch(() => startShopServer(routes, 8443));
if (server.port !== 443) console.log(`(port 443 unavailable: serving on 127.0.0.1:${server.port} instead)`);
const browser = await launchWithExtension([HOST], undefined, { headless, port: server.port });
const url = (path: string) => `https://${HOST}${path}`;

try {
  if (!headless) {
    const page = await browser.context.newPage();
    await page.goto(url(PAGES[0]!.path));
    console.log(`Chromium is open with Local Footprint loaded. Demo pages:\n${PAGES.map((p) => `  ${url(p.path)}`).join('\n')}\nPress Ctrl-C to stop.`);
    await new Promise<void>((r) => browser.context.on('close', () => r()));
  } else {
    mkdirSync(outDir, { recursive: true });
    const shots: string[] = [];
    const page = await browser.context.newPage();
    for (const p of PAGES) {
      await page.goto(url(p.path));
      for (let i = 0; i < 40 && (await closedShadowBadges(page)).length === 0; i++) await page.waitForTimeout(250);
      const file = resolve(outDir, `badge-${p.name}.png`);
      await page.screenshot({ path: file });
      shots.push(file);
      console.log(`${p.name}: ${(await closedShadowBadges(page)).map((b) => b.text).join(' | ') || '(no badge)'}`);
    }
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.waitForSelector('.totals, .empty', { timeout: 10_000 });
    const file = resolve(outDir, 'popup.png');
    await popup.screenshot({ path: file });
    shots.push(file);
    console.log(`Screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
  }
} finally {
  await browser.close().catch(() => {});
  await server.close();
}
