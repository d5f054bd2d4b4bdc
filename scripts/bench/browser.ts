import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { chromiumPath } from '../../test/e2e/browser.ts';

/** Problems with the build found while launching, for the report. */
export const warnings: string[] = [];

export interface BenchBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * test/e2e/browser.ts's launch (Debian's Chromium, the built extension, every name but ours failing to
 * resolve), plus precise memory figures and exposed GC for the heap measurement. The extension is run
 * from a private copy of the build, so another engineer rebuilding .output meanwhile changes nothing.
 */
export async function launchBench(extensionDir: string, hostPatterns: string[]): Promise<BenchBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`no built extension at ${extensionDir}: run without --no-build`);
  const copy = mkdtempSync(join(tmpdir(), 'lf-bench-ext-'));
  cpSync(extensionDir, copy, { recursive: true });
  // Chromium refuses an extension with _locales/ but no default_locale ("Localization used, but
  // default_locale wasn't specified"): say so, and measure the rest without the unused locales.
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as { default_locale?: string };
  if (existsSync(join(copy, '_locales')) && !manifest.default_locale) {
    warnings.push('the build has _locales/ but its manifest no default_locale, so Chromium would not load it; the bench removed _locales/ from its private copy');
    rmSync(join(copy, '_locales'), { recursive: true, force: true });
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'lf-bench-profile-'));
  const rules = [...hostPatterns.map((h) => `MAP ${h} 127.0.0.1`), 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost'].join(', ');
  const args = [
    `--disable-extensions-except=${copy}`,
    `--load-extension=${copy}`,
    `--host-resolver-rules=${rules}`,
    '--ignore-certificate-errors',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--disable-gpu',
    '--enable-precise-memory-info',
    '--js-flags=--expose-gc',
    '--headless=new',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
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
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
      rmSync(copy, { recursive: true, force: true });
    },
  };
}
