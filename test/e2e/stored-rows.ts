/**
 * Purchases, or their items (inside their purchases since schema 3, packed by day since schema 4), counted
 * straight from the extension's IndexedDB. Self-contained: it is passed to `worker.evaluate` and runs in the service worker.
 *
 * It never creates the database. Opened without a version before the extension has made it, IndexedDB
 * would create an empty version-1 database, and this open connection would then block the extension's
 * own upgrade: every later message touching the store would wait (a flaky 60 s time-out in popup.e2e.ts).
 * So the upgrade that creating it needs is aborted, and a missing database or table counts as empty.
 */
export function countStoredRows(kind: 'purchases' | 'items'): Promise<number> {
  return new Promise<number>((done, reject) => {
    const req = indexedDB.open('local-footprint');
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = () => (req.error?.name === 'AbortError' ? done(0) : reject(req.error));
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('days')) {
        db.close();
        done(0);
        return;
      }
      const all = db.transaction('days', 'readonly').objectStore('days').getAll();
      all.onsuccess = () => {
        // Days as src/store/packs.ts writes them, their purchases in `r`, as rows of src/store/purchase-codec.ts: items in `i`.
        const rows = (all.result as Array<{ r: Array<{ i: unknown[] }> }>).flatMap((d) => d.r);
        db.close();
        done(kind === 'purchases' ? rows.length : rows.reduce((n, p) => n + p.i.length, 0));
      };
      all.onerror = () => {
        db.close();
        reject(all.error);
      };
    };
  });
}
