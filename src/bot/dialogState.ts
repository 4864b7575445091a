import { BotState, type Storage, type TurnContext } from 'botbuilder';
import { scopeOf } from './conversationScope.js';

/**
 * The storage key of a turn's dialog state. In a personal chat it is ConversationState's own key (state written
 * before this existed stays valid). In group chats and channels every person has their own, so one person's message
 * never continues another person's dialog.
 */
export function dialogStateKey(context: Pick<TurnContext, 'activity'>): string {
  const { channelId, conversation, from } = context.activity;
  if (!channelId || !conversation?.id) throw new Error('dialog state: the activity has no channel or conversation id');
  const key = `${channelId}/conversations/${conversation.id}/`;
  if (scopeOf(context.activity) === 'personal') return key;
  const person = from?.aadObjectId || from?.id;
  if (!person) throw new Error('dialog state: a group message without a sender');
  return `${key}users/${person}/`;
}

/** Dialog stacks kept per conversation, and per person in group chats and channels (see {@link dialogStateKey}). */
export class DialogConversationState extends BotState {
  constructor(storage: Storage) {
    super(storage, async (context) => dialogStateKey(context));
  }
}
