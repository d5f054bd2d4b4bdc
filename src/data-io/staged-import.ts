import type { PageSend } from '../popup/api';
import type { Replies } from '../messages/protocol';
import { decryptBackup, isEncryptedBackup } from './crypto';
import { encodePurchase, type PurchaseRow } from '../store/purchase-codec';
import type { ItemRecord } from '../store/records';
import { nest } from '../store/stored-purchase';
import { TABLES, type TableName } from './format';
import { inWindow } from './in-window';
import { canPipe, PipeWriter } from './pipe';
import { parseImport, single, type ImportError, type ImportPlan, type ImportPreview, type ImportResult } from './parse-import';

/**
 * The page's half of a staged import (see `staging.ts` for the background's):
 *
 * 1. `checkImportFile` decrypts (a backup's passphrase never leaves the page) and checks the whole file
 *    here. Nothing is sent before the whole file is valid.
 * 2. `stageImport` sends the checked records in chunks (purchases with their items inside, compact); the
 *    background checks them again and holds them.
 *    Where there is a pipe (`pipe.ts`), `sendImportFile` replaces 1 and 2: the page decrypts, and the
 *    file's text goes to the background whole, in one copy, to be parsed and checked once there (the same
 *    `parseImport`, so the same messages). Checking in the page, sending rows and checking them again
 *    cost 3.7 s of a 6.3 s import of 100k purchases.
 * 3. `data/import-check` says what would change; the user decides.
 * 4. `commitImport` has the background write everything in one transaction, or `abortImport` drops it.
 *
 * If the background is stopped on the way (the browser may end an idle service worker), the records it
 * held are gone and nothing was written: every step then fails with a message that says to try again.
 */

/** Records per chunk: a few MB of JSON per message. */
export const CHUNK_ROWS = 5000;

/**
 * Chunks in flight at once. One: several at once were measured no faster (the message channel is the
 * limit) and hold more memory; the background accepts them in any order all the same.
 */
export const CHUNK_CONCURRENCY = 1;

/**
 * With a pipe the channel is no longer the limit: two chunks at once let the page write the next chunk's
 * text while the background checks the last one.
 */
export const PIPED_CHUNK_CONCURRENCY = 2;

/** When the background does not answer at all (stopped while busy), the page cannot know more than this. */
export const LOST =
  'The import was interrupted: the extension stopped before it answered. If the import had finished, importing the file again changes nothing; otherwise nothing was changed. Try again.';

/** A reply, or an error with its message; a message that got no answer at all becomes `LOST`. */
async function ask<T extends keyof Replies & `data/${string}`>(send: PageSend, msg: Parameters<PageSend>[0] & { type: T }): Promise<Replies[T]> {
  let reply: Awaited<ReturnType<PageSend>>;
  try {
    reply = await send(msg as never);
  } catch {
    throw new Error(LOST);
  }
  if (!reply || typeof reply !== 'object') throw new Error(LOST);
  if (!reply.ok) throw new Error(reply.error);
  return reply as unknown as Replies[T];
}

/** The file's text, decrypted here when it is a backup: its passphrase never leaves the page. */
async function plainText(text: string, passphrase: string | null): Promise<{ ok: true; text: string } | ImportError> {
  if (!isEncryptedBackup(text)) return { ok: true, text };
  if (!passphrase) return single('This is an encrypted backup: enter its passphrase.');
  return decryptBackup(text, passphrase);
}

/** Decrypts when it is a backup, then checks the whole file. */
export async function checkImportFile(text: string, passphrase: string | null): Promise<ImportPlan | ImportError> {
  const plain = await plainText(text, passphrase);
  return plain.ok ? parseImport(plain.text) : plain;
}

/** Decrypts when it is a backup; then the background checks the whole file and holds it. Returns the import's id. */
export async function sendImportFile(send: PageSend, text: string, passphrase: string | null): Promise<string> {
  const plain = await plainText(text, passphrase);
  if (!plain.ok) throw new Error(plain.error);
  const pipe = new PipeWriter();
  try {
    const { importId } = await ask(send, { type: 'data/import-begin', pipe: pipe.name });
    try {
      await ask(send, { type: 'data/import-file', importId, pipe: pipe.post(0, [plain.text]) });
    } catch (e) {
      void abortImport(send, importId);
      throw e;
    }
    return importId;
  } finally {
    pipe.close();
  }
}

export interface StageOptions {
  chunkRows?: number;
  concurrency?: number;
  /** Whether chunks' texts go on a `BroadcastChannel` (default: wherever there is one; see `pipe.ts`). */
  pipe?: boolean;
  /** Records sent so far, of `total`. */
  onProgress?: (sent: number, total: number) => void;
}

/**
 * What the page sends: purchases as compact rows with their items inside (`purchase-codec.ts`, half the
 * bytes of the file's two lists), then the items whose purchase is not in the file, viewed products and
 * settings as the file has them.
 */
export function outgoing(plan: ImportPlan): Record<TableName, unknown[]> {
  const byPurchase = new Map<string, ItemRecord[]>();
  for (const it of plan.data.items) {
    const list = byPurchase.get(it.purchaseId);
    if (list) list.push(it);
    else byPurchase.set(it.purchaseId, [it]);
  }
  const purchases = plan.data.purchases.map((p) => {
    const row = encodePurchase(nest(p, byPurchase.get(p.id) ?? []));
    byPurchase.delete(p.id);
    return row;
  });
  return { purchases, items: [...byPurchase.values()].flat(), viewed: plan.data.viewed, settings: plan.data.settings };
}

/** Sends a checked plan's records to the background; returns the id to check, commit or abort it with. */
export async function stageImport(send: PageSend, plan: ImportPlan, options: StageOptions = {}): Promise<string> {
  const size = options.chunkRows ?? CHUNK_ROWS;
  const total = TABLES.reduce((n, t) => n + plan.data[t].length, 0);
  const data = outgoing(plan);
  const pipe = (options.pipe ?? canPipe()) ? new PipeWriter() : null;
  try {
    const { importId } = await ask(send, {
      type: 'data/import-begin',
      start: { schemaVersion: plan.schemaVersion, exportedAt: plan.exportedAt, app: plan.app, counts: plan.counts, outside: data.items.length, months: plan.monthRows },
      ...(pipe ? { pipe: pipe.name } : {}),
    });
    const chunks: Array<{ table: TableName; start: number }> = [];
    for (const table of TABLES) for (let start = 0; start < data[table].length; start += size) chunks.push({ table, start });
    let sent = 0;
    try {
      await inWindow(chunks.length, options.concurrency ?? (pipe ? PIPED_CHUNK_CONCURRENCY : CHUNK_CONCURRENCY), async (k) => {
        const { table, start } = chunks[k]!;
        const rows = data[table].slice(start, start + size);
        const text = JSON.stringify(rows);
        const head = { type: 'data/import-chunk', importId, table, start } as const;
        await ask(send, pipe ? { ...head, pipe: pipe.post(k, [text]) } : { ...head, rows: text });
        sent += table === 'purchases' ? rows.reduce<number>((n, r) => n + 1 + (r as PurchaseRow).i.length, 0) : rows.length;
        options.onProgress?.(sent, total);
      });
    } catch (e) {
      void abortImport(send, importId);
      throw e;
    }
    return importId;
  } finally {
    pipe?.close();
  }
}

export async function previewStaged(send: PageSend, importId: string): Promise<ImportPreview> {
  return (await ask(send, { type: 'data/import-check', importId })).preview;
}

export async function commitImport(send: PageSend, importId: string): Promise<ImportResult> {
  return (await ask(send, { type: 'data/import-commit', importId })).result;
}

/** Whether the background still holds the import (asked while the dialog is open, which also keeps it awake). */
export async function importAlive(send: PageSend, importId: string): Promise<boolean> {
  try {
    return (await ask(send, { type: 'data/import-ping', importId })).alive;
  } catch {
    return false;
  }
}

export async function abortImport(send: PageSend, importId: string): Promise<void> {
  try {
    await ask(send, { type: 'data/import-abort', importId });
  } catch {
    // Nothing was written; a background that does not answer holds nothing either.
  }
}
