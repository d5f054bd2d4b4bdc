/**
 * `npm run data`: derive the compact tables in src/data/generated/ from ../shared/data.
 * The output is committed; test/unit/data checks it is up to date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { derive } from './data/derive.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.LF_SHARED_DIR ?? resolve(root, '../shared'), 'data');
const outDir = resolve(root, 'src/data/generated');
mkdirSync(outDir, { recursive: true });
for (const [name, text] of derive(dataDir)) {
  writeFileSync(resolve(outDir, name), text);
  console.log(`wrote src/data/generated/${name} (${text.length} bytes)`);
}
