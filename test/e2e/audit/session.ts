/** Shared steps of the audit, stealth and sender end-to-end tests: the pages, the waits, the leaky build. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURES, REPO_ROOT } from '../../shared.ts';
import { closedShadowBadges } from '../inspect-dom.ts';
import type { ServedPage } from './observe.ts';

const page = (file: string, url: string): ServedPage & { url: string } => {
  const u = new URL(url);
  return { host: u.hostname, path: u.pathname + u.search, file: resolve(FIXTURES, 'pages', file), url };
};

function originalUrl(file: string): string {
  const m = JSON.parse(readFileSync(resolve(FIXTURES, 'pages/manifest.json'), 'utf8')) as { pages: Array<{ file: string; original_url: string }> };
  const entry = m.pages.find((p) => p.file === file);
  if (!entry) throw new Error(`${file} is not in pages/manifest.json`);
  return entry.original_url;
}

export const PRODUCTS = [
  page('ikea.com--product--002.937.72.html', 'https://www.ikea.com/gb/en/p/moeckelby-table-oak-00293772/'),
  page('amazon.com--product--B00N150YS4.html', 'https://www.amazon.com/Gorilla-6012110-Black-2-Pack-Piece/dp/B00N150YS4/'),
  page('etsy.com--product--550571276.html', originalUrl('etsy.com--product--550571276.html')),
];
export const ORDER = page('amazon.com--order-confirmation--113-1625648-3437067.html', 'https://www.amazon.com/gp/your-account/order-details?orderID=113-1625648-3437067');
export const ALL_PAGES = [...PRODUCTS, ORDER];
export const HOSTS = [...new Set(ALL_PAGES.map((p) => p.host))];

/** Port 443 unless LF_E2E_PORT says otherwise (URLs then carry the port). */
export const PORT = Number(process.env.LF_E2E_PORT ?? 443);
export const urlOf = (p: { host: string; path: string }) => `https://${p.host}${PORT === 443 ? '' : `:${PORT}`}${p.path}`;

export async function waitForBadge(p: Page, contains: string, tries = 60): Promise<string[]> {
  let last: string[] = [];
  for (let i = 0; i < tries; i++) {
    last = (await closedShadowBadges(p)).map((b) => b.text);
    if (last.some((t) => t.includes(contains))) return last;
    await p.waitForTimeout(250);
  }
  throw new Error(`no badge containing "${contains}" on ${p.url()}; badges seen: ${JSON.stringify(last)}`);
}

export const LEAK_BUILD = resolve(REPO_ROOT, '.output/chrome-mv3-leak');

/** The two lines per entrypoint the negative control needs; src/leak/planted.ts explains why they are harmless. */
export const LEAK_WIRING = [
  "entrypoints/background.ts: `import { plantLeak } from '../src/leak/planted';` and, after startBackground(...), `plantLeak('background');`",
  "entrypoints/content.ts: `import { plantLeak } from '../src/leak/planted';` and, in main() after `g[flag] = true;`, `plantLeak('content');`",
];

export function leakWired(): boolean {
  const bg = readFileSync(resolve(REPO_ROOT, 'entrypoints/background.ts'), 'utf8');
  const cs = readFileSync(resolve(REPO_ROOT, 'entrypoints/content.ts'), 'utf8');
  return /plantLeak\(\s*'background'\s*\)/.test(bg) && /plantLeak\(\s*'content'\s*\)/.test(cs);
}

/**
 * `WXT_LF_PLANTED_LEAK=true wxt build --mode leak`: WXT 0.21 names the output `<browser>-mv<n>-<mode>`
 * (resolve-config.mjs: modeSuffix), so this never touches .output/chrome-mv3. Vite exposes WXT_* variables
 * as import.meta.env.*, which is what switches the planted fetch on.
 */
export async function buildLeaky(): Promise<string> {
  const log: string[] = [];
  const code = await new Promise<number | null>((resolveCode, reject) => {
    const child = spawn('npx', ['wxt', 'build', '--mode', 'leak'], { cwd: REPO_ROOT, env: { ...process.env, WXT_LF_PLANTED_LEAK: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => log.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => log.push(d.toString()));
    child.on('error', reject);
    child.on('close', resolveCode);
  });
  if (code !== 0) throw new Error(`leaky build failed (exit ${code}):\n${log.join('').slice(-3000)}`);
  const bg = join(LEAK_BUILD, 'background.js');
  if (!existsSync(bg) || !readFileSync(bg, 'utf8').includes('leak.invalid')) {
    throw new Error(`the leaky build at ${LEAK_BUILD} has no planted leak: are the plantLeak lines wired? ${LEAK_WIRING.join('; ')}`);
  }
  return LEAK_BUILD;
}
