import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbConversationStore } from '../../src/adapters/lowdb/lowdbConversationStore.js';
import { MemoryConversationStore } from '../../src/adapters/memory/memoryConversationStore.js';
import type { ConversationStore } from '../../src/ports/conversationStore.js';
import { conversationStoreContract, reference } from './contracts/conversationStoreContract.js';

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
  conversationStoreContract(open);
});

test('LowdbConversationStore keeps references across a restart', async () => {
  const store = await LowdbConversationStore.open(dataDir);
  await Promise.all(['u1', 'u2', 'u3'].map((id) => store.save(id, reference(`a:${id}`))));
  const reopened = await LowdbConversationStore.open(dataDir);
  expect((await reopened.get('u2'))?.conversation.id).toBe('a:u2');
  expect(await reopened.get('__proto__')).toBeUndefined();
});

test('LowdbConversationStore appends only the new reference: a write costs the same with 2,000 users stored', async () => {
  const store = await LowdbConversationStore.open(dataDir);
  for (let i = 0; i < 2_000; i++) await store.save(`u${i}`, reference(`a:u${i}`));
  const journal = join(dataDir, 'conversations.changes.jsonl');
  const before = (await stat(journal)).size;
  await store.save('new-user', reference('a:new-user'));
  expect((await stat(journal)).size - before).toBeLessThan(1_000);
  expect((await (await LowdbConversationStore.open(dataDir)).get('u1999'))?.conversation.id).toBe('a:u1999');
});
