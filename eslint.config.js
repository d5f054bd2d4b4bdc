import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The extension promises that nothing leaves the device: its code may not even name a way out. */
const NETWORK_GLOBALS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'RTCPeerConnection', 'WebTransport'].map((name) => ({
  name,
  message: 'Local Footprint makes no network requests (see PRIVACY.md).',
}));

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', '.demo/**', 'src/data/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, defineBackground: 'readonly', defineContentScript: 'readonly' } },
    rules: {
      'no-restricted-globals': ['error', ...NETWORK_GLOBALS],
      'no-restricted-properties': [
        'error',
        { object: 'navigator', property: 'sendBeacon', message: 'No network requests.' },
        { object: 'window', property: 'fetch', message: 'No network requests.' },
        { object: 'globalThis', property: 'fetch', message: 'No network requests.' },
        { object: 'self', property: 'fetch', message: 'No network requests.' },
        { object: 'document', property: 'write', message: 'Page data reaches the DOM only as text.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Page data reaches the DOM only as text.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Page data reaches the DOM only as text.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Page data reaches the DOM only as text.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No code from strings.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No code from strings.' },
        { selector: "Literal[value=/^(https?|wss?):\\/\\/(?!schema\\.org|www\\.w3\\.org|ogp\\.me|purl\\.org|rdfs\\.org|xmlns\\.com)/]", message: 'No remote URLs in extension code (namespaces excepted).' },
        { selector: "CallExpression[callee.object.name='window'][callee.property.name='addEventListener'][arguments.0.value='message']", message: 'No window message listeners: pages could steer us.' },
      ],
    },
  },
);
