import { join } from 'node:path';
import type { ConversationStore, StoredConversationReference } from '../../ports/conversationStore.js';
import { JsonJournal } from './jsonJournal.js';

interface ConversationsFile {
  references: Record<string, StoredConversationReference>;
  latestServiceUrl?: string;
}

/** Whether two references say the same (every field of {@link StoredConversationReference}). */
function sameReference(a: StoredConversationReference, b: StoredConversationReference): boolean {
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

/** One write of the journal: a user's reference. */
interface ConversationChange {
  userId: string;
  reference: StoredConversationReference;
}

/**
 * {@link ConversationStore} in `<dataDir>/conversations.json` and its journal `conversations.changes.jsonl` (see
 * {@link JsonJournal}): one small record per user who talked to the bot; a new or changed one is appended, so a
 * write costs the same however many users there are.
 */
export class LowdbConversationStore implements ConversationStore {
  private readonly references = new Map<string, StoredConversationReference>();
  private latest?: string;
  private journal?: JsonJournal<ConversationsFile, ConversationChange>;

  private constructor() {}

  static async open(dataDir: string): Promise<LowdbConversationStore> {
    const store = new LowdbConversationStore();
    store.journal = await JsonJournal.open<ConversationsFile, ConversationChange>(join(dataDir, 'conversations.json'), {
      load: (snapshot) => {
        for (const [userId, reference] of Object.entries(snapshot?.references ?? {}))
          store.references.set(userId, reference);
        store.latest = snapshot?.latestServiceUrl;
      },
      apply: ({ userId, reference }) => {
        store.references.set(userId, reference);
        if (reference.serviceUrl) store.latest = reference.serviceUrl;
      },
      snapshot: () => ({
        references: Object.fromEntries(store.references),
        ...(store.latest ? { latestServiceUrl: store.latest } : {}),
      }),
    });
    return store;
  }

  async save(userId: string, reference: StoredConversationReference): Promise<void> {
    // Every message saves its reference; it is written only when something changed.
    const current = this.references.get(userId);
    if (current && sameReference(current, reference) && this.latest === reference.serviceUrl) return;
    await this.journal!.write(() => ({ change: { userId, reference: structuredClone(reference) }, result: undefined }));
  }

  async latestServiceUrl(): Promise<string | undefined> {
    return this.latest;
  }

  async get(userId: string): Promise<StoredConversationReference | undefined> {
    const reference = this.references.get(userId);
    return reference === undefined ? undefined : structuredClone(reference);
  }
}
