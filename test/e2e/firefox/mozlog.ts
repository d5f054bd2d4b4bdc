import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Firefox's own log (MOZ_LOG), used as a second, independent network audit beside the proxy log.
 *
 * - `CSMLog:5` (the content security manager) prints one block per channel opened anywhere in Firefox, in
 *   the parent and in every content/extension process, *before* any policy (CSP, proxy, …) decides about
 *   it: the URI, the loading principal (whose page/document it is for) and the triggering principal (who
 *   asked for it). A request by the extension, from its background page, popup or content script (whose
 *   principal is an expanded principal that includes the extension's), names `moz-extension://<uuid>`.
 * - `nsHostResolver:5` prints every host name Firefox resolves: with all traffic sent to the proxy there
 *   should be none but the proxy's own IP literal.
 *
 * Every process writes its own file (`<MOZ_LOG_FILE>`, `<MOZ_LOG_FILE>.child-N`, with a `.moz_log` suffix).
 */
export const MOZ_LOG_MODULES = 'sync,CSMLog:5,nsHostResolver:5';

export interface Channel {
  uri: string;
  loadingPrincipal: string;
  triggeringPrincipal: string;
  type: string;
}

export interface MozLog {
  channels: Channel[];
  /** Host names passed to the resolver. */
  resolved: string[];
  files: number;
}

export function readMozLog(dir: string): MozLog {
  const channels: Channel[] = [];
  const resolved: string[] = [];
  if (!existsSync(dir)) return { channels, resolved, files: 0 };
  const files = readdirSync(dir).filter((f) => f.includes('moz_log') || f.endsWith('.log'));
  for (const f of files) {
    let cur: Partial<Channel> | null = null;
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (line.includes('#DebugDoContentSecurityCheck Begin')) {
        cur = {};
        continue;
      }
      if (line.includes('#DebugDoContentSecurityCheck End')) {
        if (cur?.uri !== undefined) {
          channels.push({ uri: cur.uri, loadingPrincipal: cur.loadingPrincipal ?? '', triggeringPrincipal: cur.triggeringPrincipal ?? '', type: cur.type ?? '' });
        }
        cur = null;
        continue;
      }
      if (cur) {
        const m = /CSMLog\s+(channelURI|loadingPrincipal|triggeringPrincipal|externalContentPolicyType): (.*)$/.exec(line);
        if (m) {
          const value = m[2]!.trim().replace(/^"(.*)"$/, '$1');
          if (m[1] === 'channelURI') cur.uri = value;
          else if (m[1] === 'loadingPrincipal') cur.loadingPrincipal = value;
          else if (m[1] === 'triggeringPrincipal') cur.triggeringPrincipal = value;
          else cur.type = value;
        }
        continue;
      }
      const r = /nsHostResolver\s+Resolving host \[([^\]]*)\]/.exec(line);
      if (r) resolved.push(r[1]!);
    }
  }
  return { channels, resolved, files: files.length };
}

/** Schemes that never touch the network. */
const LOCAL_SCHEMES = /^(moz-extension|data|blob|about|resource|chrome|moz-src|jar|file|javascript|moz-icon|moz-page-thumb|page-icon|cached-favicon):/i;

export function isNetworkUri(uri: string): boolean {
  return !LOCAL_SCHEMES.test(uri);
}

/** Channels the extension asked for (or that load into one of its documents). */
export function extensionChannels(log: MozLog, extensionUuid: string): Channel[] {
  const ours = `moz-extension://${extensionUuid}`;
  return log.channels.filter((c) => c.triggeringPrincipal.includes(ours) || c.loadingPrincipal.includes(ours));
}
