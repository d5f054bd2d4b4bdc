import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readHtml } from '../../../scripts/lib/dom.ts';

/**
 * The only network Firefox has in the smoke test: a forward HTTP proxy on 127.0.0.1 that Firefox is told
 * to use for everything (see prefs.ts). It answers the shop pages itself, from files, and refuses the rest:
 * plain-HTTP requests for anything else get 403, and CONNECT (HTTPS, WebSocket over TLS) is always refused,
 * so no byte it receives is ever forwarded anywhere. Every request it sees is logged, which makes the log a
 * complete record of what Firefox tried to reach over HTTP(S).
 */

export interface ProxyRoute {
  host: string;
  /** Path + query, e.g. "/gp/your-account/order-details?orderID=…". */
  path: string;
  file?: string;
  html?: string;
  /** The page's Content-Security-Policy; `script-src 'none'` (as in the Chromium test) when not given. */
  csp?: string;
  /**
   * Navigation chaining without page scripts (the pages are served with `script-src 'none'`): the value of
   * an HTTP `Refresh` header for the n-th request of this route (0-based), or null for none.
   */
  refresh?: (n: number) => string | null;
}

export interface ProxyRequest {
  at: number;
  /** GET, CONNECT, … */
  method: string;
  /** Absolute URL for plain HTTP, host:port for CONNECT. */
  target: string;
  host: string;
  path: string;
  /** What the proxy answered: 200 page, 404 unknown path on a page host, 403 refused. */
  status: number;
}

export interface ShopProxy {
  port: number;
  requests: ProxyRequest[];
  /** How many times a route has been served. */
  served(host: string, path: string): number;
  close(): Promise<void>;
}

export async function startShopProxy(routes: ProxyRoute[], host = '127.0.0.1'): Promise<ShopProxy> {
  const requests: ProxyRequest[] = [];
  const counts = new Map<string, number>();
  const pageHosts = new Set(routes.map((r) => r.host));
  const key = (h: string, p: string) => `${h}${p}`;

  const server: Server = createServer((req, res) => {
    const { host: reqHost, path } = targetOf(req);
    const target = /^https?:\/\//i.test(req.url ?? '') ? req.url! : `http://${reqHost}${path}`;
    const route = routes.find((r) => r.host === reqHost && r.path === path);
    const log = (status: number) => requests.push({ at: Date.now(), method: req.method ?? '?', target, host: reqHost, path, status });
    if (!route) {
      const status = pageHosts.has(reqHost) ? 404 : 403;
      log(status);
      res.writeHead(status, { 'content-type': 'text/plain', connection: 'close' });
      res.end(status === 404 ? 'not found' : 'blocked by the test proxy');
      return;
    }
    const n = counts.get(key(route.host, route.path)) ?? 0;
    counts.set(key(route.host, route.path), n + 1);
    log(200);
    const headers: Record<string, string> = {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': route.csp ?? "script-src 'none'",
      'cache-control': 'no-store',
    };
    const refresh = route.refresh?.(n);
    if (refresh) headers.refresh = refresh;
    res.writeHead(200, headers);
    res.end(route.html ?? readHtml(route.file!));
  });

  // HTTPS through a proxy starts with CONNECT: log it and refuse, never tunnel.
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    const target = req.url ?? '';
    requests.push({ at: Date.now(), method: 'CONNECT', target, host: target.replace(/:\d+$/, ''), path: '', status: 403 });
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
  });
  // WebSocket upgrades over plain HTTP: refused the same way.
  server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
    const { host: reqHost, path } = targetOf(req);
    requests.push({ at: Date.now(), method: `UPGRADE ${req.method ?? ''}`.trim(), target: req.url ?? '', host: reqHost, path, status: 403 });
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    served: (h, p) => counts.get(key(h, p)) ?? 0,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Host and path of a proxied request ("GET http://host/path") or a direct one ("GET /path", Host: host). */
function targetOf(req: IncomingMessage): { host: string; path: string } {
  const raw = req.url ?? '/';
  if (/^https?:\/\//i.test(raw)) {
    try {
      const u = new URL(raw);
      return { host: u.hostname, path: `${u.pathname}${u.search}` };
    } catch {
      return { host: '', path: raw };
    }
  }
  return { host: (req.headers.host ?? '').replace(/:\d+$/, ''), path: raw };
}
