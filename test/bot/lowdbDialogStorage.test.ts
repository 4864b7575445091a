import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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

  test('writes append to a journal folded into the data file at start: both always parseable, nothing lost', async () => {
    const storage = await LowdbDialogStorage.open(dataDir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => storage.write({ [`k${i}`]: { i } })));
    expect((await readdir(dataDir)).sort()).toEqual(['dialogState.changes.jsonl', 'dialogState.json']);
    const lines = (await readFile(join(dataDir, 'dialogState.changes.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => Object.keys(JSON.parse(l).set))).toEqual(Array.from({ length: 20 }, (_, i) => [`k${i}`]));
    const reopened = await LowdbDialogStorage.open(dataDir);
    expect(Object.keys(await reopened.read(Array.from({ length: 20 }, (_, i) => `k${i}`)))).toHaveLength(20);
    const file = JSON.parse(await readFile(join(dataDir, 'dialogState.json'), 'utf8'));
    expect(Object.keys(file.items)).toHaveLength(20);
    expect(await readFile(join(dataDir, 'dialogState.changes.jsonl'), 'utf8')).toBe('');
  });

  test('a write’s cost does not grow with the number of conversations stored: it appends only its own items', async () => {
    const storage = await LowdbDialogStorage.open(dataDir);
    for (let i = 0; i < 2_000; i++) await storage.write({ [`msteams/conversations/c${i}/`]: { dialogState: { i } } });
    const journal = join(dataDir, 'dialogState.changes.jsonl');
    const before = (await readFile(journal, 'utf8')).length;
    await storage.write({ 'msteams/conversations/new/': { dialogState: { x: 1 } } });
    expect((await readFile(journal, 'utf8')).length - before).toBeLessThan(200);
  });

  test('a change torn by a crash mid-write is dropped; the changes before it are kept', async () => {
    const storage = await LowdbDialogStorage.open(dataDir);
    await storage.write({ a: { v: 1 } });
    await storage.write({ b: { v: 2 } });
    const journal = join(dataDir, 'dialogState.changes.jsonl');
    await writeFile(journal, `${await readFile(journal, 'utf8')}{"set":{"c":{"v":3,"eTag":"x"`, 'utf8');
    const reopened = await LowdbDialogStorage.open(dataDir);
    expect(Object.keys(await reopened.read(['a', 'b', 'c']))).toEqual(['a', 'b']);
    await reopened.write({ d: { v: 4 } });
    const again = await LowdbDialogStorage.open(dataDir);
    expect(Object.keys(await again.read(['a', 'b', 'c', 'd']))).toEqual(['a', 'b', 'd']);
  });

  test('a journal replayed over a data file that already holds it (a crash between the two) gives the same state', async () => {
    const storage = await LowdbDialogStorage.open(dataDir);
    await storage.write({ a: { v: 1 } });
    await storage.write({ a: { v: 2, eTag: '*' }, b: { v: 1 } });
    await storage.delete(['b']);
    const journal = join(dataDir, 'dialogState.changes.jsonl');
    const changes = await readFile(journal, 'utf8');
    await LowdbDialogStorage.open(dataDir); // folds the journal in
    await writeFile(journal, changes, 'utf8'); // as if the crash came before the journal was emptied
    const replayed = await LowdbDialogStorage.open(dataDir);
    const items = await replayed.read(['a', 'b']);
    expect(Object.keys(items)).toEqual(['a']);
    expect(items.a.v).toBe(2);
  });

  test('a value that cannot be serialised fails at write time', async () => {
    const storage = await LowdbDialogStorage.open(dataDir);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(storage.write({ a: cyclic })).rejects.toThrow(/circular/i);
  });
});
