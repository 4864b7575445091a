/**
 * What the bot needs to message a user later (Bot Framework's ConversationReference, reduced to plain data so the
 * port does not depend on botbuilder).
 */
export interface StoredConversationReference {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; tenantId?: string; conversationType?: string };
  user?: { id: string; aadObjectId?: string; name?: string };
  bot: { id: string; name?: string };
  locale?: string;
}

/** The 1:1 conversation reference of each user who has talked to the bot, keyed by Entra object id. */
export interface ConversationStore {
  /** Stores or replaces the reference for a user. */
  save(userId: string, reference: StoredConversationReference): Promise<void>;
  get(userId: string): Promise<StoredConversationReference | undefined>;
  /**
   * The Bot Connector URL of the most recent reference saved: the tenant's Teams service URL, needed to open a chat
   * with someone the bot has never talked to.
   */
  latestServiceUrl(): Promise<string | undefined>;
}
