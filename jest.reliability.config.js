import base from './jest.config.js';

/** `npm run test:reliability`: the slow suite that kills the built process (`npm run build` first). */
export default {
  ...base,
  roots: ['<rootDir>/test/reliability'],
  testPathIgnorePatterns: [],
  testTimeout: 420000,
};
