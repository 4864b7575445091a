import { cleanText, parseCommand, splitAddresses } from '../../src/bot/commands/parseCommand.js';

describe('parsing chat commands', () => {
  it.each([
    ['help', { kind: 'help' }],
    ['Hulp', { kind: 'help' }],
    [
      'invite anna@fabrikam.com to Marketing because project X',
      { kind: 'invite', guests: ['anna@fabrikam.com'], group: 'Marketing', justification: 'project X' },
    ],
    [
      'uitnodigen anna@fabrikam.com, bo@tailspintoys.com voor Project Falcon omdat we samen bouwen',
      {
        kind: 'invite',
        guests: ['anna@fabrikam.com', 'bo@tailspintoys.com'],
        group: 'Project Falcon',
        justification: 'we samen bouwen',
      },
    ],
    [
      'invite a@x.com and b@y.com to "Sales"',
      { kind: 'invite', guests: ['a@x.com', 'b@y.com'], group: 'Sales', justification: undefined },
    ],
    ['invite', { kind: 'invite', guests: [], group: undefined, justification: undefined }],
    [
      'invite because@fabrikam.com to Marketing because hi',
      { kind: 'invite', guests: ['because@fabrikam.com'], group: 'Marketing', justification: 'hi' },
    ],
    [
      'invite anna@fabrikam.com to Sales reason: the tender',
      { kind: 'invite', guests: ['anna@fabrikam.com'], group: 'Sales', justification: 'the tender' },
    ],
    [
      'uitnodigen omdat@fabrikam.com voor Sales omdat offerte',
      { kind: 'invite', guests: ['omdat@fabrikam.com'], group: 'Sales', justification: 'offerte' },
    ],
    ['invite to Marketing', { kind: 'invite', guests: [], group: 'Marketing', justification: undefined }],
    ['my requests', { kind: 'myRequests' }],
    ['mijn aanvragen', { kind: 'myRequests' }],
    ['cancel R-7K2Q9D', { kind: 'cancelRequest', requestId: 'R-7K2Q9D' }],
    ['annuleren r-7k2q9d', { kind: 'cancelRequest', requestId: 'r-7k2q9d' }],
    ['cancel', { kind: 'cancelDialog' }],
    ['annuleren', { kind: 'cancelDialog' }],
    ['pending', { kind: 'pending' }],
    ['openstaand', { kind: 'pending' }],
    ['settings', { kind: 'settings', group: undefined }],
    ['instellingen HR', { kind: 'settings', group: 'HR' }],
    ['check fabrikam.com', { kind: 'check', target: 'fabrikam.com' }],
    ['controleer anna@fabrikam.com in Sales', { kind: 'check', target: 'anna@fabrikam.com', group: 'Sales' }],
    ['why anna@fabrikam.com Marketing', { kind: 'why', guest: 'anna@fabrikam.com', group: 'Marketing' }],
    [
      "why can't anna@fabrikam.com join Project Falcon?",
      { kind: 'why', guest: 'anna@fabrikam.com', group: 'Project Falcon' },
    ],
    ['waarom anna@fabrikam.com HR', { kind: 'why', guest: 'anna@fabrikam.com', group: 'HR' }],
    [
      'waarom kan anna@fabrikam.com geen lid worden van Marketing?',
      { kind: 'why', guest: 'anna@fabrikam.com', group: 'Marketing' },
    ],
    [
      'waarom kan anna@fabrikam.com niet bij Project Falcon',
      { kind: 'why', guest: 'anna@fabrikam.com', group: 'Project Falcon' },
    ],
    ['why', { kind: 'usage', command: 'why' }],
    ['whatif AllowToAddGuests true', { kind: 'whatif', args: ['AllowToAddGuests', 'true'] }],
    ['guests Marketing', { kind: 'guests', group: 'Marketing' }],
    ['gasten van Sales', { kind: 'guests', group: 'Sales' }],
    [
      'remove guest kari@fabrikam.com from Marketing',
      { kind: 'removeGuest', guest: 'kari@fabrikam.com', group: 'Marketing' },
    ],
    [
      'gast verwijderen kari@fabrikam.com uit Sales',
      { kind: 'removeGuest', guest: 'kari@fabrikam.com', group: 'Sales' },
    ],
    ['audit 5', { kind: 'audit', count: 5 }],
    ['audit', { kind: 'audit', count: undefined }],
    ['guests', { kind: 'tenantGuests', filter: { kind: 'all' } }],
    ['gasten', { kind: 'tenantGuests', filter: { kind: 'all' } }],
    ['guests pending', { kind: 'tenantGuests', filter: { kind: 'pending' } }],
    ['gasten openstaand', { kind: 'tenantGuests', filter: { kind: 'pending' } }],
    ['guests stale', { kind: 'tenantGuests', filter: { kind: 'stale' } }],
    ['gasten inactief', { kind: 'tenantGuests', filter: { kind: 'stale' } }],
    ['guests domain Fabrikam.com', { kind: 'tenantGuests', filter: { kind: 'domain', domain: 'Fabrikam.com' } }],
    ['gasten domein fabrikam.com', { kind: 'tenantGuests', filter: { kind: 'domain', domain: 'fabrikam.com' } }],
    ['guests Pending Projects', { kind: 'guests', group: 'Pending Projects' }],
    [
      'resend invitation ray@woodgrovebank.com',
      { kind: 'resendInvitation', address: 'ray@woodgrovebank.com', reset: false },
    ],
    [
      'resend invitation ray@woodgrovebank.com reset',
      { kind: 'resendInvitation', address: 'ray@woodgrovebank.com', reset: true },
    ],
    [
      'uitnodiging opnieuw versturen ray@woodgrovebank.com',
      { kind: 'resendInvitation', address: 'ray@woodgrovebank.com', reset: false },
    ],
    ['resend invitation', { kind: 'usage', command: 'resendInvitation' }],
    ['resend invitation a@x.com b@y.com', { kind: 'usage', command: 'resendInvitation' }],
    ['delete guest sam.jones@outlook.com', { kind: 'deleteGuest', address: 'sam.jones@outlook.com' }],
    ['gast wissen sam.jones@outlook.com', { kind: 'deleteGuest', address: 'sam.jones@outlook.com' }],
    ['delete guest', { kind: 'usage', command: 'deleteGuest' }],
    ['reviews', { kind: 'reviews' }],
    ['beoordelingen', { kind: 'reviews' }],
    ['what is the weather', { kind: 'unknown', text: 'what is the weather' }],
  ])('%s', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it('removes Teams mentions and markup before parsing', () => {
    expect(cleanText('<at>Guest Access</at> help&nbsp;')).toBe('help');
    expect(parseCommand('<at>Guest Access</at> <p>my requests</p>')).toEqual({ kind: 'myRequests' });
  });

  it('splits addresses on commas, semicolons, spaces and "and"/"en", dropping mailto: and angle brackets', () => {
    expect(splitAddresses('a@x.com; <b@y.com>, mailto:c@z.com en d@w.com')).toEqual([
      'a@x.com',
      'b@y.com',
      'c@z.com',
      'd@w.com',
    ]);
  });
});
