import { join } from 'node:path';
import type { ConversationStore, StoredConversationReference } from '../../ports/conversationStore.js';
import { LowdbFile } from './lowdbFile.js';
import { getOwn, setOwn } from './ownRecord.js';

interface ConversationsFile {
  references: Record<string, StoredConversationReference>;
  latestServiceUrl?: string;
}

/** Whether two references say the same (every field of {@link StoredConversationReference}). */
export function sameReference(a: StoredConversationReference, b: StoredConversationReference): boolean {
  return (
    a.channelId === b.channelId &&
    a.serviceUrl === b.serviceUrl &&
    a.locale === b.locale &&
    a.conversation.id === b.conversation.id &&
    a.conversation.tenantId === b.conversation.tenantId &&
    a.conversation.conversationType === b.conversation.conversationType &&
    a.user?.id === b.user?.id &&
    a.user?.aadObjectId === b.user?.aadObjectId &&
    a.user?.name === b.user?.name &&
    (a.user === undefined) === (b.user === undefined) &&
    a.bot.id === b.bot.id &&
    a.bot.name === b.bot.name
  );
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
    if (current && sameReference(current, reference) && this.file.data.latestServiceUrl === reference.serviceUrl)
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
