import { evaluateGuest, groupProfile, type GuestDecision } from '../../src/policy/index.js';
import {
  ADDR,
  allowedDomains,
  assignLabel,
  crossTenantDefault,
  ctxOf,
  FABRIKAM_TENANT_ID,
  G,
  groupGuestSetting,
  groupUnified,
  label,
  NORTHWIND_TENANT_ID,
  orgSharing,
  partner,
  siteSharing,
  U,
  type Patch,
} from '../support/policyFixtures.js';

function decide(patches: Patch[], email: string = ADDR.newGuest): GuestDecision {
  return evaluateGuest(ctxOf(...patches), { groupId: G.team, requesterId: U.owner, guestEmail: email });
}

const codes = (d: GuestDecision) => d.blockers.map((b) => b.code);
const labelsOn = groupUnified({ EnableMIPLabels: 'true' });
const labelsOff = groupUnified({ EnableMIPLabels: 'false' });
const allowingLabel = [label('l-open', 'General', true), assignLabel(G.team, 'l-open')];
const denyingLabel = [label('l-closed', 'Confidential', false), assignLabel(G.team, 'l-closed')];

describe('precedence between layers', () => {
  test.each([
    {
      case: 'tenant false beats group true',
      patches: [groupUnified({ AllowToAddGuests: 'false' }), groupGuestSetting(G.team, 'true')],
      blockers: ['GUESTS_DISABLED_ORG'],
    },
    {
      case: 'tenant true does not beat group false',
      patches: [groupUnified({ AllowToAddGuests: 'true' }), groupGuestSetting(G.team, 'false')],
      blockers: ['GUESTS_DISABLED_GROUP'],
    },
    {
      case: 'tenant false and group false: both must change',
      patches: [groupUnified({ AllowToAddGuests: 'false' }), groupGuestSetting(G.team, 'false')],
      blockers: ['GUESTS_DISABLED_ORG', 'GUESTS_DISABLED_GROUP'],
    },
    {
      case: 'labels on: allowing label beats group false',
      patches: [labelsOn, ...allowingLabel, groupGuestSetting(G.team, 'false')],
      blockers: [],
    },
    {
      case: 'labels on: denying label beats group true',
      patches: [labelsOn, ...denyingLabel, groupGuestSetting(G.team, 'true')],
      blockers: ['LABEL_BLOCKS_GUESTS'],
    },
    {
      case: 'labels off: denying label ignored',
      patches: [labelsOff, ...denyingLabel, groupGuestSetting(G.team, 'true')],
      blockers: [],
    },
    {
      case: 'labels off: allowing label does not rescue group false',
      patches: [labelsOff, ...allowingLabel, groupGuestSetting(G.team, 'false')],
      blockers: ['GUESTS_DISABLED_GROUP'],
    },
    {
      case: 'labels on by default? no: no Group.Unified object means labels off',
      patches: [...denyingLabel],
      blockers: [],
    },
    {
      case: 'labels on, label unknown to the tenant: group setting decides',
      patches: [labelsOn, assignLabel(G.team, 'l-ghost'), groupGuestSetting(G.team, 'false')],
      blockers: ['GUESTS_DISABLED_GROUP'],
    },
    {
      case: 'tenant false beats an allowing label',
      patches: [groupUnified({ AllowToAddGuests: 'false', EnableMIPLabels: 'true' }), ...allowingLabel],
      blockers: ['GUESTS_DISABLED_ORG'],
    },
    {
      case: 'partner allowed beats default blocked',
      patches: [crossTenantDefault('blocked'), partner(FABRIKAM_TENANT_ID, 'allowed')],
      blockers: [],
    },
    {
      case: 'partner blocked beats default allowed',
      patches: [crossTenantDefault('allowed'), partner(FABRIKAM_TENANT_ID, 'blocked')],
      blockers: ['CROSS_TENANT_PARTNER_BLOCKED'],
    },
    {
      case: 'another partner entry does not help',
      patches: [crossTenantDefault('blocked'), partner(NORTHWIND_TENANT_ID, 'allowed')],
      blockers: ['CROSS_TENANT_DEFAULT_BLOCKED'],
    },
    {
      case: 'an allow list excludes everything else',
      patches: [allowedDomains(['northwind.example'])],
      blockers: ['DOMAIN_NOT_ALLOWED'],
    },
  ])('$case', ({ patches, blockers }) => {
    const d = decide(patches);
    expect(codes(d)).toEqual(blockers);
    expect(d.verdict).toBe(blockers.length > 0 ? 'blocked' : 'addNow');
  });

  test('an allow list lets its own domains through, nothing else', () => {
    const patches = [allowedDomains(['fabrikam.com'])];
    expect(codes(decide(patches, 'a@fabrikam.com'))).toEqual([]);
    expect(codes(decide(patches, 'a@gmail.com'))).toEqual(['DOMAIN_NOT_ALLOWED']);
    expect(codes(decide(patches, 'a@eu.fabrikam.com'))).toEqual(['DOMAIN_NOT_ALLOWED']);
  });

  test('with labels on, a label overriding a group setting is told', () => {
    expect(decide([labelsOn, ...allowingLabel, groupGuestSetting(G.team, 'false')]).notes).toContain(
      'LABEL_OVERRIDES_GROUP_SETTING',
    );
    expect(decide([labelsOff, ...allowingLabel, groupGuestSetting(G.team, 'false')]).notes).not.toContain(
      'LABEL_OVERRIDES_GROUP_SETTING',
    );
  });

  describe('a site is never more permissive than the organisation', () => {
    test.each([
      {
        org: 'existingExternalUserSharingOnly',
        site: 'externalUserAndGuestSharing',
        effective: 'existingExternalUserSharingOnly',
        newGuest: 'no',
        existing: 'yes',
        issues: ['SITE_SHARING_ORG_RESTRICTED'],
      },
      {
        org: 'externalUserAndGuestSharing',
        site: 'disabled',
        effective: 'disabled',
        newGuest: 'no',
        existing: 'no',
        issues: ['SITE_SHARING_SITE_RESTRICTED'],
      },
      {
        org: 'disabled',
        site: 'externalUserAndGuestSharing',
        effective: 'disabled',
        newGuest: 'no',
        existing: 'no',
        issues: ['SITE_SHARING_ORG_RESTRICTED'],
      },
      {
        org: 'disabled',
        site: 'disabled',
        effective: 'disabled',
        newGuest: 'no',
        existing: 'no',
        issues: ['SITE_SHARING_ORG_RESTRICTED', 'SITE_SHARING_SITE_RESTRICTED'],
      },
      {
        org: 'externalUserSharingOnly',
        site: 'externalUserAndGuestSharing',
        effective: 'externalUserSharingOnly',
        newGuest: 'yes',
        existing: 'yes',
        issues: [],
      },
      {
        org: 'externalUserAndGuestSharing',
        site: 'externalUserSharingOnly',
        effective: 'externalUserSharingOnly',
        newGuest: 'yes',
        existing: 'yes',
        issues: [],
      },
    ] as const)('org $org, site $site → $effective', ({ org, site, effective, newGuest, existing, issues }) => {
      const patches = [orgSharing(org), siteSharing(G.team, site)];
      const fresh = decide(patches);
      expect(fresh.access).toMatchObject({ site: newGuest, siteEffective: effective });
      expect(fresh.accessIssues.map((b) => b.code)).toEqual(issues);
      expect(fresh.verdict).toBe('addNow'); // SharePoint decides access, never membership
      expect(decide(patches, ADDR.existingGuest).access.site).toBe(existing);
      expect(groupProfile(ctxOf(...patches), G.team)?.site).toEqual({ org, site, effective });
    });
  });
});
