/** Sizes of what each entrypoint loads from the built extension (.output/chrome-mv3). */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { scratchDir } from '../../test/e2e/scratch.ts';

export const ENTRYPOINTS = ['background', 'content', 'reader', 'popup', 'options', 'methodology'] as const;
export type EntryName = (typeof ENTRYPOINTS)[number];

export interface EntrySize {
  /** Bytes of every file the entrypoint loads (its script and the chunks it imports; CSS of pages). */
  bytes: number;
  /** Sum of each file gzipped alone (level 9), as a store would transfer them. */
  gzipBytes: number;
  /** JavaScript only. */
  jsBytes: number;
  files: string[];
}

/**
 * `wxt build` (production, Chrome MV3, the project's wxt.config.ts) through WXT's JS API, into a private
 * output directory: other engineers rebuild .output/ at any time, and a half-written build there cannot
 * be measured. Returns the chrome-mv3 folder.
 */
export function runWxtBuild(cwd: string, log: (s: string) => void): string {
  const outDir = scratchDir('lf-bench-build-');
  log(`building: wxt build (JS API, outDir ${outDir})`);
  const script = `import { build } from 'wxt'; await build({ browser: 'chrome', mode: 'production', outDir: ${JSON.stringify(outDir)} });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
  const dir = join(outDir, 'chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`wxt build wrote no manifest.json in ${dir}`);
  return dir;
}

/** Static imports of an ES module chunk (`import ... from "./x.js"`, `import "./x.js"`). */
function importsOf(code: string): string[] {
  const out: string[] = [];
  const re = /\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[1]!);
  return out;
}

function collect(root: string, rel: string, seen: Set<string>): void {
  const norm = normalize(rel);
  if (seen.has(norm) || !existsSync(join(root, norm))) return;
  seen.add(norm);
  if (!norm.endsWith('.js')) return;
  for (const dep of importsOf(readFileSync(join(root, norm), 'utf8'))) {
    collect(root, relative(root, join(root, dirname(norm), dep)), seen);
  }
}

function pageFiles(root: string, html: string): string[] {
  const text = readFileSync(join(root, html), 'utf8');
  const seen = new Set<string>([html]);
  const re = /<(?:script|link)\b[^>]*(?:src|href)=["']([^"']+)["']/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const ref = m[1]!.replace(/^\//, '');
    if (/\.(js|css)$/.test(ref)) collect(root, ref, seen);
  }
  return [...seen];
}

function findHtml(root: string, name: string): string | null {
  for (const cand of [`${name}.html`, `${name}/index.html`]) if (existsSync(join(root, cand))) return cand;
  return null;
}

export function entrySizes(root: string): Partial<Record<EntryName, EntrySize>> {
  const out: Partial<Record<EntryName, EntrySize>> = {};
  for (const name of ENTRYPOINTS) {
    let files: string[] = [];
    if (name === 'background' || name === 'reader') files = existsSync(join(root, `${name}.js`)) ? [`${name}.js`] : [];
    else if (name === 'content') {
      const dir = join(root, 'content-scripts');
      files = existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('content')).map((f) => `content-scripts/${f}`) : [];
    } else {
      const html = findHtml(root, name);
      files = html ? pageFiles(root, html) : [];
    }
    if (files.length === 0) continue;
    let bytes = 0;
    let gzipBytes = 0;
    let jsBytes = 0;
    for (const f of files) {
      const buf = readFileSync(join(root, f));
      bytes += buf.length;
      gzipBytes += gzipSync(buf, { level: 9 }).length;
      if (f.endsWith('.js')) jsBytes += buf.length;
    }
    out[name] = { bytes, gzipBytes, jsBytes, files };
  }
  return out;
}
