import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { join } from 'node:path';
import { readHtml } from '../../scripts/lib/dom.ts';
import { scratchDir } from './scratch.ts';

export interface Route {
  /** Host name the page is served under (the browser maps it to 127.0.0.1). */
  host: string;
  /** Path + query, e.g. "/dp/B00N150YS4". */
  path: string;
  /** File to serve (.html or .html.gz), or inline HTML. */
  file?: string;
  html?: string;
  /** The page's Content-Security-Policy (default `script-src 'none'`, which keeps its own scripts quiet). */
  csp?: string;
}

export interface ShopServer {
  port: number;
  requests: Array<{ host: string; path: string }>;
  close(): Promise<void>;
}

/** A throwaway self-signed certificate; the browser is started with --ignore-certificate-errors. */
export function makeCert(): { key: Buffer; cert: Buffer } {
  const dir = scratchDir('lf-cert-');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

/**
 * Serves real shop pages under their own host names on 127.0.0.1. `script-src 'none'` keeps the page's
 * own scripts quiet while its DOM stays whole, as the content script would see it after load.
 */
export async function startShopServer(routes: Route[], port = 443): Promise<ShopServer> {
  const { key, cert } = makeCert();
  const requests: ShopServer['requests'] = [];
  const server: Server = createServer({ key, cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = req.url ?? '/';
    requests.push({ host, path });
    const route = routes.find((r) => r.host === host && r.path === path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const body = route.html ?? readHtml(route.file!);
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': route.csp ?? "script-src 'none'",
      'cache-control': 'no-store',
    });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
