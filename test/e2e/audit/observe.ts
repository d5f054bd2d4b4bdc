/**
 * The network audit's two observers (Playwright's request events and Chromium's NetLog) and the one rule
 * that judges what they saw, by initiator:
 *
 *   - the service worker and extension pages may request chrome-extension:// (and local data:/blob:) only;
 *   - a web page may request its own document, its own host, and hosts named in the HTML it was served
 *     (its own sub-resources; the test's DNS sends all of them nowhere anyway);
 *   - anything else is off-device on the extension's account: the page could not have asked for it.
 */
import type { BrowserContext, Request } from 'playwright-core';
import { readNetLog, type NetLogRequest } from '../netlog.ts';
import { readHtml } from '../../../scripts/lib/dom.ts';

export interface ServedPage {
  host: string;
  path: string;
  file: string;
}

/** `extension` is the NetLog's view: it names the extension's origin, not whether a page or the worker asked. */
export type Initiator = 'service-worker' | 'extension-page' | 'extension' | 'web-page' | 'browser';
export type Verdict = 'extension-local' | 'page-document' | 'page-subresource' | 'local' | 'browser-own' | 'off-device';

/**
 * Chromium's own services (sign-in probe, component updater), which it calls with no initiator even with
 * --disable-background-networking. The extension's own requests always carry its origin as initiator, so
 * these cannot be ours; they are reported, not blamed. (Our test DNS resolves none of them.)
 */
const CHROMIUM_OWN_HOSTS = /(^|\.)(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)$/;

export interface Judged {
  observer: 'playwright' | 'netlog';
  url: string;
  initiator: Initiator;
  /** Page URL (Playwright) or initiator origin (NetLog). */
  context: string;
  verdict: Verdict;
}

export interface AuditRules {
  extensionId: string;
  /** Full URLs of the documents the test navigated to. */
  documents: Set<string>;
  /** Per page origin (https://host): hosts that page's served HTML names, plus its own host. */
  allowedHostsByOrigin: Map<string, Set<string>>;
}

/** Host names written in an HTML source: absolute and protocol-relative URLs (also JSON-escaped ones). */
export function hostsInHtml(html: string): Set<string> {
  const hosts = new Set<string>();
  const text = html.replace(/\\\//g, '/').replace(/&#x2F;|&#47;/gi, '/').replace(/&#x3A;|&#58;/gi, ':');
  for (const m of text.matchAll(/(?:[a-z][a-z0-9+.-]*:)?\/\/([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)(?::\d+)?/gi)) {
    hosts.add(m[1]!.toLowerCase());
  }
  return hosts;
}

export function rulesFor(pages: readonly ServedPage[], extensionId: string): AuditRules {
  const documents = new Set<string>();
  const allowedHostsByOrigin = new Map<string, Set<string>>();
  for (const p of pages) {
    documents.add(`https://${p.host}${p.path}`);
    const origin = `https://${p.host}`;
    const set = allowedHostsByOrigin.get(origin) ?? new Set<string>([p.host]);
    for (const h of hostsInHtml(readHtml(p.file))) set.add(h);
    allowedHostsByOrigin.set(origin, set);
  }
  return { extensionId, documents, allowedHostsByOrigin };
}

function isLocal(url: string, extensionId: string): boolean {
  return url.startsWith(`chrome-extension://${extensionId}/`) || url.startsWith('data:') || url.startsWith(`blob:chrome-extension://${extensionId}/`) || url === 'about:blank';
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? `${u.protocol}//${u.host}` : null;
  } catch {
    return null;
  }
}

export function judge(rules: AuditRules, observer: Judged['observer'], url: string, initiator: Initiator, context: string): Judged {
  const done = (verdict: Verdict): Judged => ({ observer, url, initiator, context, verdict });
  if (initiator === 'service-worker' || initiator === 'extension-page' || initiator === 'extension') return done(isLocal(url, rules.extensionId) ? 'extension-local' : 'off-device');
  if (isLocal(url, rules.extensionId) || url.startsWith('data:') || url.startsWith('blob:')) return done('local');
  const bare = url.split('#')[0]!;
  if (rules.documents.has(bare)) return done('page-document');
  if (initiator === 'web-page') {
    const origin = originOf(context);
    const allowed = origin ? rules.allowedHostsByOrigin.get(origin) : undefined;
    const host = hostOf(url);
    if (allowed && host && allowed.has(host)) return done('page-subresource');
    return done('off-device');
  }
  // Browser-initiated (no initiator): the navigations the test made, and Chromium's own services.
  const host = hostOf(url);
  if (host && CHROMIUM_OWN_HOSTS.test(host)) return done('browser-own');
  return done('off-device');
}

export interface PlaywrightLog {
  requests: Array<{ url: string; initiator: Initiator; context: string }>;
}

/** Records every request the context reports: pages, frames and the extension's service worker. */
export function recordPlaywright(context: BrowserContext, extensionId: string): PlaywrightLog {
  const log: PlaywrightLog = { requests: [] };
  context.on('request', (r: Request) => {
    const sw = r.serviceWorker();
    if (sw) {
      log.requests.push({ url: r.url(), initiator: 'service-worker', context: sw.url() });
      return;
    }
    let frameUrl = '';
    try {
      frameUrl = r.frame().url();
    } catch {
      frameUrl = '';
    }
    const initiator: Initiator = frameUrl.startsWith(`chrome-extension://${extensionId}/`) ? 'extension-page' : frameUrl ? 'web-page' : 'browser';
    log.requests.push({ url: r.url(), initiator, context: frameUrl });
  });
  return log;
}

export function judgePlaywright(rules: AuditRules, log: PlaywrightLog): Judged[] {
  return log.requests.map((r) => judge(rules, 'playwright', r.url, r.initiator, r.context));
}

/** NetLog entries, deduplicated per (url, initiator), judged by their initiator origin. */
export function judgeNetLog(rules: AuditRules, netLogPath: string): { raw: number; judged: Judged[] } {
  const entries: NetLogRequest[] = readNetLog(netLogPath);
  const originOfInit = (i: string | null) => (i && (i.startsWith('http') || i.startsWith('chrome-extension://')) ? i : '');
  // A request appears as several events; some (REQUEST_ALIVE) carry no initiator. Those are judged by the
  // event that does, when there is one.
  const withInitiator = new Set(entries.filter((e) => originOfInit(e.initiator)).map((e) => e.url));
  const seen = new Set<string>();
  const judged: Judged[] = [];
  for (const e of entries) {
    const init = originOfInit(e.initiator);
    if (!init && withInitiator.has(e.url)) continue;
    const key = `${e.url} ${init}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const initiator: Initiator = init.startsWith(`chrome-extension://${rules.extensionId}`) ? 'extension' : init.startsWith('http') ? 'web-page' : 'browser';
    judged.push(judge(rules, 'netlog', e.url, initiator, init));
  }
  return { raw: entries.length, judged };
}

export function summarize(judged: readonly Judged[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const j of judged) {
    const k = `${j.initiator}/${j.verdict}`;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
