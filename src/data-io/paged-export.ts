import type { Replies } from '../messages/protocol';
import { call, type PageSend } from '../popup/api';
import { decodePurchase, type PurchaseRow } from '../store/purchase-codec';
import { itemRows, purchaseRow } from '../store/stored-purchase';
import { csvHeader } from './csv';
import type { CsvCursor } from './export-csv';
import { EXPORT_FORMAT, type TableCounts } from './format';
import { canPipe, PipeReader, type PipeTarget } from './pipe';

/**
 * The page's half of the paged export (see `export-page.ts`): asks the background for the records a few
 * thousand purchases at a time and returns the file as parts for a `Blob`, so neither a message nor one
 * string ever holds the whole history. The JSON parts make one valid document, key for key what
 * `exportJson` writes.
 */

/** Purchases per message: a few MB of JSON, far under Chrome's 64 MB limit on one message. */
export const EXPORT_PAGE_SIZE = 4000;

export interface PagedExportOptions {
  /** Version of the extension writing the file. */
  app?: string;
  pageSize?: number;
  /** Whether texts come on a `BroadcastChannel` (default: wherever there is one; see `pipe.ts`). */
  pipe?: boolean;
  /** Purchases received so far, of about `total`. */
  onProgress?: (done: number, total: number) => void;
}

export interface ExportedFile {
  /** The file's text, in pieces (join them, or hand them to `new Blob(parts)`). */
  parts: string[];
  counts: TableCounts;
}

/** Joins JSON pieces that are lists' inner text, skipping empty ones. */
function joined(pieces: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of pieces) {
    if (!p) continue;
    if (out.length) out.push(',');
    out.push(p);
  }
  return out;
}

/**
 * Asks for pages one after another, each request sent as soon as the previous reply names its cursor, so
 * the background reads page k + 1 while the page turns page k into the file. Texts come on a pipe
 * (`pipe.ts`) where the context has one, else in the replies.
 */
async function* pages<C, R extends { rows: string | null; next: C | null }>(
  ask: (after: C | null, pipe: PipeTarget | undefined) => Promise<R>,
  usePipe: boolean,
): AsyncGenerator<{ reply: R; text: string }> {
  const reader = usePipe ? new PipeReader() : null;
  let seq = 0;
  const request = (after: C | null) => ask(after, reader ? { name: reader.name, seq: seq++ } : undefined);
  try {
    let pending = request(null);
    let asked = 0;
    for (;;) {
      const reply = await pending;
      const mine = asked++;
      if (reply.next !== null) pending = request(reply.next);
      // The request still in flight must not reject unobserved when this one fails.
      else pending = Promise.reject(new Error('no more pages'));
      pending.catch(() => {});
      yield { reply, text: reply.rows ?? (await reader!.take(mine)) };
      if (reply.next === null) return;
    }
  } finally {
    reader?.close();
  }
}

export async function pagedExportJson(send: PageSend, options: PagedExportOptions = {}): Promise<ExportedFile> {
  const limit = options.pageSize ?? EXPORT_PAGE_SIZE;
  const start = await call(send, { type: 'data/export-start' });
  const counts: TableCounts = { purchases: 0, items: 0, viewed: start.viewed.length, settings: start.settings.length };
  const purchases: string[] = [];
  const items: string[] = [];
  const ask = (after: string | null, pipe: PipeTarget | undefined): Promise<Replies['data/export-page']> =>
    call(send, { type: 'data/export-page', after, limit, ...(pipe ? { pipe } : {}) });
  for await (const { text } of pages(ask, options.pipe ?? canPipe())) {
    // Compact rows in, the file's rows out: each page becomes a piece of each of the two lists.
    const stored = (JSON.parse(text) as PurchaseRow[]).map(decodePurchase);
    const rows = stored.flatMap(itemRows);
    purchases.push(JSON.stringify(stored.map(purchaseRow)).slice(1, -1));
    items.push(JSON.stringify(rows).slice(1, -1));
    counts.purchases += stored.length;
    counts.items += rows.length;
    options.onProgress?.(counts.purchases, Math.max(start.purchases, counts.purchases));
  }
  // Counts are known only at the end (the history may change while it is read), and they come first in the file.
  const head =
    `{"format":${JSON.stringify(EXPORT_FORMAT)},"schemaVersion":${start.schemaVersion},"exportedAt":${JSON.stringify(start.exportedAt)},` +
    `"app":${JSON.stringify(options.app ?? 'unknown')},"counts":${JSON.stringify(counts)},"tables":{"purchases":[`;
  const parts = [head, ...joined(purchases), '],"items":[', ...joined(items), `],"viewed":${JSON.stringify(start.viewed)},"settings":${JSON.stringify(start.settings)}}}`];
  return { parts, counts };
}

/** The CSV file (see `csv.ts`) in parts: header, then each page's rows. */
export async function pagedExportCsv(send: PageSend, options: Pick<PagedExportOptions, 'pageSize' | 'pipe'> = {}): Promise<string[]> {
  const limit = options.pageSize ?? EXPORT_PAGE_SIZE;
  const parts = [csvHeader()];
  const ask = (after: CsvCursor | null, pipe: PipeTarget | undefined): Promise<Replies['data/export-csv-page']> =>
    call(send, { type: 'data/export-csv-page', after, limit, ...(pipe ? { pipe } : {}) });
  for await (const { text } of pages(ask, options.pipe ?? canPipe())) if (text) parts.push(text);
  return parts;
}
