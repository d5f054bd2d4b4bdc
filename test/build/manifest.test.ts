/**
 * Checks on the built extensions (run by `npm test` after both builds): permissions explained, CSP
 * strict, nothing web-accessible, and no way to reach the network in the shipped code.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../shared.ts';
import { SHOP_MATCH_PATTERNS } from '../../src/shops/registry.ts';
import { TRAVEL_MATCH_PATTERNS } from '../../src/flights/sites.ts';

const BUILT_IN = new Set([...SHOP_MATCH_PATTERNS, ...TRAVEL_MATCH_PATTERNS]);

const BUILDS = { chromium: resolve(REPO_ROOT, '.output/chrome-mv3'), firefox: resolve(REPO_ROOT, '.output/firefox-mv2') };
const DOC = readFileSync(resolve(REPO_ROOT, 'docs/permissions.md'), 'utf8');

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; world?: string }>;
  content_security_policy?: string | { extension_pages?: string };
  web_accessible_resources?: unknown;
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { required?: string[] } } };
};

function manifest(dir: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} missing: build first (npm run build:all)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return jsFiles(p);
    return /\.(m?js|html)$/.test(name) ? [p] : [];
  });
}

/**
 * Strings that look like the network but are not: XML namespaces (Preact's SVG/MathML support) and the
 * explanatory links inside Dexie's error messages. None is ever requested.
 */
const URL_ALLOW = [/^https?:\/\/www\.w3\.org\//, /^https?:\/\/schema\.org\b/, /^http:\/\/bit\.ly\/2kdckMn$/, /^https:\/\/tinyurl\.com\/y2uuvskb$/];
const NETWORK_API = /\bfetch\s*\(|XMLHttpRequest|\bWebSocket\b|\bEventSource\b|sendBeacon|importScripts|RTCPeerConnection|WebTransport/g;

describe.each(Object.entries(BUILDS))('%s build', (browser, dir) => {
  const m = manifest(dir);

  it('asks only for permissions that docs/permissions.md explains', () => {
    const asked = [...(m.permissions ?? []), ...(m.optional_permissions ?? []), ...(m.host_permissions ?? []), ...(m.optional_host_permissions ?? [])];
    // The built-in sites are explained once, as a list (the same list as the content script's matches).
    const unexplained = asked.filter((p) => !BUILT_IN.has(p) && !DOC.includes(`\`${p}\``));
    expect(unexplained).toEqual([]);
    expect(asked).not.toContain('<all_urls>');
    expect(DOC).toContain('## Host permissions: the same built-in list');
  });

  it('holds host permissions for exactly the sites its content script is declared for, granted at install', () => {
    const matches = (m.content_scripts ?? []).flatMap((c) => c.matches).sort();
    const hosts = browser === 'firefox' ? (m.permissions ?? []).filter((p) => p.includes('://')) : (m.host_permissions ?? []);
    expect([...hosts].sort()).toEqual(matches);
    expect([...(m.permissions ?? []), ...(m.host_permissions ?? [])]).not.toContain('*://*/*');
  });

  it('ships the page reader as a packaged script, not declared and not web-accessible, and a content script under 25 kB', () => {
    expect(existsSync(join(dir, 'reader.js'))).toBe(true);
    expect((m.content_scripts ?? []).flatMap((c) => (c as { js?: string[] }).js ?? [])).toEqual(['content-scripts/content.js']);
    // Issue 8's budget for the script that runs on every page of every built-in shop.
    expect(statSync(join(dir, 'content-scripts/content.js')).size).toBeLessThanOrEqual(25_000);
    // No polyfill in the content script nor in the extension pages: they call only APIs that return promises
    // natively. (The polyfill's own error text is the marker; the background, which keeps it, has it.)
    const marker = 'The message port closed before a response was received';
    expect(readFileSync(join(dir, 'content-scripts/content.js'), 'utf8')).not.toContain(marker);
    for (const page of ['popup.html', 'options.html', 'methodology.html']) {
      const scripts = [...readFileSync(join(dir, page), 'utf8').matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((x) => x[1]!);
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) expect(readFileSync(join(dir, s), 'utf8'), `${page}: ${s}`).not.toContain(marker);
    }
    expect(readFileSync(join(dir, 'background.js'), 'utf8')).toContain(marker);
  });

  it('runs content scripts only on the built-in shop and airline list, in the isolated world', () => {
    const matches = (m.content_scripts ?? []).flatMap((c) => c.matches);
    expect(matches.length).toBeGreaterThan(0);
    for (const p of matches) expect([...SHOP_MATCH_PATTERNS, ...TRAVEL_MATCH_PATTERNS]).toContain(p);
    expect(matches).not.toContain('<all_urls>');
    expect((m.content_scripts ?? []).every((c) => c.world === undefined || c.world === 'ISOLATED')).toBe(true);
  });

  it('has a CSP with connect-src none and no remote sources', () => {
    const csp = typeof m.content_security_policy === 'string' ? m.content_security_policy : m.content_security_policy?.extension_pages;
    expect(csp).toBeTruthy();
    expect(csp).toMatch(/connect-src 'none'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/https?:|\*|unsafe-eval|wasm-unsafe-eval/);
  });

  it('exposes nothing to web pages', () => {
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
  });

  it('ships no code that can reach the network', () => {
    const found: string[] = [];
    for (const f of jsFiles(dir)) {
      const text = readFileSync(f, 'utf8');
      for (const hit of text.match(NETWORK_API) ?? []) found.push(`${f.slice(dir.length)}: ${hit}`);
      for (const url of text.match(/(https?|wss?):\/\/[^\s"'`)<>\\]+/g) ?? []) {
        if (!URL_ALLOW.some((re) => re.test(url))) found.push(`${f.slice(dir.length)}: ${url}`);
      }
    }
    expect(found).toEqual([]);
  });

  if (browser === 'firefox') {
    it('declares that it collects no data', () => {
      expect(m.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    });
  }
});
