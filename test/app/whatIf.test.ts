import {
  applyWhatIf,
  compareSettings,
  parseWhatIf,
  type PendingRequest,
  type WhatIfChange,
} from '../../src/app/admin/whatIf.js';
import { compilePolicy } from '../../src/policy/index.js';
import type { TenantSnapshot } from '../../src/policy/tenantModel.js';
import { demoGroup, demoTenant, demoUser } from '../support/demoTenant.js';

const words = (text: string) => text.split(' ');

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const frozen: TenantSnapshot = deepFreeze(structuredClone(demoTenant));
const before = compilePolicy(frozen);

function simulate(text: string, pending: PendingRequest[] = []) {
  const parsed = parseWhatIf(words(text));
  if (!parsed.ok) throw new Error(`did not parse: ${text}`);
  const applied = applyWhatIf(frozen, parsed.change);
  if (!applied.ok) throw new Error(`not applied: ${text}`);
  return { summary: applied.summary, diff: compareSettings(before, compilePolicy(applied.snapshot), pending) };
}

const verdicts = (diff: ReturnType<typeof simulate>['diff']) =>
  Object.fromEntries(diff.groups.map((g) => [g.displayName, `${g.before}→${g.after}`]));

describe('parsing whatif <setting> <value>', () => {
  it.each<[string, WhatIfChange]>([
    ['AllowToAddGuests false', { kind: 'groupsOrg', name: 'AllowToAddGuests', value: false }],
    ['group.unified.allowtoaddguests TRUE', { kind: 'groupsOrg', name: 'AllowToAddGuests', value: true }],
    ['AllowGuestsToAccessGroups uit', { kind: 'groupsOrg', name: 'AllowGuestsToAccessGroups', value: false }],
    ['EnableMIPLabels false', { kind: 'groupsOrg', name: 'EnableMIPLabels', value: false }],
    ['allowInvitesFrom adminsandguestinviters', { kind: 'allowInvitesFrom', value: 'adminsAndGuestInviters' }],
    [
      'blockedDomains -example.net',
      { kind: 'domains', list: 'BlockedDomains', edits: [{ op: '-', domain: 'example.net' }] },
    ],
    [
      'blockedDomains +Fabrikam.com,-mailinator.com',
      {
        kind: 'domains',
        list: 'BlockedDomains',
        edits: [
          { op: '+', domain: 'fabrikam.com' },
          { op: '-', domain: 'mailinator.com' },
        ],
      },
    ],
    [
      'allowedDomains +fabrikam.com',
      { kind: 'domains', list: 'AllowedDomains', edits: [{ op: '+', domain: 'fabrikam.com' }] },
    ],
    ['crossTenant default blocked', { kind: 'crossTenant', target: 'default', value: 'blocked' }],
    ['crossTenant Northwind Traders allowed', { kind: 'crossTenant', target: 'Northwind Traders', value: 'allowed' }],
    ['sharingCapability disabled', { kind: 'sharingCapability', value: 'disabled' }],
    ['teams allowGuestUser false', { kind: 'teamsGuests', value: false }],
    ['group Marketing AllowToAddGuests true', { kind: 'groupGuests', group: 'Marketing', value: 'true' }],
    [
      'group Project Falcon AllowToAddGuests inherit',
      { kind: 'groupGuests', group: 'Project Falcon', value: 'inherit' },
    ],
    ['label Highly Confidential allowGuests true', { kind: 'labelGuests', label: 'Highly Confidential', value: true }],
  ])('%s', (text, change) => {
    expect(parseWhatIf(words(text))).toEqual({ ok: true, change });
  });

  it.each([
    ['GuestsEverywhere true', { ok: false }],
    ['AllowToAddGuests maybe', { ok: false, setting: 'AllowToAddGuests', value: 'maybe', expected: 'true|false' }],
    ['AllowToAddGuests', { ok: false, setting: 'AllowToAddGuests', value: '', expected: 'true|false' }],
    [
      'blockedDomains example.net',
      { ok: false, setting: 'BlockedDomains', value: 'example.net', expected: '+domain|-domain' },
    ],
    [
      'blockedDomains +not_a_domain',
      { ok: false, setting: 'BlockedDomains', value: '+not_a_domain', expected: '+domain|-domain' },
    ],
    [
      'sharingCapability anyone',
      {
        ok: false,
        setting: 'sharingCapability',
        value: 'anyone',
        expected: expect.stringContaining('externalUserSharingOnly'),
      },
    ],
    ['group Marketing true', { ok: false, setting: 'group', value: 'Marketing true', expected: expect.any(String) }],
  ])('%s is refused with what was expected', (text, expected) => {
    expect(parseWhatIf(words(text))).toEqual(expected);
  });
});

describe('applying a hypothetical change', () => {
  it('never changes the (frozen) snapshot and returns a changed copy', () => {
    const copy = JSON.stringify(frozen);
    const applied = applyWhatIf(frozen, { kind: 'groupsOrg', name: 'AllowToAddGuests', value: false });
    expect(applied.ok).toBe(true);
    expect(JSON.stringify(frozen)).toBe(copy);
    if (applied.ok) expect(applied.snapshot).not.toBe(frozen);
  });

  it('names unknown groups, labels and tenants with suggestions', () => {
    expect(applyWhatIf(frozen, { kind: 'groupGuests', group: 'Marketting', value: 'true' })).toMatchObject({
      ok: false,
      notFound: 'group',
      suggestions: ['Marketing'],
    });
    expect(applyWhatIf(frozen, { kind: 'labelGuests', label: 'Secret', value: true })).toMatchObject({
      ok: false,
      notFound: 'label',
      suggestions: expect.arrayContaining(['Confidential']),
    });
    expect(applyWhatIf(frozen, { kind: 'crossTenant', target: 'Litware', value: 'allowed' })).toMatchObject({
      ok: false,
      notFound: 'tenant',
    });
  });

  it('switching Entra from a block list to an allow list says so', () => {
    const applied = applyWhatIf(frozen, {
      kind: 'domains',
      list: 'AllowedDomains',
      edits: [{ op: '+', domain: 'fabrikam.com' }],
    });
    expect(applied).toMatchObject({
      ok: true,
      summary: {
        from: 'BlockedDomains [tailspintoys.com, mailinator.com]',
        to: '[fabrikam.com]',
        replacesOtherList: true,
      },
    });
  });
});

describe('comparing every group and pending request before and after', () => {
  it('AllowToAddGuests false blocks every Microsoft 365 group that took guests', () => {
    const { summary, diff } = simulate('AllowToAddGuests false');
    expect(summary).toEqual({ setting: 'Group.Unified.AllowToAddGuests', from: 'true', to: 'false' });
    const changed = verdicts(diff);
    expect(changed).toMatchObject({ Marketing: 'addNow→blocked', Sales: 'addNow→blocked', Leesclub: 'addNow→blocked' });
    // Already blocked for another reason, or not a Microsoft 365 group: no change to report.
    expect(changed).not.toHaveProperty('HR');
    expect(changed).not.toHaveProperty('Newsletter');
    expect(diff.groups.find((g) => g.displayName === 'Marketing')!.blockersAfter).toEqual(['GUESTS_DISABLED_ORG']);
    expect(diff.groupsCompared).toBe(demoTenant.groups.length);
  });

  it('a per-group setting changes only that group', () => {
    expect(verdicts(simulate('group Marketing AllowToAddGuests false').diff)).toEqual({ Marketing: 'addNow→blocked' });
    expect(verdicts(simulate('group HR AllowToAddGuests inherit').diff)).toEqual({ HR: 'blocked→addNow' });
  });

  it('a label that starts allowing guests opens its groups, and turning labels off does too', () => {
    expect(verdicts(simulate('label Confidential allowGuests true').diff)).toEqual({
      'Project Falcon': 'blocked→addNow',
    });
    expect(verdicts(simulate('EnableMIPLabels false').diff)).toEqual({ 'Project Falcon': 'blocked→addNow' });
  });

  it('allowInvitesFrom adminsAndGuestInviters sends owners’ invitations to the inviters for approval', () => {
    expect(verdicts(simulate('allowInvitesFrom adminsAndGuestInviters').diff)).toMatchObject({
      Marketing: 'addNow→needsApproval',
    });
    expect(verdicts(simulate('allowInvitesFrom none').diff)).toMatchObject({ Marketing: 'addNow→blocked' });
  });

  it('Teams and SharePoint changes keep membership but take away the team or the site', () => {
    const teams = simulate('teams allowGuestUser false').diff;
    expect(teams.groups.map((g) => g.displayName)).toEqual(expect.arrayContaining(['Marketing', 'Sales', 'Legal']));
    expect(teams.groups.find((g) => g.displayName === 'Marketing')).toMatchObject({
      before: 'addNow',
      after: 'addNow',
      access: [{ workload: 'team', before: 'yes', after: 'no' }],
    });
    const sharing = simulate('sharingCapability disabled').diff;
    expect(sharing.groups.find((g) => g.displayName === 'Sales')!.access).toEqual([
      { workload: 'site', before: 'yes', after: 'no' },
    ]);
  });

  it('pending requests whose guests would be blocked (or let through) are listed', () => {
    const nestor = demoUser('Nestor Wilke');
    const pending: PendingRequest[] = [
      {
        id: 'R-AAAAAA',
        groupId: demoGroup('Marketing').id,
        requesterId: nestor.id,
        guests: [{ email: 'anna@fabrikam.com' }, { email: 'bo@woodgrovebank.com' }],
      },
      {
        id: 'R-BBBBBB',
        groupId: demoGroup('Marketing').id,
        requesterId: nestor.id,
        guests: [{ email: 'cy@fabrikam.com', added: true }],
      },
    ];
    const { diff } = simulate('blockedDomains +fabrikam.com', pending);
    expect(diff.requests).toEqual([
      {
        requestId: 'R-AAAAAA',
        groupId: demoGroup('Marketing').id,
        displayName: 'Marketing',
        guestEmail: 'anna@fabrikam.com',
        before: 'needsApproval',
        after: 'blocked',
        blockersAfter: ['DOMAIN_BLOCKED'],
      },
    ]);
    expect(diff.guestsCompared).toBe(2);
    expect(diff.groups).toEqual([]);
    expect(simulate('crossTenant Fabrikam blocked', pending).diff.requests.map((r) => r.blockersAfter)).toEqual([
      ['CROSS_TENANT_PARTNER_BLOCKED'],
    ]);
  });

  it('a change that changes nothing reports nothing', () => {
    const { summary, diff } = simulate('blockedDomains -example.net');
    expect(summary.from).toBe(summary.to);
    expect(diff.groups).toEqual([]);
    expect(diff.requests).toEqual([]);
  });
});

describe('whatif on a layer the directory can’t know', () => {
  test('Teams guest access unknown: "before" is unknown, and team-enabled groups go from unverified to yes', () => {
    const unknown: TenantSnapshot = structuredClone(demoTenant);
    delete unknown.teams;
    const parsed = parseWhatIf(words('teams allowGuestUser true'));
    if (!parsed.ok) throw new Error('did not parse');
    const applied = applyWhatIf(unknown, parsed.change);
    if (!applied.ok) throw new Error('not applied');
    expect(applied.summary).toMatchObject({
      setting: 'CsTeamsClientConfiguration.AllowGuestUser',
      from: 'unknown',
      to: 'true',
    });
    const diff = compareSettings(compilePolicy(unknown), compilePolicy(applied.snapshot), []);
    const team = diff.groups.flatMap((g) => g.access).filter((a) => a.workload === 'team');
    expect(team.length).toBeGreaterThan(0);
    for (const a of team) expect(a).toMatchObject({ before: 'unverified', after: 'yes' });
  });
});
