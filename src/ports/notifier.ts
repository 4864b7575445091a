import type { AdaptiveCardJson } from '../cards/cardTemplate.js';

/** A message for a person: a card (with a text fallback for notifications) or text alone. */
export interface OutboundMessage {
  text?: string;
  card?: AdaptiveCardJson;
}

/** Where a proactive message landed, so it can be updated later. */
export interface SentMessage {
  userId: string;
  conversationId: string;
  activityId: string;
}

/**
 * Proactive messages to users' 1:1 chats with the bot. Implementations retry throttling and transient failures
 * with backoff; a rejected promise means the message could not be delivered (the caller keeps it to try again).
 */
export interface Notifier {
  /** Sends to the user's 1:1 chat, creating that chat when the bot has never talked to them. */
  sendToUser(userId: string, message: OutboundMessage): Promise<SentMessage>;
  /** Replaces a message sent earlier (e.g. a card after a decision). */
  update(sent: SentMessage, message: OutboundMessage): Promise<void>;
}

/**
 * Whether a failed send means that Teams refuses to reach this user at all (403: the app is not installed for them,
 * or they blocked it), as opposed to a failure worth retrying soon. Other channels (mail) can still reach them.
 */
export function isRecipientUnreachable(error: unknown): boolean {
  return (error as { statusCode?: unknown } | undefined)?.statusCode === 403;
}
