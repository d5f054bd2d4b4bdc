import { createServer as createNetServer } from 'node:net';
import { createServer, type Server } from 'node:https';
import { readHtml } from '../lib/dom.ts';
import { makeCert } from '../../test/e2e/server.ts';

export interface BenchRoute {
  host: string;
  path: string;
  file: string;
}

export interface BenchServer {
  port: number;
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (the e2e tests use 443; the bench must not collide with them). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Like test/e2e/server.ts (HTTPS, script-src 'none' so the page's own scripts stay quiet, the DOM whole),
 * plus COOP/COEP so the page is cross-origin isolated: performance.now() then ticks in 5 µs steps instead
 * of 100 µs, which the sub-millisecond figures need. Pages are read once and kept in memory.
 */
export async function startBenchServer(routes: BenchRoute[], port: number): Promise<BenchServer> {
  const { key, cert } = makeCert();
  const cache = new Map<string, string>();
  const server: Server = createServer({ key, cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const route = routes.find((r) => r.host === host && r.path === (req.url ?? '/'));
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    let body = cache.get(route.file);
    if (body === undefined) {
      body = readHtml(route.file);
      cache.set(route.file, body);
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "script-src 'none'",
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cache-control': 'no-store',
    });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { port, close: () => new Promise<void>((r) => server.close(() => r())) };
}
