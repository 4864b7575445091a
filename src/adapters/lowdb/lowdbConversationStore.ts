import { join } from 'node:path';
import type { ConversationStore, StoredConversationReference } from '../../ports/conversationStore.js';
import { LowdbFile } from './lowdbFile.js';
import { getOwn, setOwn } from './ownRecord.js';

interface ConversationsFile {
  references: Record<string, StoredConversationReference>;
  latestServiceUrl?: string;
}

/** {@link ConversationStore} in `<dataDir>/conversations.json`: one small record per user who talked to the bot. */
export class LowdbConversationStore implements ConversationStore {
  private constructor(private readonly file: LowdbFile<ConversationsFile>) {}

  static async open(dataDir: string): Promise<LowdbConversationStore> {
    return new LowdbConversationStore(await LowdbFile.open(join(dataDir, 'conversations.json'), { references: {} }));
  }

  async save(userId: string, reference: StoredConversationReference): Promise<void> {
    // Every message saves its reference; the file is rewritten only when something changed.
    const current = getOwn(this.file.data.references, userId);
    if (
      current &&
      JSON.stringify(current) === JSON.stringify(reference) &&
      this.file.data.latestServiceUrl === reference.serviceUrl
    )
      return;
    await this.file.update((data) => {
      setOwn(data.references, userId, structuredClone(reference));
      if (reference.serviceUrl) data.latestServiceUrl = reference.serviceUrl;
    });
  }

  async latestServiceUrl(): Promise<string | undefined> {
    return this.file.data.latestServiceUrl;
  }

  async get(userId: string): Promise<StoredConversationReference | undefined> {
    const reference = getOwn(this.file.data.references, userId);
    return reference === undefined ? undefined : structuredClone(reference);
  }
}
