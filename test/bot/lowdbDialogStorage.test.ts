import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import { LowdbDialogStorage } from '../../src/bot/lowdbDialogStorage.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dialog-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

// The same eTag rules as botbuilder's MemoryStorage: the lowdb storage is checked side by side with it.
describe.each([
  ['MemoryStorage (reference)', async (): Promise<Storage> => new MemoryStorage()],
  ['LowdbDialogStorage', async (): Promise<Storage> => LowdbDialogStorage.open(dataDir)],
])('%s', (_, open) => {
  test('every write assigns a new eTag, and a read returns it', async () => {
    const storage = await open();
    await storage.write({ a: { count: 1 } });
    const first = (await storage.read(['a'])).a;
    expect(first).toMatchObject({ count: 1, eTag: expect.any(String) });
    await storage.write({ a: { ...first, count: 2 } });
    const second = (await storage.read(['a'])).a;
    expect(second.count).toBe(2);
    expect(second.eTag).not.toBe(first.eTag);
  });

  test('a write with a stale eTag throws and changes nothing', async () => {
    const storage = await open();
    await storage.write({ a: { count: 1 } });
    const stale = (await storage.read(['a'])).a;
    await storage.write({ a: { ...stale, count: 2 } });
    await expect(storage.write({ a: { ...stale, count: 3 } })).rejects.toThrow(
      'Storage: error writing "a" due to eTag conflict.',
    );
    expect((await storage.read(['a'])).a.count).toBe(2);
  });

  test('a write without eTag or with "*" overwrites', async () => {
    const storage = await open();
    await storage.write({ a: { count: 1 } });
    await storage.write({ a: { count: 2 } });
    await storage.write({ a: { count: 3, eTag: '*' } });
    expect((await storage.read(['a'])).a.count).toBe(3);
  });

  test('a first write with any eTag is accepted; missing keys are absent from a read', async () => {
    const storage = await open();
    await storage.write({ fresh: { v: 1, eTag: 'whatever' } });
    expect(Object.keys(await storage.read(['fresh', 'missing']))).toEqual(['fresh']);
  });

  test('delete removes items, and deleting a missing key is fine', async () => {
    const storage = await open();
    await storage.write({ a: { v: 1 }, b: { v: 2 } });
    await storage.delete(['a', 'nope']);
    expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['b']);
  });

  test('reads return copies', async () => {
    const storage = await open();
    await storage.write({ a: { list: [1] } });
    (await storage.read(['a'])).a.list.push(2);
    expect((await storage.read(['a'])).a.list).toEqual([1]);
  });
});

describe('LowdbDialogStorage on disk', () => {
  test('state survives a restart, eTags included', async () => {
    const storage = await LowdbDialogStorage.open(dataDir);
    await storage.write({ 'msteams/conversations/a:1/': { dialogState: { stack: [{ id: 'requestGuest' }] } } });
    const before = (await storage.read(['msteams/conversations/a:1/']))['msteams/conversations/a:1/'];
    const reopened = await LowdbDialogStorage.open(dataDir);
    const after = (await reopened.read(['msteams/conversations/a:1/']))['msteams/conversations/a:1/'];
    expect(after).toEqual(before);
  });

  test('a batch with one conflict writes none of its items', async () => {
    const storage = await LowdbDialogStorage.open(dataDir);
    await storage.write({ a: { v: 1 } });
    const stale = (await storage.read(['a'])).a;
    await storage.write({ a: { ...stale, v: 2 } });
    await expect(storage.write({ b: { v: 1 }, a: { ...stale, v: 3 } })).rejects.toThrow(/eTag conflict/);
    expect(await storage.read(['b'])).toEqual({});
  });

  test('of concurrent writes carrying the same eTag exactly one succeeds', async () => {
    const storage = await LowdbDialogStorage.open(dataDir);
    await storage.write({ a: { v: 0 } });
    const current = (await storage.read(['a'])).a;
    const results = await Promise.allSettled([1, 2, 3, 4].map((v) => storage.write({ a: { ...current, v } })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  test('writes go through a temp file and rename: only the data file remains, always parseable', async () => {
    const storage = await LowdbDialogStorage.open(dataDir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => storage.write({ [`k${i}`]: { i } })));
    expect(await readdir(dataDir)).toEqual(['dialogState.json']);
    const file = JSON.parse(await readFile(join(dataDir, 'dialogState.json'), 'utf8'));
    expect(Object.keys(file.items)).toHaveLength(20);
  });

  test('a value that cannot be serialised fails at write time', async () => {
    const storage = await LowdbDialogStorage.open(dataDir);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(storage.write({ a: cyclic })).rejects.toThrow(/circular/i);
  });
});
