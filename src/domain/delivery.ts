/** Where a proactive message landed, so it can be updated later. */
export interface SentMessage {
  userId: string;
  conversationId: string;
  activityId: string;
}

/**
 * Why a person cannot be reached in Teams at all (a permanent refusal, not a hiccup):
 * - `appNotInstalled`: Teams refused to open a 1:1 chat (HTTP 403): the app is not installed for the user and they
 *   are in no team or chat where it is;
 * - `blocked`: Teams refused a message into the user's existing chat with the bot (HTTP 403: the user blocked or
 *   removed the bot, or an admin disabled it for them).
 */
export type UnreachableReason = 'appNotInstalled' | 'blocked';
