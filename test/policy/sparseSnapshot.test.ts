import { compilePolicy, evaluateGuest, groupProfile, tenantLayers } from '../../src/policy/index.js';
import {
  GUEST_ROLE_LIMITED,
  GUEST_ROLE_RESTRICTED,
  TEMPLATE_GROUP_UNIFIED_GUEST,
  type TenantSnapshot,
} from '../../src/policy/tenantModel.js';

/**
 * A snapshot built by hand or exported from a tenant without some policy objects: what is missing gets Microsoft's
 * default, and what is there, however sparse its neighbours, is kept.
 */

const tenantOnly = { tenant: { id: 't', displayName: 'Contoso' } } as unknown as TenantSnapshot;

function sparse(extra: Record<string, unknown>): TenantSnapshot {
  return { tenant: { id: 't', displayName: 'Contoso', verifiedDomains: ['contoso.com'] }, ...extra } as never;
}

describe('a snapshot with only a tenant', () => {
  test('the overview shows Microsoft’s defaults; Teams is unknown', () => {
    const rows = tenantLayers(compilePolicy(tenantOnly)).map((l) => [l.setting, l.currentValue, l.ok]);
    expect(rows).toEqual([
      ['authorizationPolicy.allowInvitesFrom', 'everyone', true],
      ['authorizationPolicy.guestUserRoleId', GUEST_ROLE_LIMITED, true],
      ['B2BManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy', 'none', true],
      ['crossTenantAccessPolicy.default.b2bCollaborationInbound.usersAndGroups.accessType', 'allowed', true],
      ['Group.Unified.AllowToAddGuests', 'true', true],
      ['Group.Unified.AllowGuestsToAccessGroups', 'true', true],
      ['Group.Unified.EnableMIPLabels', 'false', true],
      ['sharePoint.sharingCapability', 'externalUserAndGuestSharing', true],
      ['sharePoint.sharingDomainRestrictionMode', 'none', true],
      ['CsTeamsClientConfiguration.AllowGuestUser', 'unknown', true],
    ]);
  });

  test('a partial policy object keeps what it says and gets the rest', () => {
    const ctx = compilePolicy(
      sparse({
        authorizationPolicy: { guestUserRoleId: GUEST_ROLE_RESTRICTED },
        sharePoint: { sharingCapability: 'externalUserSharingOnly' },
      }),
    );
    const rows = new Map(tenantLayers(ctx).map((l) => [l.setting, l.currentValue]));
    expect(rows.get('authorizationPolicy.allowInvitesFrom')).toBe('everyone');
    expect(rows.get('authorizationPolicy.guestUserRoleId')).toBe(GUEST_ROLE_RESTRICTED);
    expect(rows.get('sharePoint.sharingCapability')).toBe('externalUserSharingOnly');
    expect(rows.get('sharePoint.sharingDomainRestrictionMode')).toBe('none');
    const keepsMode = compilePolicy(sparse({ sharePoint: { sharingDomainRestrictionMode: 'blockList' } }));
    expect(
      tenantLayers(keepsMode).find((l) => l.setting === 'sharePoint.sharingDomainRestrictionMode')?.currentValue,
    ).toBe('blockList []');
  });
});

describe('sparse users', () => {
  test('without roles, account state or user type: an enabled member; what a user does say is kept', () => {
    const ctx = compilePolicy(
      sparse({
        users: [
          // Complete: taken as it is.
          {
            id: 'full',
            displayName: 'Full',
            mail: 'full@contoso.com',
            userType: 'Member',
            accountEnabled: true,
            roles: [],
          },
          { id: 'o', displayName: 'Owner', mail: 'o@contoso.com' },
          { id: 'a', displayName: 'Admin', mail: 'a@contoso.com', roles: ['Global Administrator'] },
          { id: 'off', displayName: 'Off', mail: 'off@contoso.com', accountEnabled: false },
          { id: 'gst', displayName: 'Guest', mail: 'gst@partner.org', userType: 'Guest' },
          { id: 'm', displayName: 'Member elsewhere', mail: 'm@partner.org' },
        ],
        groups: [
          {
            id: 'g',
            displayName: 'Team',
            groupTypes: ['Unified'],
            mailEnabled: true,
            securityEnabled: false,
            owners: ['o', 'off'],
            members: [],
          },
        ],
      }),
    );
    const ask = (requesterId: string, guestEmail: string) =>
      evaluateGuest(ctx, { groupId: 'g', requesterId, guestEmail });
    expect(ask('o', 'x@fabrikam.com').approval.reasonCode).toBe('REQUESTER_IS_OWNER');
    expect(ask('a', 'x@fabrikam.com').approval.reasonCode).toBe('REQUESTER_IS_ADMIN');
    expect(ask('off', 'x@fabrikam.com').blockers.map((b) => b.code)).toEqual(['REQUESTER_NOT_MEMBER']);
    expect(ask('o', 'gst@partner.org')).toMatchObject({
      verdict: 'addNow',
      existingUserId: 'gst',
      invitation: 'notNeeded',
    });
    // A user without a type is a member: a colleague, whatever the domain of the address.
    expect(ask('o', 'm@partner.org')).toMatchObject({ verdict: 'nothingToDo', notes: ['INTERNAL_ADDRESS'] });
  });
});

describe('sparse groups', () => {
  test('a Microsoft 365 group missing only its address keeps every other fact', () => {
    const ctx = compilePolicy(
      sparse({
        users: [{ id: 'o', displayName: 'Owner', mail: 'o@contoso.com' }],
        sensitivityLabels: [{ id: 'l', displayName: 'Open', allowGuests: true }],
        groups: [
          {
            id: 'g',
            displayName: 'Sparse',
            groupTypes: ['Unified', 'DynamicMembership'],
            mailEnabled: true,
            securityEnabled: false,
            onPremisesSyncEnabled: true,
            membershipRule: '(user.department -eq "Sales")',
            resourceProvisioningOptions: ['Team'],
            creationOptions: [],
            assignedLabels: [{ labelId: 'l' }],
            assignedLicenses: [{ skuId: 'sku' }],
            settings: [
              { templateId: TEMPLATE_GROUP_UNIFIED_GUEST, values: [{ name: 'AllowToAddGuests', value: 'false' }] },
            ],
            site: { webUrl: 'https://contoso.sharepoint.com/sites/sparse', sharingCapability: 'disabled' },
            owners: ['o'],
            members: ['o', 'x'],
          },
        ],
      }),
    );
    expect(groupProfile(ctx, 'g')).toMatchObject({
      displayName: 'Sparse',
      kind: 'microsoft365',
      dynamic: true,
      onPremises: true,
      hasTeam: true,
      label: { id: 'l', displayName: 'Open', allowGuests: true, applies: false },
      groupSetting: 'false',
      site: { site: 'disabled', effective: 'disabled' },
      memberCount: 2,
      groupBasedLicensing: true,
      newGuest: { verdict: 'blocked' },
    });
  });

  test('a group with nothing but an id, owners and members: named by its id, a security group', () => {
    const ctx = compilePolicy(
      sparse({
        users: [{ id: 'o', displayName: 'Owner', mail: 'o@contoso.com' }],
        groups: [
          { id: 'g-bare', owners: ['o'], members: ['o'] },
          { id: 'g-dl', displayName: 'List', mailEnabled: true, owners: ['o'], members: ['o'] },
          {
            id: 'g-mes',
            displayName: 'Mail sec',
            mailEnabled: true,
            securityEnabled: true,
            owners: ['o'],
            members: [],
          },
        ],
      }),
    );
    expect(groupProfile(ctx, 'g-bare')).toMatchObject({
      displayName: 'g-bare',
      kind: 'security',
      dynamic: false,
      onPremises: false,
      hasTeam: false,
      groupSetting: 'inherit',
      ownerCount: 1,
      memberCount: 1,
      groupBasedLicensing: false,
    });
    expect(groupProfile(ctx, 'g-bare')?.site).toBeUndefined();
    expect(groupProfile(ctx, 'g-dl')?.kind).toBe('distributionList');
    expect(groupProfile(ctx, 'g-dl')?.newGuest.blockers[0].where.powershell).toBe(
      'Upgrade-DistributionGroup -DlIdentities g-dl',
    );
    expect(groupProfile(ctx, 'g-mes')?.kind).toBe('mailEnabledSecurity');
  });
});
