import base from './jest.config.js';

/** `npm run test:instances`: the two-process end-to-end test on Azurite (slow: it waits for a lease takeover). */
export default {
  ...base,
  roots: ['<rootDir>/test/instances'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 90_000,
};
