// Jest for the mutation run (npm run test:mutation): only the policy's own tests, which are what must notice a
// changed rule in src/policy. Same transform as jest.config.js.
import base from './jest.config.js';

export default {
  ...base,
  roots: ['<rootDir>/test/policy'],
  // The purity check reads the source text, which Stryker has instrumented in its sandbox: it is no rule test.
  setupFiles: ['<rootDir>/test/support/mutationSetup.ts'],
  testPathIgnorePatterns: ['/node_modules/', 'purity\\.test\\.ts$'],
};
