import type { DirectoryUser } from '../../src/policy/tenantModel.js';
import { demoTenant } from './demoTenant.js';

let seq = 0;

export interface ActivityOptions {
  locale?: string;
  tenantId?: string;
  serviceUrl?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  expectReplies?: boolean;
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
    conversation: { id: `a:personal-${user.id}`, conversationType: options.conversationType ?? 'personal', tenantId },
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
