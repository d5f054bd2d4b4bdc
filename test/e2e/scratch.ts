import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/**
 * A fresh directory under the system's temp folder, removed when the process exits (or, in the e2e run,
 * when the run ends). Browser profiles, NetLogs (15-200 MB each), certificates and builds used to stay
 * behind after every run: 6 GB on one developer machine. Removal waits for the end because some are read
 * after the browser closes (the NetLog).
 */
export function scratchDir(prefix: string): string {
  // Under the e2e run's own folder, which its teardown removes (test/e2e/global-setup.ts).
  const run = process.env.LF_SCRATCH_ROOT;
  if (run) return mkdtempSync(join(run, prefix));
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (made.length === 0) process.once('exit', removeAll);
  made.push(dir);
  return dir;
}

function removeAll(): void {
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A file still held open by a browser that did not close: the OS's temp cleaning gets it.
    }
  }
}
