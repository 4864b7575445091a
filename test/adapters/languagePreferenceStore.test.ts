import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbLanguagePreferenceStore } from '../../src/adapters/lowdb/lowdbLanguagePreferenceStore.js';
import { MemoryLanguagePreferenceStore } from '../../src/adapters/memory/memoryLanguagePreferenceStore.js';
import type { LanguagePreferenceStore } from '../../src/ports/languagePreferenceStore.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'languages-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe.each([
  ['MemoryLanguagePreferenceStore', async (): Promise<LanguagePreferenceStore> => new MemoryLanguagePreferenceStore()],
  [
    'LowdbLanguagePreferenceStore',
    async (): Promise<LanguagePreferenceStore> => LowdbLanguagePreferenceStore.open(dataDir),
  ],
])('%s', (_, open) => {
  test('pins, unpins and remembers the spoken language separately', async () => {
    const store = await open();
    expect(await store.get('u1')).toBeUndefined();
    await store.noteSpoken('u1', 'nl');
    await store.pin('u1', 'en');
    expect(await store.get('u1')).toEqual({ spoken: 'nl', pinned: 'en' });
    await store.pin('u1', undefined);
    expect(await store.get('u1')).toEqual({ spoken: 'nl' });
    await store.pin('__proto__', 'nl');
    expect(await store.get('__proto__')).toEqual({ pinned: 'nl' });
    expect(await store.get('u2')).toBeUndefined();
  });
});

test('the lowdb store keeps preferences across a reopen', async () => {
  const store = await LowdbLanguagePreferenceStore.open(dataDir);
  await store.pin('u1', 'nl');
  await store.noteSpoken('u2', 'en');
  const reopened = await LowdbLanguagePreferenceStore.open(dataDir); // folds the journal into languages.json
  expect(await reopened.get('u1')).toEqual({ pinned: 'nl' });
  const { readFile } = await import('node:fs/promises');
  const onDisk = JSON.parse(await readFile(join(dataDir, 'languages.json'), 'utf8'));
  expect(onDisk).toEqual({ users: { u1: { pinned: 'nl' }, u2: { spoken: 'en' } } });
});
