import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { launchWithExtension } from '../../test/e2e/browser.ts';
import { scratchDir } from '../../test/e2e/scratch.ts';

export interface BenchBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * test/e2e/browser.ts's launch (Debian's Chromium, the built extension, every name but ours failing to
 * resolve), plus precise memory figures and exposed GC for the heap measurement, and an experiment's V8
 * flags (`--js-flags`). The extension is run from a private copy of the build, so another engineer
 * rebuilding .output meanwhile changes nothing.
 */
export async function launchBench(extensionDir: string, hostPatterns: string[], jsFlags = ''): Promise<BenchBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`no built extension at ${extensionDir}: run without --no-build`);
  const copy = scratchDir('lf-bench-ext-');
  cpSync(extensionDir, copy, { recursive: true });
  const b = await launchWithExtension(hostPatterns, copy, { extraArgs: ['--enable-precise-memory-info', `--js-flags=--expose-gc${jsFlags ? ` ${jsFlags}` : ''}`] });
  const { context, worker, extensionId } = b;
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      await b.close();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}
