import type { Order } from '../types';

/**
 * One shop's (or platform's, or e-mail sender's) order reader. How it is recognised must stay cheap: it
 * is checked on every page. Ids are looked up directly (indexed); each signature is one query.
 */
export interface OrderReader {
  id: string;
  /** Shop host suffixes (matched on URL.hostname: equal, or ends with '.' + suffix). Absent = any host (e-mails in web mail, platforms). */
  hosts?: readonly string[];
  /** URL paths of the reader's order pages. */
  path?: RegExp;
  /** Element ids that mark the reader's pages (e-mail templates): any present is enough. */
  ids?: readonly string[];
  /** One simple CSS selector that marks the reader's pages on any host (platform themes, e-mail templates). */
  signature?: string;
  /**
   * Check `signature` only on pages that already look like an order confirmation (URL path or
   * title/h1 wording, gate.ts): an absent selector costs a full document walk, so only readers whose
   * pages may carry no such wording (e-mails) pay it on every page.
   */
  signatureAfterGate?: boolean;
  /** The orders on the page; [] when this is not an order page after all. */
  read(document: Document, url: URL): Order[];
}
