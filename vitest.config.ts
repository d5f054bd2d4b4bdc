import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['test/unit/setup.ts'],
    testTimeout: 30_000,
    pool: 'threads',
    reporters: ['default', ['./test/reporter.ts', { label: 'unit' }]],
  },
});
