import type { ConversationStore, StoredConversationReference } from '../../../src/ports/conversationStore.js';

export const reference = (conversationId: string): StoredConversationReference => ({
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversation: { id: conversationId, tenantId: 't', conversationType: 'personal' },
  user: { id: '29:1', aadObjectId: 'u1' },
  bot: { id: '28:bot' },
  locale: 'nl-NL',
});

/** What every {@link ConversationStore} must do, run against each backend. */
export function conversationStoreContract(open: () => Promise<ConversationStore>): void {
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

  test('remembers the latest service URL', async () => {
    const store = await open();
    expect(await store.latestServiceUrl()).toBeUndefined();
    await store.save('u1', { ...reference('a:1'), serviceUrl: 'https://smba.trafficmanager.net/amer/' });
    expect(await store.latestServiceUrl()).toBe('https://smba.trafficmanager.net/amer/');
  });
}
