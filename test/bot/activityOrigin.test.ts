import { checkOrigin } from '../../src/bot/activityOrigin.js';

const TENANT = 't-1';
const teams = { channelId: 'msteams', channelData: { tenant: { id: TENANT } } };
const outlookTap = {
  channelId: 'outlook',
  type: 'invoke',
  name: 'adaptiveCard/action',
  conversation: { id: 'c', tenantId: TENANT },
};

describe('which activities the bot serves', () => {
  it.each([
    ['Teams, our tenant, authenticated', teams, false, 'ok'],
    ['Teams, another tenant', { ...teams, channelData: { tenant: { id: 'other' } } }, false, 'wrongTenant'],
    [
      'Teams, tenant only on the conversation',
      { channelId: 'msteams', conversation: { id: 'c', tenantId: TENANT } },
      false,
      'ok',
    ],
    ['Teams, no tenant at all', { channelId: 'msteams' }, false, 'wrongTenant'],
    [
      'Web Chat with our tenant id, authenticated: the client chose its ids',
      { ...teams, channelId: 'webchat' },
      false,
      'wrongChannel',
    ],
    ['an Outlook card tap, our tenant, authenticated', outlookTap, false, 'ok'],
    [
      'an Outlook card tap, another tenant',
      { ...outlookTap, conversation: { id: 'c', tenantId: 'other' } },
      false,
      'wrongTenant',
    ],
    [
      'an Outlook message (not a card tap), authenticated',
      { ...outlookTap, type: 'message', name: undefined },
      false,
      'wrongChannel',
    ],
    [
      'another Outlook invoke, authenticated',
      { ...outlookTap, name: 'actionableMessage/executeAction' },
      false,
      'wrongChannel',
    ],
    ['the Emulator in local mode', { ...teams, channelId: 'emulator' }, true, 'ok'],
    [
      'the Emulator in local mode, another tenant',
      { channelId: 'emulator', channelData: { tenant: { id: 'x' } } },
      true,
      'wrongTenant',
    ],
  ])('%s', (_name, activity, localMode, expected) => {
    expect(checkOrigin(activity as never, { tenantId: TENANT, localMode: localMode })).toBe(expected);
  });
});
