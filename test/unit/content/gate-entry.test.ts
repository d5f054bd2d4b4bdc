/**
 * The bench times the gate's evaluation through scripts/bench/gate-entry.ts, which must import what the
 * declared content script imports from src/ (the shipped content.js cannot be evaluated outside the
 * extension). A module added to one and not the other would make that figure wrong without a sound.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../shared.ts';

/** The src/ modules a file imports for their values (type-only imports add no code). */
function srcValueImports(file: string): string[] {
  const text = readFileSync(resolve(REPO_ROOT, file), 'utf8');
  const out = new Set<string>();
  for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'((?:\.\.\/)+src\/[^']+)';/gm)) if (!m[1]) out.add(m[2]!.replace(/^(?:\.\.\/)+/, ''));
  return [...out].sort();
}

describe('scripts/bench/gate-entry.ts', () => {
  it("imports exactly the content script's src/ modules, less the audit's compiled-out leak", () => {
    const content = srcValueImports('entrypoints/content.ts').filter((m) => m !== 'src/leak/planted');
    expect(content.length).toBeGreaterThan(3);
    expect(srcValueImports('scripts/bench/gate-entry.ts')).toEqual(content);
  });
});
