/**
 * Who sent a runtime message. Decided only from what the browser fills in (`MessageSender`), never
 * from the payload. Anything that is not clearly our own extension page or our own content script
 * in a top-level web page is `untrusted` and gets nothing.
 */
export type SenderRole = 'extension-page' | 'content-script' | 'untrusted';

export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; incognito?: boolean };
  frameId?: number;
}

export function senderRole(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderRole {
  if (sender.id !== extensionId) return 'untrusted';
  // An opaque origin (sandboxed frame, data: URL) can never be ours.
  if (sender.origin === 'null') return 'untrusted';
  const url = parseUrl(sender.url);
  if (!url) return 'untrusted';
  const base = extensionOrigin.replace(/\/$/, '');
  if (url.origin === base || `${url.protocol}//${url.host}` === base) {
    if (sender.origin !== undefined && sender.origin !== base) return 'untrusted';
    return 'extension-page';
  }
  if ((url.protocol === 'https:' || url.protocol === 'http:') && sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0) {
    return 'content-script';
  }
  return 'untrusted';
}

function parseUrl(u: string | undefined): URL | null {
  if (!u) return null;
  try {
    return new URL(u);
  } catch {
    return null;
  }
}
