/**
 * `npm run eval`: how well the extension understands the shared fixture pages, price strings and
 * reference products. Flags: --json (last line: all metrics), --verbose (list misses), --only NAME.
 */
import type { EvalSection } from './eval/types.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const verbose = args.includes('--verbose');
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? args[onlyIdx + 1] : undefined;

const modules: Array<[string, () => Promise<{ evaluate: () => Promise<EvalSection[]> }>]> = [
  ['prices', () => import('./eval/prices.ts')],
  ['pages', () => import('./eval/pages.ts')],
  ['orders', () => import('./eval/orders.ts')],
  ['engine', () => import('./eval/engine.ts')],
];

const all: Record<string, number> = {};
for (const [name, load] of modules) {
  if (only && only !== name) continue;
  let sections: EvalSection[];
  try {
    sections = await (await load()).evaluate();
  } catch (err) {
    console.error(`eval ${name}: ${(err as Error).stack ?? String(err)}`);
    process.exitCode = 1;
    continue;
  }
  for (const s of sections) {
    console.log(`\n== ${s.name} ==`);
    const width = Math.max(...s.rows.map(([l]) => l.length), 10);
    for (const [label, value] of s.rows) console.log(`  ${label.padEnd(width)}  ${value}`);
    if (verbose && s.misses?.length) {
      console.log('  misses:');
      for (const m of s.misses) console.log(`    - ${m}`);
    }
    for (const [k, v] of Object.entries(s.metrics)) all[`${s.name}.${k}`] = v;
  }
}
if (json) console.log(JSON.stringify(all));
