import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One scratch folder for the whole e2e run, made before the test processes start (they inherit its name)
 * and removed after the last: a test process is stopped without running its exit handlers.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'lf-e2e-'));
  process.env.LF_SCRATCH_ROOT = root;
  return () => rmSync(root, { recursive: true, force: true });
}
