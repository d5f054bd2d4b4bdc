import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * Extension pages may run only our own packaged scripts and may connect nowhere: `connect-src 'none'`
 * is what makes "nothing leaves the device" hold even if a bug tried. Dev mode needs the dev server.
 */
const CSP = "script-src 'self'; object-src 'none'; connect-src 'none'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; default-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
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
    permissions: ['activeTab', 'scripting'],
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
