import {
  compilePolicy,
  evaluateGuest,
  groupProfile,
  mayInvite,
  tenantLayers,
  type GuestDecision,
} from '../../src/policy/index.js';
import { TEMPLATE_GROUP_UNIFIED, TEMPLATE_GROUP_UNIFIED_GUEST } from '../../src/policy/tenantModel.js';
import {
  ADDR,
  addGuestUser,
  allowedDomains,
  assignLabel,
  blockedDomains,
  ctxOf,
  disable,
  G,
  groupUnified,
  invitesFrom,
  label,
  orgSharing,
  owners,
  tenant,
  U,
  type Patch,
} from '../support/policyFixtures.js';

function decide(patches: Patch[], email: string = ADDR.newGuest): GuestDecision {
  return evaluateGuest(ctxOf(...patches), { groupId: G.team, requesterId: U.owner, guestEmail: email });
}
const codes = (d: GuestDecision) => d.blockers.map((b) => b.code);

describe('a group carrying several labels: the most restrictive decides', () => {
  const labelsOn = groupUnified({ EnableMIPLabels: 'true' });
  const labels: Patch[] = [
    label('l-yes', 'Open', true),
    label('l-no', 'Secret', false),
    (t) => t.sensitivityLabels.push({ id: 'l-unknown', displayName: 'Internal' }),
  ];
  const carry =
    (...ids: string[]): Patch =>
    (t) => {
      t.groups[0].assignedLabels = ids.map((labelId) => ({ labelId }));
    };

  test.each([
    { carried: ['l-yes', 'l-no'], blockers: ['LABEL_BLOCKS_GUESTS'], unverified: [], subject: 'Secret' },
    { carried: ['l-unknown', 'l-no'], blockers: ['LABEL_BLOCKS_GUESTS'], unverified: [], subject: 'Secret' },
    { carried: ['l-yes', 'l-unknown'], blockers: [], unverified: ['LABEL_GUESTS_UNVERIFIED'], subject: 'Internal' },
    { carried: ['l-missing', 'l-yes'], blockers: [], unverified: [], subject: undefined },
  ])('$carried', ({ carried, blockers, unverified, subject }) => {
    const d = decide([labelsOn, ...labels, carry(...carried)]);
    expect(codes(d)).toEqual(blockers);
    expect(d.unverified.map((u) => u.code)).toEqual(unverified);
    if (subject) expect([...d.blockers, ...d.unverified][0].subject).toBe(subject);
    expect(groupProfile(ctxOf(labelsOn, ...labels, carry(...carried)), G.team)?.label?.displayName).toBe(
      subject ?? 'Open',
    );
  });

  test('a label that allows guests with no group setting of its own: nothing overridden, no note', () => {
    const d = decide([labelsOn, label('l-yes', 'Open', true), assignLabel(G.team, 'l-yes')]);
    expect(d.notes).toEqual(['GUEST_DIRECTORY_VISIBILITY_LIMITED']);
  });
});

describe('directory settings as Graph may give them', () => {
  test('without template ids, found by name; template ids in any case', () => {
    const byName = tenant((t) => {
      // Snapshots written by hand may leave the template id out.
      t.groupSettings = [
        { id: 's-other', displayName: 'Other', values: [{ name: 'AllowToAddGuests', value: 'true' }] },
        { id: 's-org', displayName: 'group.unified', values: [{ name: 'AllowGuestsToAccessGroups', value: 'false' }] },
      ] as never;
      t.groups[0].settings = [
        { id: 's-g', displayName: 'Group.Unified.Guest', values: [{ name: 'allowtoaddguests', value: ' FALSE ' }] },
      ] as never;
    });
    const d = evaluateGuest(compilePolicy(byName), {
      groupId: G.team,
      requesterId: U.owner,
      guestEmail: ADDR.newGuest,
    });
    expect(codes(d)).toEqual(['GUESTS_DISABLED_GROUP']);
    expect(d.blockers[0].where.graph).toContain('/groups/g-team/settings/s-g ');
    expect(d.accessIssues.map((b) => b.code)).toEqual(['GROUP_CONTENT_ACCESS_OFF']);

    const upper = tenant((t) => {
      t.groupSettings = [
        { id: 's-x', templateId: 'something-else', values: [{ name: 'AllowToAddGuests', value: 'false' }] },
        {
          id: 's-org',
          templateId: TEMPLATE_GROUP_UNIFIED.toUpperCase(),
          values: [{ name: 'AllowToAddGuests', value: 'false' }],
        },
      ];
      t.groups[0].settings = [{ templateId: TEMPLATE_GROUP_UNIFIED_GUEST.toUpperCase(), values: [] }];
    });
    const u = evaluateGuest(compilePolicy(upper), { groupId: G.team, requesterId: U.owner, guestEmail: ADDR.newGuest });
    expect(codes(u)).toEqual(['GUESTS_DISABLED_ORG']);
    expect(u.blockers[0].where.graph).toContain('/groupSettings/s-org ');
    expect(groupProfile(compilePolicy(upper), G.team)?.groupSetting).toBe('inherit');
  });

  test('a value that is null, or a settings object without values, means “not set”', () => {
    const t = tenant((s) => {
      s.groupSettings = [
        {
          id: 's-org',
          templateId: TEMPLATE_GROUP_UNIFIED,
          values: [{ name: 'AllowToAddGuests', value: null as never }],
        },
      ];
      s.groups[0].settings = [{ id: 's-g', templateId: TEMPLATE_GROUP_UNIFIED_GUEST } as never];
    });
    const ctx = compilePolicy(t);
    expect(codes(evaluateGuest(ctx, { groupId: G.team, requesterId: U.owner, guestEmail: ADDR.newGuest }))).toEqual([]);
    expect(tenantLayers(ctx).find((l) => l.setting === 'Group.Unified.AllowToAddGuests')?.currentValue).toBe('true');
  });
});

describe('the directory’s addresses', () => {
  test('a user without mail is found by user principal name; the first of two users with one address keeps it', () => {
    const ctx = ctxOf(
      addGuestUser('u-nomail', 'x', {
        mail: null as never,
        userPrincipalName: 'nomail_partner.org#EXT#@contoso.onmicrosoft.com',
      }),
      addGuestUser('u-first', 'twice@partner.org'),
      addGuestUser('u-second', 'twice@partner.org'),
    );
    const ask = (guestEmail: string) => evaluateGuest(ctx, { groupId: G.team, requesterId: U.owner, guestEmail });
    expect(ask('nomail_partner.org#EXT#@contoso.onmicrosoft.com').existingUserId).toBe('u-nomail');
    expect(ask('twice@partner.org').existingUserId).toBe('u-first');
  });
});

describe('who approves a guest already in the directory when the group has no enabled owner', () => {
  test('the admins, because there is no owner', () => {
    const d = decide([owners(G.team, [])], ADDR.existingGuest);
    expect(
      evaluateGuest(ctxOf(owners(G.team, [])), {
        groupId: G.team,
        requesterId: U.member,
        guestEmail: ADDR.existingGuest,
      }).approval,
    ).toEqual({
      basis: 'admins',
      approverIds: [U.admin, U.userAdmin],
      reasonCode: 'NO_OWNERS',
    });
    expect(d.verdict).toBe('blocked');
  });
});

describe('SharePoint’s organisation level in the overview', () => {
  test.each([
    ['externalUserSharingOnly', 'SP_NEW_AND_EXISTING', true],
    ['existingExternalUserSharingOnly', 'SP_EXISTING_ONLY', false],
    ['disabled', 'SP_ONLY_ORGANISATION', false],
    ['externalUserAndGuestSharing', 'SP_ANYONE', true],
  ] as const)('%s → %s', (capability, effect, ok) => {
    expect(
      tenantLayers(ctxOf(orgSharing(capability))).find((l) => l.setting === 'sharePoint.sharingCapability'),
    ).toMatchObject({
      effect,
      ok,
    });
  });
});

describe('who may invite, and the invitation rows of the overview', () => {
  test('a disabled account or an unknown user may not invite, even where everyone may', () => {
    const ctx = ctxOf(disable(U.member));
    expect(mayInvite(ctx, U.member)).toBe(false);
    expect(mayInvite(ctx, 'u-nobody')).toBe(false);
    expect(mayInvite(ctx, U.owner)).toBe(true);
  });

  test.each([
    ['adminsAndGuestInviters', 'INVITES_ADMINS_AND_INVITERS'],
    ['adminsGuestInvitersAndAllMembers', 'INVITES_MEMBERS'],
    ['everyone', 'INVITES_EVERYONE'],
  ] as const)('allowInvitesFrom %s → %s, ✓', (value, effect) => {
    expect(tenantLayers(ctxOf(invitesFrom(value)))[0]).toEqual({
      layer: 'entra',
      setting: 'authorizationPolicy.allowInvitesFrom',
      currentValue: value,
      defaultValue: 'everyone',
      effect,
      ok: true,
    });
  });

  test('an empty BlockedDomains is what Entra writes by default: no list, and no conflict beside an allow list', () => {
    const domainsRow = (...patches: Patch[]) =>
      tenantLayers(ctxOf(...patches)).find((l) => l.setting.startsWith('B2BManagementPolicy'));
    expect(domainsRow(blockedDomains([]))).toMatchObject({ currentValue: 'none', effect: 'DOMAINS_UNRESTRICTED' });
    expect(domainsRow(allowedDomains(['fabrikam.com']), blockedDomains([]))).toMatchObject({
      currentValue: 'AllowedDomains [fabrikam.com]',
      effect: 'DOMAINS_ALLOW_LIST',
      ok: true,
    });
    expect(codes(decide([allowedDomains(['fabrikam.com']), blockedDomains([])]))).toEqual([]);
  });
});
