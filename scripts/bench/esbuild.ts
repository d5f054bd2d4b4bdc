import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * One self-contained IIFE (no imports, no eval) of a bench entry, for Runtime.evaluate / page.evaluate.
 * `minify` as the shipped build is (WXT minifies every entrypoint: lazy compilation in a fresh world parses
 * less); left readable where a CPU profile must name the src/ functions.
 */
export async function bundleIife(entry: 'inpage-entry.ts' | 'ext-entry.ts' | 'gate-entry.ts', minify = false): Promise<string> {
  const out = await build({
    entryPoints: [join(HERE, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify,
    keepNames: false,
    legalComments: 'none',
    logLevel: 'silent',
    jsx: 'automatic',
    jsxImportSource: 'preact',
  });
  return out.outputFiles[0]!.text;
}
