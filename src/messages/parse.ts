import type { Message } from './protocol';
import { ALLOWED } from './protocol';
import type { SenderRole } from './senders';
import * as v from './validate';
import { validateSettingsPatch } from '../store/settings';

/** Turns an untrusted message into a typed one, or throws InvalidPayload with the reason. */
export function parseMessage(raw: unknown, role: SenderRole): Message {
  if (role === 'untrusted') throw new v.InvalidPayload('sender not allowed');
  if (!v.isPlainObject(raw) || typeof raw.type !== 'string') throw new v.InvalidPayload('not a message');
  const type = raw.type;
  if (!(ALLOWED[role] as readonly string[]).includes(type)) throw new v.InvalidPayload(`${type} is not allowed from ${role}`);
  switch (type) {
    case 'page/seen':
      return { type, kind: v.pageKind(raw.kind), product: raw.product === null ? null : v.product(raw.product) };
    case 'orders/seen':
      return { type, orders: v.orders(raw.orders) };
    case 'trips/seen':
      return { type, trips: v.trips(raw.trips) };
    case 'purchase/undo':
      return { type, purchaseId: v.id(raw.purchaseId) };
    case 'reader/load':
      return { type };
    case 'purchases/list':
      return { type, offset: v.int(raw.offset, 0, 1e7), limit: v.int(raw.limit, 1, 500) };
    case 'purchase/delete':
      return { type, id: v.id(raw.id) };
    case 'purchases/query':
      return { type, query: v.purchaseQuery(raw.query) };
    case 'purchase/add':
      return { type, purchase: v.manualPurchase(raw.purchase) };
    case 'item/update':
      return { type, itemId: v.id(raw.itemId), patch: v.itemPatch(raw.patch) };
    case 'item/delete':
      return { type, itemId: v.id(raw.itemId) };
    case 'data/import-preview':
    case 'data/import':
      return { type, text: v.bigText(raw.text), passphrase: v.passphrase(raw.passphrase, false) };
    case 'data/export-page':
      return { type, after: v.exportCursor(raw.after), limit: v.int(raw.limit, 1, 10_000), ...v.pipeTarget(raw.pipe) };
    case 'data/export-csv-page':
      return { type, after: v.csvCursor(raw.after), limit: v.int(raw.limit, 1, 10_000), ...v.pipeTarget(raw.pipe) };
    case 'data/import-begin':
      // Without a start, the file comes whole on the pipe (`data/import-file`), so a pipe is required.
      if (raw.start === undefined) return { type, pipe: v.pipeName(raw.pipe) };
      return { type, start: v.stageStart(raw.start), ...(raw.pipe === undefined ? {} : { pipe: v.pipeName(raw.pipe) }) };
    case 'data/import-file': {
      const { pipe } = v.pipeTarget(raw.pipe);
      if (!pipe) throw new v.InvalidPayload('a file sent on no pipe');
      return { type, importId: v.importId(raw.importId), pipe };
    }
    case 'data/import-chunk': {
      const head = { type, importId: v.importId(raw.importId), table: v.tableName(raw.table), start: v.int(raw.start, 0, 1e7) };
      // The records come in the message or on the pipe it names, never both.
      const { pipe } = v.pipeTarget(raw.pipe);
      if (pipe && raw.rows !== undefined) throw new v.InvalidPayload('records both in the message and on a pipe');
      return pipe ? { ...head, pipe } : { ...head, rows: v.importRows(raw.rows) };
    }
    case 'data/import-check':
    case 'data/import-commit':
    case 'data/import-ping':
    case 'data/import-abort':
      return { type, importId: v.importId(raw.importId) };
    case 'settings/set': {
      const patch = validateSettingsPatch(raw.patch);
      if (!patch) throw new v.InvalidPayload('bad settings');
      return { type, patch };
    }
    case 'summary/get':
    case 'settings/get':
    case 'categories/list':
    case 'status/get':
    case 'viewed/list':
    case 'viewed/clear':
    case 'tab/estimate':
    case 'data/export':
    case 'data/export-start':
    case 'data/wipe-preview':
    case 'data/wipe':
      return { type };
    default:
      throw new v.InvalidPayload(`unknown message ${type}`);
  }
}
