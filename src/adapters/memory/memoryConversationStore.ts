import type { ConversationStore, StoredConversationReference } from '../../ports/conversationStore.js';

/** {@link ConversationStore} in memory, for tests. Stores and returns copies, like a real store would. */
export class MemoryConversationStore implements ConversationStore {
  private readonly references = new Map<string, StoredConversationReference>();
  private latest?: string;

  async save(userId: string, reference: StoredConversationReference): Promise<void> {
    this.references.set(userId, structuredClone(reference));
    if (reference.serviceUrl) this.latest = reference.serviceUrl;
  }

  async latestServiceUrl(): Promise<string | undefined> {
    return this.latest;
  }

  async get(userId: string): Promise<StoredConversationReference | undefined> {
    const reference = this.references.get(userId);
    return reference === undefined ? undefined : structuredClone(reference);
  }
}
