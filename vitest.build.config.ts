import { defineConfig } from 'vitest/config';

/** Tests of the built extension; `npm test` runs them after both builds. */
export default defineConfig({
  test: {
    include: ['test/build/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', ['./test/reporter.ts', { label: 'build' }]],
  },
});
