import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the plain `N passed, N failed` line that CI reads (Vitest's own summary is not machine-read)
 * and leaves the counts in test-results/<label>.json for `npm test` to add up.
 */
export default class PlainCountReporter implements Reporter {
  constructor(private readonly options: { label?: string } = {}) {}

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      const tests = [...mod.children.allTests()];
      for (const t of tests) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file that fails to load has no tests but must still fail the run.
      if (tests.length === 0 && mod.state() === 'failed') failed++;
    }
    const label = this.options.label ?? 'unit';
    mkdirSync('test-results', { recursive: true });
    writeFileSync(`test-results/${label}.json`, JSON.stringify({ passed, failed, skipped }));
    process.stdout.write(`\n${label}: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
