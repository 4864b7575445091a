import { groupProfile, tenantLayers, type LayerStatus } from '../../src/policy/index.js';
import {
  allowedDomains,
  assignLabel,
  blockedDomains,
  crossTenantDefault,
  ctxOf,
  FABRIKAM_TENANT_ID,
  G,
  groupGuestSetting,
  groupKind,
  groupUnified,
  invitesFrom,
  label,
  licensed,
  orgSharing,
  owners,
  partner,
  spDomains,
  teamsGuests,
  type Patch,
} from '../support/policyFixtures.js';

function layer(patches: Patch[], setting: string): LayerStatus {
  const found = tenantLayers(ctxOf(...patches)).find((l) => l.setting === setting);
  if (!found) throw new Error(`no layer ${setting}`);
  return found;
}

describe('tenantLayers: the chain an admin sees', () => {
  test('order: Entra → cross-tenant → Groups → labels → SharePoint → Teams, all ✓ on an open tenant', () => {
    const layers = tenantLayers(ctxOf());
    expect(layers.map((l) => l.layer)).toEqual([
      'entra',
      'entra',
      'entra',
      'crossTenant',
      'groups',
      'groups',
      'label',
      'sharePoint',
      'sharePoint',
      'teams',
    ]);
    expect(layers.every((l) => l.ok && l.fix === undefined)).toBe(true);
  });

  test.each([
    {
      setting: 'authorizationPolicy.allowInvitesFrom',
      patches: [invitesFrom('none')],
      current: 'none',
      effect: 'INVITES_NOBODY',
      code: 'INVITES_DISABLED',
    },
    {
      setting: 'B2BManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy',
      patches: [allowedDomains(['a.com']), blockedDomains(['b.com'])],
      current: 'AllowedDomains [a.com] + BlockedDomains [b.com]',
      effect: 'DOMAINS_CONFLICT',
      code: 'DOMAIN_POLICY_CONFLICT',
    },
    {
      setting: 'crossTenantAccessPolicy.default.b2bCollaborationInbound.usersAndGroups.accessType',
      patches: [crossTenantDefault('blocked')],
      current: 'blocked',
      effect: 'CROSS_TENANT_DEFAULT_BLOCKED',
      code: 'CROSS_TENANT_DEFAULT_BLOCKED',
    },
    {
      setting: 'Group.Unified.AllowToAddGuests',
      patches: [groupUnified({ AllowToAddGuests: 'false' })],
      current: 'false',
      effect: 'GROUP_GUESTS_OFF',
      code: 'GUESTS_DISABLED_ORG',
    },
    {
      setting: 'Group.Unified.AllowGuestsToAccessGroups',
      patches: [groupUnified({ AllowGuestsToAccessGroups: 'false' })],
      current: 'false',
      effect: 'GROUP_CONTENT_OFF',
      code: 'GROUP_CONTENT_ACCESS_OFF',
    },
    {
      setting: 'sharePoint.sharingCapability',
      patches: [orgSharing('existingExternalUserSharingOnly')],
      current: 'existingExternalUserSharingOnly',
      effect: 'SP_EXISTING_ONLY',
      code: 'SITE_SHARING_ORG_RESTRICTED',
    },
    {
      setting: 'CsTeamsClientConfiguration.AllowGuestUser',
      patches: [teamsGuests(false)],
      current: 'false',
      effect: 'TEAMS_GUESTS_OFF',
      code: 'TEAMS_GUEST_ACCESS_OFF',
    },
  ])('⛔ $setting = $current', ({ setting, patches, current, effect, code }) => {
    const l = layer(patches, setting);
    expect(l).toMatchObject({ currentValue: current, effect, ok: false });
    expect(l.fix?.code).toBe(code);
    expect(l.fix?.fixRoles.length).toBeGreaterThan(0);
  });

  test.each([
    {
      setting: 'Group.Unified.EnableMIPLabels',
      patches: [groupUnified({ EnableMIPLabels: 'TRUE' })],
      current: 'true',
      def: 'false',
      effect: 'LABELS_ON',
    },
    {
      setting: 'B2BManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy',
      patches: [blockedDomains(['b.com'])],
      current: 'BlockedDomains [b.com]',
      def: 'none',
      effect: 'DOMAINS_BLOCK_LIST',
    },
    {
      setting: 'sharePoint.sharingDomainRestrictionMode',
      patches: [spDomains('blockList', ['b.com'])],
      current: 'blockList [b.com]',
      def: 'none',
      effect: 'SP_DOMAINS_BLOCK_LIST',
    },
    {
      setting: 'authorizationPolicy.allowInvitesFrom',
      patches: [],
      current: 'everyone',
      def: 'everyone',
      effect: 'INVITES_EVERYONE',
    },
    {
      setting: 'Group.Unified.AllowToAddGuests',
      patches: [],
      current: 'true',
      def: 'true',
      effect: 'GROUP_GUESTS_ALLOWED',
    },
  ])('✓ $setting = $current (default $def)', ({ setting, patches, current, def, effect }) => {
    expect(layer(patches, setting)).toMatchObject({ currentValue: current, defaultValue: def, effect, ok: true });
  });

  test('a partner entry is its own line, named after the tenant', () => {
    const layers = tenantLayers(ctxOf(partner(FABRIKAM_TENANT_ID, 'blocked')));
    const p = layers.find((l) => l.subject === 'Fabrikam');
    expect(p).toMatchObject({
      layer: 'crossTenant',
      currentValue: 'blocked',
      defaultValue: 'allowed',
      effect: 'CROSS_TENANT_PARTNER_BLOCKED',
      ok: false,
    });
    expect(p?.fix?.where.graph).toBe(`PATCH /policies/crossTenantAccessPolicy/partners/${FABRIKAM_TENANT_ID}`);
  });
});

describe('groupProfile: one group, for a new guest from a neutral domain asked by an owner', () => {
  test('an open team group', () => {
    expect(groupProfile(ctxOf(), G.team)).toMatchObject({
      groupId: G.team,
      displayName: 'Marketing',
      kind: 'microsoft365',
      hasTeam: true,
      groupSetting: 'inherit',
      site: {
        site: 'externalUserSharingOnly',
        org: 'externalUserAndGuestSharing',
        effective: 'externalUserSharingOnly',
      },
      ownerCount: 1,
      memberCount: 3,
      guestCount: 1,
      groupBasedLicensing: false,
      newGuest: {
        verdict: 'addNow',
        blockers: [],
        accessIssues: [],
        access: { groupContent: 'yes', team: 'yes', site: 'yes' },
      },
    });
  });

  test.each([
    {
      case: 'label applies only with labels on',
      patches: [groupUnified({ EnableMIPLabels: 'true' }), label('l1', 'Secret', false), assignLabel(G.team, 'l1')],
      label: { displayName: 'Secret', allowGuests: false, applies: true },
      blockers: ['LABEL_BLOCKS_GUESTS'],
    },
    {
      case: 'label present, labels off',
      patches: [label('l1', 'Secret', false), assignLabel(G.team, 'l1')],
      label: { displayName: 'Secret', allowGuests: false, applies: false },
      blockers: [],
    },
    {
      case: 'per-group false',
      patches: [groupGuestSetting(G.team, 'false')],
      groupSetting: 'false',
      blockers: ['GUESTS_DISABLED_GROUP'],
    },
    {
      case: 'allow list: a neutral domain is not on it',
      patches: [allowedDomains(['fabrikam.com'])],
      blockers: ['DOMAIN_NOT_ALLOWED'],
    },
    { case: 'block list: a neutral domain passes', patches: [blockedDomains(['fabrikam.com'])], blockers: [] },
    {
      case: 'distribution list',
      patches: [groupKind(G.team, 'distributionList')],
      kind: 'distributionList',
      blockers: ['GROUP_DISTRIBUTION_LIST'],
    },
    {
      case: 'no owners, admins exist: approval needed',
      patches: [owners(G.team, [])],
      verdict: 'needsApproval',
      blockers: [],
    },
    { case: 'licensing', patches: [licensed(G.team)], licensing: true, blockers: [] },
  ])('$case', ({ patches, blockers, ...expected }) => {
    const p = groupProfile(ctxOf(...patches), G.team);
    expect(p?.newGuest.blockers.map((b) => b.code)).toEqual(blockers);
    if (expected.label) expect(p?.label).toMatchObject(expected.label);
    if (expected.groupSetting) expect(p?.groupSetting).toBe(expected.groupSetting);
    if (expected.kind) expect(p?.kind).toBe(expected.kind);
    if (expected.verdict) expect(p?.newGuest.verdict).toBe(expected.verdict);
    if (expected.licensing) expect(p?.groupBasedLicensing).toBe(true);
  });

  test('an unknown group has no profile', () => {
    expect(groupProfile(ctxOf(), 'g-missing')).toBeUndefined();
  });
});
