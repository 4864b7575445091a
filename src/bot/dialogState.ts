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
  constructor(private readonly store: Storage) {
    super(store, async (context) => dialogStateKey(context));
  }

  /**
   * Whether a dialog is under way in this turn's conversation (for this person), read straight from storage: most
   * turns have none, and they then skip loading the turn's state (with its change hashes) altogether.
   */
  async dialogUnderWay(context: Pick<TurnContext, 'activity'>): Promise<boolean> {
    const key = dialogStateKey(context);
    const item = (await this.store.read([key]))[key] as { dialogState?: { dialogStack?: unknown[] } } | undefined;
    return (item?.dialogState?.dialogStack?.length ?? 0) > 0;
  }
}
