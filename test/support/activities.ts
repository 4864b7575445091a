import type { DirectoryUser } from '../../src/policy/tenantModel.js';
import { demoTenant } from './demoTenant.js';

let seq = 0;

export interface ActivityOptions {
  locale?: string;
  tenantId?: string;
  serviceUrl?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  expectReplies?: boolean;
  /** The conversation id (default: the user's 1:1 chat `a:personal-<id>`). */
  conversationId?: string;
}

function base(user: Pick<DirectoryUser, 'id' | 'displayName'>, options: ActivityOptions) {
  const tenantId = options.tenantId ?? demoTenant.tenant.id;
  return {
    id: `act-${++seq}`,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl ?? 'http://127.0.0.1:9',
    timestamp: new Date().toISOString(),
    from: { id: `29:${user.id}`, aadObjectId: user.id, name: user.displayName },
    recipient: { id: '28:bot', name: 'Guest Access' },
    conversation: {
      id: options.conversationId ?? `a:personal-${user.id}`,
      conversationType: options.conversationType ?? 'personal',
      tenantId,
    },
    channelData: { tenant: { id: tenantId } },
    locale: options.locale ?? 'en-US',
    ...(options.expectReplies === false ? {} : { deliveryMode: 'expectReplies' }),
  };
}

/** A 1:1 chat message from a demo user, as Teams sends it. */
export function message(user: Pick<DirectoryUser, 'id' | 'displayName'>, text: string, options: ActivityOptions = {}) {
  return { ...base(user, options), type: 'message', text };
}

/** An Action.Execute tap (or an automatic refresh) on a card, as Teams sends it. */
export function cardAction(
  user: Pick<DirectoryUser, 'id' | 'displayName'>,
  verb: string,
  data: Record<string, unknown>,
  options: ActivityOptions & { trigger?: 'manual' | 'automatic' } = {},
) {
  const { expectReplies: _ignored, ...rest } = options;
  return {
    ...base(user, { ...rest, expectReplies: false }),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: options.trigger ?? 'manual' },
  };
}

/** The bot being added to a 1:1 chat (installation). */
export function installed(user: Pick<DirectoryUser, 'id' | 'displayName'>, options: ActivityOptions = {}) {
  const b = base(user, options);
  return { ...b, type: 'conversationUpdate', membersAdded: [b.recipient] };
}

/** The bot as Teams names it in mentions (the recipient of every activity here). */
export const BOT = { id: '28:bot', name: 'Guest Access' };

export interface GroupOptions extends ActivityOptions {
  /** Mention the bot at the start, as Teams requires in group chats and channels (default true). */
  mention?: boolean;
}

/** A message in a group chat with the bot, shaped as Teams sends it: the bot @mentioned, a mention entity. */
export function groupChatMessage(
  user: Pick<DirectoryUser, 'id' | 'displayName'>,
  text: string,
  options: GroupOptions = {},
) {
  const b = base(user, options);
  const mention = options.mention ?? true;
  return {
    ...b,
    type: 'message',
    textFormat: 'plain',
    text: mention ? `<at>${BOT.name}</at> ${text}` : text,
    conversation: {
      isGroup: true,
      conversationType: 'groupChat',
      tenantId: b.channelData.tenant.id,
      id: options.conversationId ?? '19:groupchat-1@thread.v2',
    },
    entities: [
      ...(mention ? [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: { ...BOT } }] : []),
      { type: 'clientInfo', locale: b.locale, country: 'NL', platform: 'Web', timezone: 'Europe/Amsterdam' },
    ],
  };
}

export interface TeamOptions extends GroupOptions {
  team: { id: string; name?: string; aadGroupId?: string };
  /** The channel's id (default: the team's General channel, whose id is the team id). */
  channelId?: string;
}

/** A message in a team channel, as Teams sends it: a thread reply in the channel, channelData with team and channel. */
export function channelMessage(user: Pick<DirectoryUser, 'id' | 'displayName'>, text: string, options: TeamOptions) {
  const chat = groupChatMessage(user, text, options);
  const channel = options.channelId ?? options.team.id;
  return {
    ...chat,
    conversation: {
      isGroup: true,
      conversationType: 'channel',
      tenantId: chat.channelData.tenant.id,
      id: options.conversationId ?? `${channel};messageid=1700000000000`,
    },
    channelData: {
      teamsChannelId: channel,
      teamsTeamId: options.team.id,
      channel: { id: channel },
      team: options.team,
      tenant: chat.channelData.tenant,
    },
  };
}
