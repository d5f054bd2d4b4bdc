/**
 * Issue 7: the built manifests, pinned. Any change to what the extension asks for or where it runs
 * (permissions, CSP, content-script matches, background, pages) shows up here as a reviewed diff.
 * Content-script matches are compared as sorted lists (their order carries no meaning).
 *
 * After an intended change: `npm run build:all`, then
 *   LF_UPDATE_MANIFEST_SNAPSHOTS=1 npx vitest run --config vitest.build.config.ts test/build/manifest-snapshot.test.ts
 * and review the diff of test/build/snapshots/*.manifest.json like code.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../shared.ts';

const BUILDS = { 'chrome-mv3': resolve(REPO_ROOT, '.output/chrome-mv3'), 'firefox-mv2': resolve(REPO_ROOT, '.output/firefox-mv2') };
const SNAPSHOTS = resolve(REPO_ROOT, 'test/build/snapshots');
const UPDATE = process.env.LF_UPDATE_MANIFEST_SNAPSHOTS === '1';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function normalize(m: Record<string, Json>): Record<string, Json> {
  const copy = JSON.parse(JSON.stringify(m)) as Record<string, Json>;
  const cs = copy.content_scripts;
  if (Array.isArray(cs)) {
    for (const c of cs) {
      if (c && typeof c === 'object' && !Array.isArray(c) && Array.isArray(c.matches)) c.matches = [...(c.matches as string[])].sort();
    }
  }
  return copy;
}

/** Every path where the two differ, with both values, shortest first: a readable hint, not a wall of JSON. */
function differences(expected: Json, actual: Json, path = '$'): string[] {
  if (JSON.stringify(expected) === JSON.stringify(actual)) return [];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.every((e) => typeof e === 'string') && actual.every((a) => typeof a === 'string')) {
      const gone = (expected as string[]).filter((e) => !(actual as string[]).includes(e));
      const added = (actual as string[]).filter((a) => !(expected as string[]).includes(a));
      return [`${path}: ${added.length ? `added ${JSON.stringify(added)}` : ''}${added.length && gone.length ? '; ' : ''}${gone.length ? `removed ${JSON.stringify(gone)}` : ''}${!added.length && !gone.length ? 'order changed' : ''}`];
    }
    const out: string[] = [];
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) out.push(...differences(expected[i] ?? null, actual[i] ?? null, `${path}[${i}]`));
    return out;
  }
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object' && !Array.isArray(expected) && !Array.isArray(actual)) {
    const out: string[] = [];
    for (const k of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      if (!(k in actual)) out.push(`${path}.${k}: removed (was ${JSON.stringify(expected[k])})`);
      else if (!(k in expected)) out.push(`${path}.${k}: added ${JSON.stringify(actual[k])}`);
      else out.push(...differences(expected[k]!, actual[k]!, `${path}.${k}`));
    }
    return out;
  }
  return [`${path}: expected ${JSON.stringify(expected)}, built ${JSON.stringify(actual)}`];
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

describe.each(Object.entries(BUILDS))('%s manifest snapshot', (name, dir) => {
  it('carries no trace of the planted leak (src/leak/planted.ts is compiled out of real builds)', () => {
    if (!existsSync(dir)) throw new Error(`${dir} missing: build first (npm run build:all)`);
    const traces = files(dir).filter((f) => /\.(m?js|html|json)$/.test(f) && /leak\.invalid|WXT_LF_PLANTED_LEAK/.test(readFileSync(f, 'utf8')));
    expect(traces).toEqual([]);
  });

  it('matches test/build/snapshots (deep-equal, content-script matches sorted)', () => {
    const file = join(dir, 'manifest.json');
    if (!existsSync(file)) throw new Error(`${file} missing: build first (npm run build:all)`);
    const built = normalize(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Json>);
    const snapFile = join(SNAPSHOTS, `${name}.manifest.json`);
    if (UPDATE) {
      writeFileSync(snapFile, `${JSON.stringify(built, null, 2)}\n`);
      console.info(`updated ${snapFile}`);
      return;
    }
    if (!existsSync(snapFile)) throw new Error(`${snapFile} missing; create it with LF_UPDATE_MANIFEST_SNAPSHOTS=1 (see the top of this file)`);
    const expected = normalize(JSON.parse(readFileSync(snapFile, 'utf8')) as Record<string, Json>);
    const diff = differences(expected, built);
    if (diff.length) {
      throw new Error(
        `the built ${name} manifest differs from test/build/snapshots/${name}.manifest.json:\n  ${diff.join('\n  ')}\n` +
          'If the change is intended, update the snapshot (LF_UPDATE_MANIFEST_SNAPSHOTS=1, see the top of this file) and review it like code.',
      );
    }
    expect(built).toEqual(expected);
  });
});
