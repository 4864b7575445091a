import type { SentMessage, UnreachableReason } from '../domain/delivery.js';

export type { SentMessage, UnreachableReason };

/** An Adaptive Card as JSON (what the cards module builds and the notifier sends). */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** A message for a person: a card (with a text fallback for notifications) or text alone. */
export interface OutboundMessage {
  text?: string;
  card?: AdaptiveCardJson;
}

/**
 * What became of a proactive message. A rejected promise means a transient failure (throttling, outage): the caller
 * keeps the message and tries again later. `unreachable` is final for this message: trying again will not help.
 *
 * The seam for other channels and remedies:
 * - a Notifier may try to make the person reachable before answering `unreachable` (e.g. install the app for them
 *   through Microsoft Graph, then send once more): see `TeamsNotifierDeps.makeReachable`;
 * - a decorating Notifier may deliver elsewhere when Teams answers `unreachable` (e.g. mail an approval card) and
 *   answer `deliveredElsewhere`; such a message cannot be updated later, and its recipient counts as reached.
 */
export type Delivery =
  | { kind: 'delivered'; sent: SentMessage }
  | { kind: 'deliveredElsewhere'; userId: string; channel: string }
  | { kind: 'unreachable'; userId: string; reason: UnreachableReason };

/** Options of a proactive send. */
export interface SendOptions {
  /**
   * Called once, when the message is about to leave (after any wait for Teams' rate limits, before the request to
   * the Bot Connector): from then on it may reach the user even if no answer comes back. A rejection stops the send.
   */
  beforeSend?: () => Promise<void>;
}

/**
 * Proactive messages to users' 1:1 chats with the bot. Implementations retry throttling and transient failures
 * with backoff; a rejected promise means the message could not be delivered now (the caller keeps it to try again).
 */
export interface Notifier {
  /**
   * Sends to the user's 1:1 chat, creating that chat when the bot has never talked to them. Answers `unreachable`
   * (never retried by the caller) when Teams refuses the user for good.
   */
  sendToUser(userId: string, message: OutboundMessage, options?: SendOptions): Promise<Delivery>;
  /** Replaces a message sent earlier (e.g. a card after a decision). */
  update(sent: SentMessage, message: OutboundMessage): Promise<void>;
}
