import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbConversationStore } from '../../src/adapters/lowdb/lowdbConversationStore.js';
import { MemoryConversationStore } from '../../src/adapters/memory/memoryConversationStore.js';
import type { ConversationStore, StoredConversationReference } from '../../src/ports/conversationStore.js';

const reference = (conversationId: string): StoredConversationReference => ({
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversation: { id: conversationId, tenantId: 't', conversationType: 'personal' },
  user: { id: '29:1', aadObjectId: 'u1' },
  bot: { id: '28:bot' },
  locale: 'nl-NL',
});

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'conversations-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe.each([
  ['MemoryConversationStore', async (): Promise<ConversationStore> => new MemoryConversationStore()],
  ['LowdbConversationStore', async (): Promise<ConversationStore> => LowdbConversationStore.open(dataDir)],
])('%s', (_, open) => {
  test('saves, replaces and returns a copy', async () => {
    const store = await open();
    expect(await store.get('u1')).toBeUndefined();
    await store.save('u1', reference('a:1'));
    await store.save('u1', reference('a:2'));
    const got = await store.get('u1');
    expect(got?.conversation.id).toBe('a:2');
    got!.conversation.id = 'changed';
    expect((await store.get('u1'))?.conversation.id).toBe('a:2');
  });

  test('keys that are Object.prototype names are ordinary keys', async () => {
    const store = await open();
    expect(await store.get('constructor')).toBeUndefined();
    await store.save('__proto__', reference('a:proto'));
    expect((await store.get('__proto__'))?.conversation.id).toBe('a:proto');
  });
});

test('LowdbConversationStore keeps references across a restart', async () => {
  const store = await LowdbConversationStore.open(dataDir);
  await Promise.all(['u1', 'u2', 'u3'].map((id) => store.save(id, reference(`a:${id}`))));
  const reopened = await LowdbConversationStore.open(dataDir);
  expect((await reopened.get('u2'))?.conversation.id).toBe('a:u2');
  expect((await reopened.get('__proto__'))).toBeUndefined();
});
