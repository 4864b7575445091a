import { createDefaultEsmPreset } from 'ts-jest';

export default {
  ...createDefaultEsmPreset({ tsconfig: 'tsconfig.json' }),
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 20000,
  // The reliability suite kills real processes for minutes: `npm run test:reliability`, not `npm test`.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/reliability/'],
};
