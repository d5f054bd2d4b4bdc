import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { createRequire } from 'node:module';
import { SHOP_MATCH_PATTERNS } from './src/shops/hosts';
import { TRAVEL_MATCH_PATTERNS } from './src/flights/sites';

/** The built-in sites: where the content script is declared, and where the background may inject the reader. */
const BUILT_IN = [...SHOP_MATCH_PATTERNS, ...TRAVEL_MATCH_PATTERNS];

/**
 * The content script, the page reader and the extension pages call only APIs that return promises natively
 * in Chromium MV3 and Firefox (runtime.sendMessage, i18n, tabs.create, permissions.request): they get
 * WXT's plain `browser` (globalThis.browser ?? chrome), not webextension-polyfill (~10 kB minified to
 * evaluate on every shop page and every popup opening). The background keeps the polyfill (its onMessage
 * listener returns a promise, which only the polyfill makes portable; it never rejects, see handler.ts).
 */
const PLAIN_BROWSER = createRequire(import.meta.url).resolve('@wxt-dev/browser');
const POLYFILL_FREE = new Set(['content', 'reader', 'popup', 'options', 'methodology']);

/**
 * Extension pages may run only our own packaged scripts and may connect nowhere: `connect-src 'none'`
 * is what makes "nothing leaves the device" hold even if a bug tried. Dev mode needs the dev server.
 */
const CSP = "script-src 'self'; object-src 'none'; connect-src 'none'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; default-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => POLYFILL_FREE.has(e.name))) return;
      const alias = config.resolve?.alias;
      const plain = { find: 'wxt/browser', replacement: PLAIN_BROWSER };
      config.resolve ??= {};
      if (Array.isArray(alias)) config.resolve.alias = [plain, ...alias.filter((a) => a.find !== 'wxt/browser')];
      else config.resolve.alias = { ...(alias as Record<string, string> | undefined), 'wxt/browser': PLAIN_BROWSER };
    },
  },
  vite: () => ({
    plugins: [preact()],
    // Vite's modulepreload polyfill calls fetch(); extension pages load their own chunks without it.
    build: { sourcemap: false, modulePreload: { polyfill: false } },
  }),
  zip: {
    // AMO reviewers rebuild from this: sources without generated or installed files.
    excludeSources: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', '.demo/**'],
  },
  manifest: ({ browser, mode }) => ({
    name: 'Local Footprint',
    // public/_locales holds the UI text in English, German and French.
    default_locale: 'en',
    description: 'The carbon footprint of what you look at and buy online, estimated on your device. Nothing leaves it.',
    // activeTab + scripting: the popup estimates the page the user is on, only when they open it.
    // The built-in sites as host permissions: the same sites the content script is declared for, so that
    // the background may inject the page reader there (docs/permissions.md).
    ...(browser === 'firefox'
      ? { permissions: ['activeTab', 'scripting', 'storage', ...BUILT_IN] }
      : { permissions: ['activeTab', 'scripting', 'storage'], host_permissions: BUILT_IN }),
    // "Always on this site" asks for that one site at run time; nothing is granted at install.
    ...(browser === 'firefox' ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    ...(mode === 'production'
      ? {
          content_security_policy:
            browser === 'firefox' ? CSP : { extension_pages: CSP },
        }
      : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'local-footprint@local-footprint.invalid',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
