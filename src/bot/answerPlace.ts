import type { Command } from './commands/parseCommand.js';
import type { ConversationScope } from './conversationScope.js';

/** Where the bot answers a command: right where it was asked, or in the asker's 1:1 chat with the bot. */
export type AnswerPlace = 'here' | 'personalChat';

/**
 * Answers that carry directory or request data: in a group chat or channel they go to the asker's 1:1 chat (with a
 * short note where they asked), because guests and people from elsewhere may read along.
 */
const PRIVATE: ReadonlySet<Command['kind']> = new Set<Command['kind']>([
  'myRequests',
  'pending',
  'settings',
  'check',
  'whatif',
  'guests',
  'removeGuest',
  'audit',
  'tenantGuests',
  'resendInvitation',
  'deleteGuest',
  'reviews',
]);

/**
 * The rule (also in the README and the manifest's command lists):
 * - personal chat: everything answers in place;
 * - group chat and channel: `help`, `why`, `cancel <id>`, `language`, usage hints and refusals answer in place;
 *   `my requests`, `pending`, `settings`, `check`, `whatif`, `guests`, `remove guest`, `audit` answer in the 1:1 chat;
 *   so do the tenant's guests: `guests [filter]`, `resend invitation`, `delete guest`, `reviews`;
 * - `invite`: in place in a group chat (the guided dialog is the asker's own); from a team channel it starts in the
 *   1:1 chat (the team's group is meant unless another group is named).
 * Approval cards always go to each approver's 1:1 chat.
 */
export function answerPlace(kind: Command['kind'], scope: ConversationScope): AnswerPlace {
  if (scope === 'personal') return 'here';
  if (PRIVATE.has(kind)) return 'personalChat';
  if (kind === 'invite' && scope === 'channel') return 'personalChat';
  return 'here';
}
