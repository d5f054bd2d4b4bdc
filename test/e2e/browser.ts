import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { REPO_ROOT } from '../shared.ts';
import { scratchDir } from './scratch.ts';

export const CHROME_BUILD = resolve(REPO_ROOT, '.output/chrome-mv3');

export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(p)) throw new Error(`Chromium not found at ${p}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  return p;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  netLogPath: string;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension. Shop hosts resolve to 127.0.0.1; every other name fails
 * to resolve, so nothing can leave the machine even by accident, and what tried shows in the NetLog.
 */
export async function launchWithExtension(shopHosts: string[], extensionPath = CHROME_BUILD, options: { headless?: boolean; port?: number; extraArgs?: string[] } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionPath, 'manifest.json'))) throw new Error(`no built extension at ${extensionPath}: run npm run build`);
  const userDataDir = scratchDir('lf-profile-');
  const netLogPath = join(scratchDir('lf-netlog-'), 'netlog.json');
  // A server on another port than 443 is reached by mapping host → 127.0.0.1:port (no root needed).
  const target = options.port && options.port !== 443 ? `127.0.0.1:${options.port}` : '127.0.0.1';
  const rules = [...shopHosts.map((h) => `MAP ${h} ${target}`), 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost'].join(', ');
  const args = [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    `--host-resolver-rules=${rules}`,
    '--ignore-certificate-errors',
    `--log-net-log=${netLogPath}`,
    '--net-log-capture-mode=Default',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--disable-gpu',
  ];
  // The old headless mode loads no extensions; the new one does.
  if (options.headless ?? true) args.push('--headless=new');
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  args.push(...(options.extraArgs ?? []));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false, // see --headless=new above
    args,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 900 },
  });
  let worker = context.serviceWorkers()[0];
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    netLogPath,
    close: () => context.close(),
  };
}
