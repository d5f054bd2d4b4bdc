/**
 * `npm test`: everything CI checks, in order, on this machine: types, lint, unit tests, both browser
 * builds, the end-to-end test in Debian's Chromium, and a smoke run of the inspect tool and the benchmark.
 * Ends with one plain line `N passed, N failed` (tests plus checks) and a non-zero exit if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  name: string;
  cmd: string;
  args: string[];
  /** Test runs report their own counts; other steps count as one check. */
  counts?: 'unit' | 'build' | 'e2e';
  needs?: string;
}

const skipE2e = process.argv.includes('--no-e2e');
const steps: Step[] = [
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '--noEmit'] },
  { name: 'lint', cmd: 'npx', args: ['eslint', '.', '--max-warnings=0'] },
  { name: 'unit tests', cmd: 'npx', args: ['vitest', 'run'], counts: 'unit' },
  // `wxt zip` builds, then packs: .output/chrome-mv3 and .output/firefox-mv2 are what the e2e tests load.
  { name: 'build chromium', cmd: 'npx', args: ['wxt', 'zip'] },
  { name: 'build firefox (with AMO sources zip)', cmd: 'npx', args: ['wxt', 'zip', '-b', 'firefox'] },
  // Last: the e2e tests load .output/chrome-mv3, which `wxt zip -b firefox` leaves untouched.
  { name: 'built extensions (manifest, CSP, bundle scan)', cmd: 'npx', args: ['vitest', 'run', '--config', 'vitest.build.config.ts'], counts: 'build', needs: 'build firefox (with AMO sources zip)' },
  ...(skipE2e
    ? []
    : [
        { name: 'end-to-end (Chromium, Firefox)', cmd: 'npx', args: ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], counts: 'e2e' as const, needs: 'build chromium' },
        // Only checks that the benchmark still runs; its figures are not judged here (timed tests are not tests).
        { name: 'benchmark smoke: save the content bundle', cmd: 'npx', args: ['tsx', 'scripts/bench.ts', '--save-content', 'test-results/bench-content.js'] },
        { name: 'benchmark smoke (--quick, --compare)', cmd: 'npx', args: ['tsx', 'scripts/bench.ts', '--quick', '--no-build', '--compare', 'test-results/bench-content.js'], needs: 'benchmark smoke: save the content bundle' },
      ]),
];

rmSync('test-results', { recursive: true, force: true });
let passed = 0;
let failed = 0;
const failedSteps = new Set<string>();
const t0 = Date.now();
for (const step of steps) {
  if (step.needs && failedSteps.has(step.needs)) {
    console.log(`\n▶ ${step.name}: not run, ${step.needs} failed`);
    failed++;
    failedSteps.add(step.name);
    continue;
  }
  console.log(`\n▶ ${step.name}`);
  const t = Date.now();
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  console.log(`◀ ${step.name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  if (!ok) failedSteps.add(step.name);
  if (step.counts) {
    const file = `test-results/${step.counts}.json`;
    if (existsSync(file)) {
      const c = JSON.parse(readFileSync(file, 'utf8')) as { passed: number; failed: number };
      passed += c.passed;
      failed += c.failed;
      if (!ok && c.failed === 0) failed++;
    } else {
      failed++;
    }
  } else if (ok) passed++;
  else failed++;
}
console.log(`\nchecks and tests in ${((Date.now() - t0) / 1000).toFixed(0)} s${failedSteps.size ? `; failed: ${[...failedSteps].join(', ')}` : ''}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
