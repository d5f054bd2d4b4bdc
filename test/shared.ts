import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared, read-only test material lives beside the checkout (`../shared`), never inside it.
 * Tests that need it call `describe.skipIf(!HAS_SHARED)`; in CI it must exist (see `requireSharedInCI`).
 */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DIR = resolve(process.env.LF_SHARED_DIR ?? resolve(REPO_ROOT, '../shared'));
export const HAS_SHARED = existsSync(resolve(SHARED_DIR, 'fixtures/pages/manifest.json'));
export const FIXTURES = resolve(SHARED_DIR, 'fixtures');
export const DATA = resolve(SHARED_DIR, 'data');

if (!HAS_SHARED && process.env.CI) {
  throw new Error(`../shared is required in CI but was not found at ${SHARED_DIR}`);
}
