import { defineConfig } from 'vitest/config';

/**
 * Vitest for the mutation run only (npm run test:mutation): the policy's own tests, which are written for jest's
 * globals (test, describe, expect) and run unchanged here. Vitest keeps its module graph between runs, so Stryker
 * can try each mutant in a second or two; jest with ESM and ts-jest took half a minute a mutant.
 */
export default defineConfig({
  test: {
    globals: true,
    include: ['test/policy/**/*.test.ts'],
    // The purity check reads the source text, which Stryker has instrumented in its sandbox: it is no rule test.
    exclude: ['test/policy/purity.test.ts'],
    setupFiles: ['test/support/mutationSetup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'threads',
    // One module graph for all files: the policy tests share no state, and re-importing per file dominated each mutant.
    isolate: false,
  },
});
