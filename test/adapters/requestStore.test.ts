import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbRequestStore } from '../../src/adapters/lowdb/lowdbRequestStore.js';
import { MemoryRequestStore } from '../../src/adapters/memory/memoryRequestStore.js';
import type { RequestStore } from '../../src/ports/requestStore.js';
import { request, requestStoreContract } from './contracts/requestStoreContract.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gab-requests-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const stores: [string, () => Promise<RequestStore>][] = [
  ['memory', async () => new MemoryRequestStore()],
  ['lowdb', () => LowdbRequestStore.open(dir)],
];

describe.each(stores)('%s request store', (_name, open) => {
  requestStoreContract(open);
});

describe('lowdb request store on disk', () => {
  it('keeps every request across a restart, one file each', async () => {
    const first = await LowdbRequestStore.open(dir);
    await first.create(request('R-000001'));
    await first.create(request('R-000002'));
    await first.update('R-000002', (r) => ({ ...r, state: 'approved' }));
    const second = await LowdbRequestStore.open(dir);
    expect((await second.get('R-000002'))!.state).toBe('approved');
    expect((await second.list({})).length).toBe(2);
    expect((await readdir(join(dir, 'requests'))).sort()).toEqual(['R-000001.json', 'R-000002.json']);
  });

  it('refuses an id that could escape its folder', async () => {
    const store = await LowdbRequestStore.open(dir);
    await expect(store.create(request('../evil'))).rejects.toThrow(/invalid request id/);
  });
});
