/**
 * Timings of export and import at 10k and 100k purchases (≈1.5 items each), in Node on fake-indexeddb.
 * Not a test (no timed assertions): run `npx tsx test/unit/data-io/bench.ts [10000 100000]`.
 * Estimates come from the real engine, so records have their real size.
 */
import 'fake-indexeddb/auto';
import { encryptBackup, decryptBackup } from '../../../src/data-io/crypto';
import { exportCsv } from '../../../src/data-io/export-csv';
import { buildExport } from '../../../src/data-io/export-json';
import { applyImport, parseImport } from '../../../src/data-io';
import { estimate } from '../../../src/engine/estimate';
import { FootprintDB } from '../../../src/store/db';
import { buildRecords } from '../../../src/store/purchases';
import type { ItemRecord, PurchaseRecord } from '../../../src/store/records';
import { rebuildRollups } from '../../../src/store/rollups';
import { nest } from '../../../src/store/stored-purchase';
import type { Order } from '../../../src/types';

const TITLES = [
  'Apple MacBook Air 13-inch M3 chip 8GB RAM 256GB SSD',
  "Levi's Men's 501 Original Fit Jeans, Dark Stonewash",
  'Nespresso Vertuo Coffee Pods, Variety Pack, 30 count',
  'Anker USB C Charger 65W, 3-Port Compact Fast Charger',
  'Organic Extra Virgin Olive Oil 1 L',
  'Cotton crew-neck T-shirt, pack of 3',
];

function ms(t0: number): string {
  return `${Math.round(performance.now() - t0)} ms`;
}

async function run(n: number): Promise<void> {
  const db = new FootprintDB(`bench-${n}`);
  await db.open();
  const purchases: PurchaseRecord[] = [];
  const items: ItemRecord[] = [];
  let t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const count = i % 2 ? 2 : 1; // 1.5 items per purchase on average
    const date = `20${String(10 + (i % 16)).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const order: Order = {
      orderId: `112-${String(1_000_000 + i)}-${String(i * 7).padStart(7, '0')}`,
      date,
      currency: 'USD',
      total: 20 + (i % 300),
      items: Array.from({ length: count }, (_, k) => ({ title: TITLES[(i + k) % TITLES.length]!, quantity: 1 + (k % 2), price: 10 + (i % 290), currency: 'USD' })),
    };
    const estimates = order.items.map((it) => estimate({ title: it.title, price: it.price, currency: 'USD', quantity: it.quantity, date, site: 'amazon.com' }));
    const r = buildRecords({ shop: 'www.amazon.com', order, estimates, source: 'page', today: date, now: 1_790_000_000_000 + i });
    purchases.push(r.purchase);
    items.push(...r.items);
  }
  console.log(`\n== ${n.toLocaleString('en-US')} purchases, ${items.length.toLocaleString('en-US')} items (generated in ${ms(t0)})`);
  t0 = performance.now();
  const byPurchase = new Map<string, ItemRecord[]>();
  for (const it of items) byPurchase.set(it.purchaseId, [...(byPurchase.get(it.purchaseId) ?? []), it]);
  await db.purchases.bulkPut(purchases.map((p) => nest(p, byPurchase.get(p.id) ?? [])));
  await rebuildRollups(db);
  console.log(`seed into fake-indexeddb: ${ms(t0)}`);

  t0 = performance.now();
  const file = await buildExport(db, Date.now(), { app: 'bench' });
  const tRead = ms(t0);
  let t1 = performance.now();
  const json = JSON.stringify(file);
  const tStringify = ms(t1);
  console.log(`export JSON: read ${tRead} + stringify ${tStringify} = ${ms(t0)}; ${(Buffer.byteLength(json) / 1048576).toFixed(1)} MB`);

  t0 = performance.now();
  const csv = await exportCsv(db);
  console.log(`export CSV: ${ms(t0)}; ${(Buffer.byteLength(csv) / 1048576).toFixed(1)} MB`);

  t0 = performance.now();
  const plan = parseImport(json, { maxBytes: 1024 * 1048576 });
  if (!plan.ok) throw new Error(plan.error);
  console.log(`parseImport (whole-file validation, cap lifted): ${ms(t0)}`);
  const capped = parseImport(json);
  console.log(`parseImport with the default cap (MAX_IMPORT_BYTES): ${capped.ok ? 'accepted' : `refused: ${capped.error}`}`);

  const target = new FootprintDB(`bench-target-${n}`);
  await target.open();
  t0 = performance.now();
  const r = await applyImport(target, plan);
  if (!r.ok) throw new Error(r.error);
  console.log(`applyImport into an empty DB (one transaction + rollup rebuild): ${ms(t0)}`);
  t0 = performance.now();
  const again = await applyImport(target, plan);
  if (!again.ok) throw new Error(again.error);
  console.log(`applyImport of the same file again (all unchanged): ${ms(t0)}`);

  t0 = performance.now();
  const backup = await encryptBackup(json, 'bench passphrase');
  t1 = performance.now();
  const back = await decryptBackup(backup, 'bench passphrase', { maxBytes: 1024 * 1048576 });
  if (!back.ok || back.text !== json) throw new Error('backup round trip failed');
  console.log(`encrypt (600k PBKDF2 + AES-GCM + base64): ${Math.round(t1 - t0)} ms; decrypt: ${ms(t1)}; ${(backup.length / 1048576).toFixed(1)} MB`);
  db.close();
  target.close();
}

const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
for (const n of sizes.length ? sizes : [10_000, 100_000]) await run(n);
