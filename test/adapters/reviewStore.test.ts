import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbReviewStore } from '../../src/adapters/lowdb/lowdbReviewStore.js';
import { MemoryReviewStore } from '../../src/adapters/memory/memoryReviewStore.js';
import { reviewStoreContract } from './contracts/reviewStoreContract.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'reviews-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('MemoryReviewStore', () => {
  let opened: MemoryReviewStore;
  reviewStoreContract(
    async () => (opened = new MemoryReviewStore()),
    async () => opened, // memory lives as long as the process: the same store stands for the next start
  );
});

describe('LowdbReviewStore', () => {
  let opened: LowdbReviewStore;
  reviewStoreContract(
    async () => (opened = await LowdbReviewStore.open(dataDir)),
    // One process per DATA_DIR: concurrent writers share the open store; a restart reads the files again.
    async () => opened,
  );
  test('a restart reads what was written', async () => {
    const { review } = await import('./contracts/reviewStoreContract.js');
    await (await LowdbReviewStore.open(dataDir)).create(review('c1-g-1'));
    expect(await (await LowdbReviewStore.open(dataDir)).get('c1-g-1')).toEqual(review('c1-g-1'));
  });
});
