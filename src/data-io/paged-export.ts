import type { Replies } from '../messages/protocol';
import { call, type PageSend } from '../popup/api';
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

/** Joins the inner texts of a list's pages with commas, skipping empty ones. */
function joined<P>(pieces: ReadonlyArray<{ text: string; piece: P }>): Array<P | string> {
  const out: Array<P | string> = [];
  for (const { text, piece } of pieces) {
    if (!text) continue;
    if (out.length) out.push(',');
    out.push(piece);
  }
  return out;
}

/**
 * Asks for pages one after another, each request sent as soon as the previous reply names its cursor, so
 * the background reads and writes page k + 1 while the page takes in page k. Texts come on a pipe
 * (`pipe.ts`) where the context has one, else in the replies.
 */
async function* pages<C, R extends { texts: string[] | null; next: C | null }>(
  ask: (after: C | null, pipe: PipeTarget | undefined) => Promise<R>,
  usePipe: boolean,
): AsyncGenerator<{ reply: R; texts: string[] }> {
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
      yield { reply, texts: reply.texts ?? (await reader!.take(mine)) };
      if (reply.next === null) return;
    }
  } finally {
    reader?.close();
  }
}

/** The file in parts, each page's two texts made into `P`s as they come (strings, or Blobs). */
async function exportJsonParts<P>(send: PageSend, options: PagedExportOptions, piece: (text: string) => P): Promise<{ parts: Array<P | string>; counts: TableCounts }> {
  const limit = options.pageSize ?? EXPORT_PAGE_SIZE;
  const start = await call(send, { type: 'data/export-start' });
  const counts: TableCounts = { purchases: 0, items: 0, viewed: start.viewed.length, settings: start.settings.length };
  const purchases: Array<{ text: string; piece: P }> = [];
  const items: Array<{ text: string; piece: P }> = [];
  const ask = (after: string | null, pipe: PipeTarget | undefined): Promise<Replies['data/export-page']> =>
    call(send, { type: 'data/export-page', after, limit, ...(pipe ? { pipe } : {}) });
  for await (const { reply, texts } of pages(ask, options.pipe ?? canPipe())) {
    const [p = '', i = ''] = texts;
    purchases.push({ text: p, piece: piece(p) });
    items.push({ text: i, piece: piece(i) });
    counts.purchases += reply.count;
    counts.items += reply.itemCount;
    options.onProgress?.(counts.purchases, Math.max(start.purchases, counts.purchases));
  }
  // Counts are known only at the end (the history may change while it is read), and they come first in the file.
  const head =
    `{"format":${JSON.stringify(EXPORT_FORMAT)},"schemaVersion":${start.schemaVersion},"exportedAt":${JSON.stringify(start.exportedAt)},` +
    `"app":${JSON.stringify(options.app ?? 'unknown')},"counts":${JSON.stringify(counts)},"tables":{"purchases":[`;
  const parts = [head, ...joined(purchases), '],"items":[', ...joined(items), `],"viewed":${JSON.stringify(start.viewed)},"settings":${JSON.stringify(start.settings)}}}`];
  return { parts, counts };
}

export async function pagedExportJson(send: PageSend, options: PagedExportOptions = {}): Promise<ExportedFile> {
  const { parts, counts } = await exportJsonParts(send, options, (text) => text);
  return { parts, counts };
}

/**
 * The file as a `Blob`, for saving: each page becomes a `Blob` as soon as it arrives, while the background
 * writes the next one, so the text is handed to the browser piece by piece instead of all at the end
 * (~0.4 s for 100k purchases on the bench machine), and the page keeps no string of it.
 */
export async function pagedExportJsonBlob(send: PageSend, options: PagedExportOptions = {}): Promise<{ blob: Blob; counts: TableCounts }> {
  const { parts, counts } = await exportJsonParts(send, options, (text) => new Blob([text]));
  return { blob: new Blob(parts, { type: 'application/json' }), counts };
}

/** The CSV file (see `csv.ts`) in parts: header, then each page's rows. */
export async function pagedExportCsv(send: PageSend, options: Pick<PagedExportOptions, 'pageSize' | 'pipe'> = {}): Promise<string[]> {
  const limit = options.pageSize ?? EXPORT_PAGE_SIZE;
  const parts = [csvHeader()];
  const ask = (after: CsvCursor | null, pipe: PipeTarget | undefined): Promise<Replies['data/export-csv-page']> =>
    call(send, { type: 'data/export-csv-page', after, limit, ...(pipe ? { pipe } : {}) });
  for await (const { texts } of pages(ask, options.pipe ?? canPipe())) for (const text of texts) if (text) parts.push(text);
  return parts;
}
