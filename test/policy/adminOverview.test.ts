import { tenantLayers, type LayerStatus } from '../../src/policy/index.js';
import { GUEST_ROLE_LIMITED } from '../../src/policy/tenantModel.js';
import {
  allowedDomains,
  crossTenantDefault,
  ctxOf,
  groupUnified,
  invitesFrom,
  orgSharing,
  partner,
  spDomains,
  teamsUnknown,
} from '../support/policyFixtures.js';

/** The whole tenant overview an admin reads, row by row: each setting, its value, Microsoft's default, ✓ or ⛔. */

type Row = Omit<LayerStatus, 'fix'> & { fix?: string };

function rows(...patches: Parameters<typeof ctxOf>): Row[] {
  return tenantLayers(ctxOf(...patches)).map(({ fix, ...row }) => (fix ? { ...row, fix: fix.code } : row));
}

const INVITES = 'authorizationPolicy.allowInvitesFrom';
const GUEST_ROLE = 'authorizationPolicy.guestUserRoleId';
const DOMAINS = 'B2BManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy';
const CT_DEFAULT = 'crossTenantAccessPolicy.default.b2bCollaborationInbound.usersAndGroups.accessType';
const ADD_GUESTS = 'Group.Unified.AllowToAddGuests';
const CONTENT = 'Group.Unified.AllowGuestsToAccessGroups';
const LABELS = 'Group.Unified.EnableMIPLabels';
const SP = 'sharePoint.sharingCapability';
const SP_DOMAINS = 'sharePoint.sharingDomainRestrictionMode';
const TEAMS = 'CsTeamsClientConfiguration.AllowGuestUser';

describe('the tenant overview', () => {
  test('an open tenant: every row at Microsoft’s default, all ✓', () => {
    expect(rows()).toEqual([
      {
        layer: 'entra',
        setting: INVITES,
        currentValue: 'everyone',
        defaultValue: 'everyone',
        effect: 'INVITES_EVERYONE',
        ok: true,
      },
      {
        layer: 'entra',
        setting: GUEST_ROLE,
        currentValue: GUEST_ROLE_LIMITED,
        defaultValue: GUEST_ROLE_LIMITED,
        effect: 'GUEST_VISIBILITY_LIMITED',
        ok: true,
      },
      {
        layer: 'entra',
        setting: DOMAINS,
        currentValue: 'none',
        defaultValue: 'none',
        effect: 'DOMAINS_UNRESTRICTED',
        ok: true,
      },
      {
        layer: 'crossTenant',
        setting: CT_DEFAULT,
        currentValue: 'allowed',
        defaultValue: 'allowed',
        effect: 'CROSS_TENANT_DEFAULT_ALLOWED',
        ok: true,
      },
      {
        layer: 'groups',
        setting: ADD_GUESTS,
        currentValue: 'true',
        defaultValue: 'true',
        effect: 'GROUP_GUESTS_ALLOWED',
        ok: true,
      },
      {
        layer: 'groups',
        setting: CONTENT,
        currentValue: 'true',
        defaultValue: 'true',
        effect: 'GROUP_CONTENT_ALLOWED',
        ok: true,
      },
      { layer: 'label', setting: LABELS, currentValue: 'false', defaultValue: 'false', effect: 'LABELS_OFF', ok: true },
      {
        layer: 'sharePoint',
        setting: SP,
        currentValue: 'externalUserAndGuestSharing',
        defaultValue: 'externalUserAndGuestSharing',
        effect: 'SP_ANYONE',
        ok: true,
      },
      {
        layer: 'sharePoint',
        setting: SP_DOMAINS,
        currentValue: 'none',
        defaultValue: 'none',
        effect: 'SP_DOMAINS_UNRESTRICTED',
        ok: true,
      },
      {
        layer: 'teams',
        setting: TEAMS,
        currentValue: 'true',
        defaultValue: 'true',
        effect: 'TEAMS_GUESTS_ON',
        ok: true,
      },
    ]);
  });

  test('a locked-down tenant: ⛔ where guests are stopped, with the fix; empty allow lists stop everyone', () => {
    expect(
      rows(
        invitesFrom('none'),
        allowedDomains([]),
        crossTenantDefault('blocked'),
        partner('tenant-unnamed', 'allowed'),
        groupUnified({ AllowToAddGuests: 'false', AllowGuestsToAccessGroups: 'false', EnableMIPLabels: 'true' }),
        orgSharing('disabled'),
        spDomains('allowList', []),
        teamsUnknown(),
      ),
    ).toEqual([
      {
        layer: 'entra',
        setting: INVITES,
        currentValue: 'none',
        defaultValue: 'everyone',
        effect: 'INVITES_NOBODY',
        ok: false,
        fix: 'INVITES_DISABLED',
      },
      {
        layer: 'entra',
        setting: GUEST_ROLE,
        currentValue: GUEST_ROLE_LIMITED,
        defaultValue: GUEST_ROLE_LIMITED,
        effect: 'GUEST_VISIBILITY_LIMITED',
        ok: true,
      },
      {
        layer: 'entra',
        setting: DOMAINS,
        currentValue: 'AllowedDomains []',
        defaultValue: 'none',
        effect: 'DOMAINS_ALLOW_LIST',
        ok: false,
      },
      {
        layer: 'crossTenant',
        setting: CT_DEFAULT,
        currentValue: 'blocked',
        defaultValue: 'allowed',
        effect: 'CROSS_TENANT_DEFAULT_BLOCKED',
        ok: false,
        fix: 'CROSS_TENANT_DEFAULT_BLOCKED',
      },
      {
        // A partner the snapshot has no name for is named by its tenant id; its default is the tenant default.
        layer: 'crossTenant',
        setting: 'crossTenantAccessPolicy.partners[tenant-unnamed].b2bCollaborationInbound.usersAndGroups.accessType',
        currentValue: 'allowed',
        defaultValue: 'blocked',
        effect: 'CROSS_TENANT_PARTNER_ALLOWED',
        ok: true,
        subject: 'tenant-unnamed',
      },
      {
        layer: 'groups',
        setting: ADD_GUESTS,
        currentValue: 'false',
        defaultValue: 'true',
        effect: 'GROUP_GUESTS_OFF',
        ok: false,
        fix: 'GUESTS_DISABLED_ORG',
      },
      {
        layer: 'groups',
        setting: CONTENT,
        currentValue: 'false',
        defaultValue: 'true',
        effect: 'GROUP_CONTENT_OFF',
        ok: false,
        fix: 'GROUP_CONTENT_ACCESS_OFF',
      },
      { layer: 'label', setting: LABELS, currentValue: 'true', defaultValue: 'false', effect: 'LABELS_ON', ok: true },
      {
        layer: 'sharePoint',
        setting: SP,
        currentValue: 'disabled',
        defaultValue: 'externalUserAndGuestSharing',
        effect: 'SP_ONLY_ORGANISATION',
        ok: false,
        fix: 'SITE_SHARING_ORG_RESTRICTED',
      },
      {
        layer: 'sharePoint',
        setting: SP_DOMAINS,
        currentValue: 'allowList []',
        defaultValue: 'none',
        effect: 'SP_DOMAINS_ALLOW_LIST',
        ok: false,
      },
      {
        layer: 'teams',
        setting: TEAMS,
        currentValue: 'unknown',
        defaultValue: 'true',
        effect: 'TEAMS_GUESTS_UNVERIFIED',
        ok: true,
      },
    ]);
  });

  test('every row and the list itself are read-only', () => {
    const layers = tenantLayers(ctxOf());
    expect(Object.isFrozen(layers)).toBe(true);
    expect(layers.every((l) => Object.isFrozen(l))).toBe(true);
  });
});
