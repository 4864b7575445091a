import base from './jest.config.js';

// npm run test:browser: the Agents Playground in headless Chromium (see test/browser). Not part of `npm test`.
export default {
  ...base,
  roots: ['<rootDir>/test/browser'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 180_000,
  maxWorkers: 1,
  // afterAll stops Chromium, the Playgrounds and the bot; this keeps a stray keep-alive socket from holding CI.
  forceExit: true,
};
