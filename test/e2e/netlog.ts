import { readFileSync } from 'node:fs';

export interface NetLogRequest {
  url: string;
  initiator: string | null;
  method: string | null;
}

/**
 * The URL requests in a Chromium NetLog file. The file is only closed properly when the browser exits;
 * a cut-off tail is repaired so that a crash still yields what was logged.
 */
export function readNetLog(path: string): NetLogRequest[] {
  let raw = readFileSync(path, 'utf8').trim();
  if (!raw.endsWith('}')) raw = raw.replace(/,\s*$/, '') + ']}';
  let log: { constants: { logEventTypes: Record<string, number> }; events: Array<{ type: number; params?: Record<string, unknown> }> };
  try {
    log = JSON.parse(raw) as typeof log;
  } catch {
    const cut = raw.lastIndexOf('},');
    log = JSON.parse(`${raw.slice(0, cut + 1)}]}`) as typeof log;
  }
  const types = log.constants.logEventTypes;
  const wanted = new Set([types.URL_REQUEST_START_JOB, types.REQUEST_ALIVE].filter((t): t is number => t !== undefined));
  const out: NetLogRequest[] = [];
  for (const e of log.events) {
    if (!wanted.has(e.type) || !e.params) continue;
    const url = e.params.url;
    if (typeof url !== 'string') continue;
    out.push({ url, initiator: typeof e.params.initiator === 'string' ? e.params.initiator : null, method: typeof e.params.method === 'string' ? e.params.method : null });
  }
  return out;
}
