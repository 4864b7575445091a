import type { Activity } from 'botbuilder';

/** Where a message was written, as Teams says it: the 1:1 chat with the bot, a group chat, or a team's channel. */
export type ConversationScope = 'personal' | 'groupChat' | 'channel';

/** The activity's scope from `conversation.conversationType` (Teams), else `isGroup`; anything else is personal. */
export function scopeOf(activity: Partial<Activity>): ConversationScope {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  if (type === 'personal') return 'personal';
  return activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

/** The team a channel message comes from (`channelData.team`), with its Microsoft 365 group when Teams says it. */
export interface TeamContext {
  teamId: string;
  name?: string;
  aadGroupId?: string;
}

export function teamOf(activity: Partial<Activity>): TeamContext | undefined {
  type Loose = { team?: { id?: unknown; name?: unknown; aadGroupId?: unknown } } | undefined;
  const team = (activity.channelData as Loose)?.team;
  if (!team || typeof team.id !== 'string' || !team.id) return undefined;
  return {
    teamId: team.id,
    ...(typeof team.name === 'string' && team.name ? { name: team.name } : {}),
    ...(typeof team.aadGroupId === 'string' && team.aadGroupId ? { aadGroupId: team.aadGroupId } : {}),
  };
}
