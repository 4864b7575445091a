import { evaluateGuest, type Blocker, type Verdict } from '../../src/policy/index.js';
import {
  ADDR,
  allowedDomains,
  blockedDomains,
  ctxOf,
  G,
  groupGuestSetting,
  groupKind,
  groupUnified,
  invitesFrom,
  orgSharing,
  siteSharing,
  spDomains,
  owners,
  roles,
  U,
  type Patch,
} from '../support/policyFixtures.js';

/**
 * Every layer's fix, as an admin acts on it: the setting and its value, the value that lets guests through, who can
 * change it, in which admin centre, the PowerShell command and Graph call, and whether it takes up to 24 hours.
 * Asked by the group's owner for a guest from fabrikam.com (new) or partner.org (already in the directory).
 */

const noMail: Patch = (t) => {
  t.groups[0].mail = null;
};
const groupSettingWithoutId: Patch = (t) => {
  delete (t.groups[0].settings[0] as { id?: string }).id;
};
const noAdmins: Patch[] = [roles(U.admin, []), roles(U.userAdmin, [])];
const orgSettingWithoutId: Patch = (t) => {
  delete (t.groupSettings[0] as { id?: string }).id;
};

interface Case {
  case: string;
  patches: Patch[];
  email: string;
  requester?: string;
  group?: string;
  verdict: Verdict;
  blockers: Blocker[];
  accessIssues: Blocker[];
}

const CASES: Case[] = [
  {
    case: 'a distribution list: upgrade it in Exchange, by its address',
    patches: [groupKind(G.team, 'distributionList')],
    email: ADDR.newGuest,
    verdict: 'blocked',
    blockers: [
      {
        code: 'GROUP_DISTRIBUTION_LIST',
        layer: 'group',
        setting: 'groupTypes',
        currentValue: 'distributionList',
        allowingValue: 'Unified',
        fixRoles: ['exchangeAdmin', 'globalAdmin'],
        where: {
          portalKey: 'exchangeGroups',
          powershell: 'Upgrade-DistributionGroup -DlIdentities g-team@contoso.com',
        },
        propagation24h: false,
      },
    ],
    accessIssues: [],
  },
  {
    case: 'a mail-enabled security group: managed in Exchange',
    patches: [groupKind(G.team, 'mailEnabledSecurity')],
    email: ADDR.newGuest,
    verdict: 'blocked',
    blockers: [
      {
        code: 'GROUP_MAIL_ENABLED_SECURITY',
        layer: 'group',
        setting: 'groupTypes',
        currentValue: 'mailEnabledSecurity',
        allowingValue: 'Unified',
        fixRoles: ['exchangeAdmin', 'globalAdmin'],
        where: { portalKey: 'exchangeGroups' },
        propagation24h: false,
      },
    ],
    accessIssues: [],
  },
  {
    case: 'a security group: members are added in Entra',
    patches: [groupKind(G.team, 'security')],
    email: ADDR.newGuest,
    verdict: 'blocked',
    blockers: [
      {
        code: 'GROUP_NOT_M365',
        layer: 'group',
        setting: 'groupTypes',
        currentValue: 'security',
        allowingValue: 'Unified',
        fixRoles: ['groupsAdmin', 'globalAdmin'],
        where: { portalKey: 'entraGroups', graph: 'POST /groups/g-team/members/$ref' },
        propagation24h: false,
      },
    ],
    accessIssues: [],
  },
  {
    case: 'a dynamic group: membership by rule, paused to add by hand',
    patches: [groupKind(G.team, 'dynamic')],
    email: ADDR.newGuest,
    verdict: 'blocked',
    blockers: [
      {
        code: 'GROUP_DYNAMIC',
        layer: 'group',
        setting: 'groupTypes',
        currentValue: 'DynamicMembership',
        allowingValue: 'assigned',
        fixRoles: ['groupsAdmin', 'globalAdmin'],
        where: {
          portalKey: 'entraGroups',
          graph: 'PATCH /groups/g-team {"groupTypes":["Unified"],"membershipRuleProcessingState":"Paused"}',
        },
        propagation24h: false,
      },
    ],
    accessIssues: [],
  },
  {
    case: 'a group synchronised from AD DS: managed on premises',
    patches: [groupKind(G.team, 'onPremises')],
    email: ADDR.newGuest,
    verdict: 'blocked',
    blockers: [
      {
        code: 'GROUP_ON_PREMISES',
        layer: 'group',
        setting: 'onPremisesSyncEnabled',
        currentValue: 'true',
        allowingValue: 'false',
        fixRoles: ['adDsAdmin'],
        where: { portalKey: 'adDs' },
        propagation24h: false,
      },
    ],
    accessIssues: [],
  },
  {
    case: 'a Viva Engage group: no guests, nothing to change',
    patches: [groupKind(G.team, 'vivaEngage')],
    email: ADDR.newGuest,
    verdict: 'blocked',
    blockers: [
      {
        code: 'GROUP_VIVA_ENGAGE',
        layer: 'group',
        setting: 'creationOptions',
        currentValue: 'YammerProvisioning',
        allowingValue: '—',
        fixRoles: [],
        where: { portalKey: 'vivaEngage' },
        propagation24h: false,
      },
    ],
    accessIssues: [],
  },
  {
    case: 'a distribution list without an address: named by its id',
    patches: [groupKind(G.team, 'distributionList'), noMail],
    email: ADDR.newGuest,
    verdict: 'blocked',
    blockers: [
      {
        code: 'GROUP_DISTRIBUTION_LIST',
        layer: 'group',
        setting: 'groupTypes',
        currentValue: 'distributionList',
        allowingValue: 'Unified',
        fixRoles: ['exchangeAdmin', 'globalAdmin'],
        where: { portalKey: 'exchangeGroups', powershell: 'Upgrade-DistributionGroup -DlIdentities g-team' },
        propagation24h: false,
      },
    ],
    accessIssues: [],
  },
  {
    case: 'the group’s own setting: changed on that setting object',
    patches: [groupGuestSetting(G.team, 'false')],
    email: ADDR.newGuest,
    verdict: 'blocked',
    blockers: [
      {
        code: 'GUESTS_DISABLED_GROUP',
        layer: 'group',
        setting: 'Group.Unified.Guest.AllowToAddGuests',
        currentValue: 'false',
        allowingValue: 'true',
        fixRoles: ['groupsAdmin', 'globalAdmin'],
        where: {
          portalKey: 'groupSettingPowerShell',
          powershell: 'Update-MgBetaGroupSetting -GroupId g-team -DirectorySettingId setting-g-team',
          graph: 'PATCH /groups/g-team/settings/setting-g-team {"values":[{"name":"AllowToAddGuests","value":"true"}]}',
        },
        propagation24h: true,
      },
    ],
    accessIssues: [],
  },
  {
    case: 'the group’s own setting without an id: a placeholder to fill in',
    patches: [groupGuestSetting(G.team, 'false'), groupSettingWithoutId],
    email: ADDR.newGuest,
    verdict: 'blocked',
    blockers: [
      {
        code: 'GUESTS_DISABLED_GROUP',
        layer: 'group',
        setting: 'Group.Unified.Guest.AllowToAddGuests',
        currentValue: 'false',
        allowingValue: 'true',
        fixRoles: ['groupsAdmin', 'globalAdmin'],
        where: {
          portalKey: 'groupSettingPowerShell',
          powershell: 'Update-MgBetaGroupSetting -GroupId g-team -DirectorySettingId {Group.Unified.Guest setting id}',
          graph:
            'PATCH /groups/g-team/settings/{Group.Unified.Guest setting id} {"values":[{"name":"AllowToAddGuests","value":"true"}]}',
        },
        propagation24h: true,
      },
    ],
    accessIssues: [],
  },
  {
    case: 'the organisation’s Group.Unified AllowToAddGuests',
    patches: [groupUnified({ AllowToAddGuests: 'false' })],
    email: ADDR.newGuest,
    verdict: 'blocked',
    blockers: [
      {
        code: 'GUESTS_DISABLED_ORG',
        layer: 'groups',
        setting: 'Group.Unified.AllowToAddGuests',
        currentValue: 'false',
        allowingValue: 'true',
        fixRoles: ['globalAdmin'],
        where: {
          portalKey: 'm365GroupsOrgSettings',
          powershell: 'Update-MgBetaDirectorySetting -DirectorySettingId setting-group-unified',
          graph: 'PATCH /groupSettings/setting-group-unified {"values":[{"name":"AllowToAddGuests","value":"true"}]}',
        },
        propagation24h: true,
      },
    ],
    accessIssues: [],
  },
  {
    case: 'the organisation’s setting without an id: a placeholder to fill in',
    patches: [groupUnified({ AllowToAddGuests: 'false' }), orgSettingWithoutId],
    email: ADDR.newGuest,
    verdict: 'blocked',
    blockers: [
      {
        code: 'GUESTS_DISABLED_ORG',
        layer: 'groups',
        setting: 'Group.Unified.AllowToAddGuests',
        currentValue: 'false',
        allowingValue: 'true',
        fixRoles: ['globalAdmin'],
        where: {
          portalKey: 'm365GroupsOrgSettings',
          powershell: 'Update-MgBetaDirectorySetting -DirectorySettingId {Group.Unified setting id}',
          graph:
            'PATCH /groupSettings/{Group.Unified setting id} {"values":[{"name":"AllowToAddGuests","value":"true"}]}',
        },
        propagation24h: true,
      },
    ],
    accessIssues: [],
  },
  {
    case: 'guests can’t reach group content: an access issue, not a blocker',
    patches: [groupUnified({ AllowGuestsToAccessGroups: 'false' })],
    email: ADDR.newGuest,
    verdict: 'addNow',
    blockers: [],
    accessIssues: [
      {
        code: 'GROUP_CONTENT_ACCESS_OFF',
        layer: 'groups',
        setting: 'Group.Unified.AllowGuestsToAccessGroups',
        currentValue: 'false',
        allowingValue: 'true',
        fixRoles: ['globalAdmin'],
        where: {
          portalKey: 'm365GroupsOrgSettings',
          powershell: 'Update-MgBetaDirectorySetting -DirectorySettingId setting-group-unified',
          graph:
            'PATCH /groupSettings/setting-group-unified {"values":[{"name":"AllowGuestsToAccessGroups","value":"true"}]}',
        },
        propagation24h: true,
      },
    ],
  },
  {
    case: 'nobody may invite',
    patches: [invitesFrom('none')],
    email: ADDR.newGuest,
    verdict: 'blocked',
    blockers: [
      {
        code: 'INVITES_DISABLED',
        layer: 'entra',
        setting: 'authorizationPolicy.allowInvitesFrom',
        currentValue: 'none',
        allowingValue: 'adminsAndGuestInviters',
        fixRoles: ['globalAdmin'],
        where: {
          portalKey: 'entraGuestInviteSettings',
          powershell: 'Update-MgPolicyAuthorizationPolicy -AllowInvitesFrom adminsAndGuestInviters',
          graph: 'PATCH /policies/authorizationPolicy {"allowInvitesFrom":"adminsAndGuestInviters"}',
        },
        propagation24h: true,
      },
    ],
    accessIssues: [],
  },
  {
    case: 'an allow list and a block list at once',
    patches: [allowedDomains(['a.com']), blockedDomains(['b.com'])],
    email: ADDR.newGuest,
    verdict: 'blocked',
    blockers: [
      {
        code: 'DOMAIN_POLICY_CONFLICT',
        layer: 'entra',
        setting: 'B2BManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy',
        currentValue: 'AllowedDomains + BlockedDomains',
        allowingValue: 'AllowedDomains | BlockedDomains',
        fixRoles: ['globalAdmin'],
        where: {
          portalKey: 'entraCollaborationRestrictions',
          powershell:
            'Update-MgBetaPolicyB2BManagementPolicy -B2bManagementPolicyId <id> -Definition <InvitationsAllowedAndBlockedDomainsPolicy JSON>',
          graph:
            'PATCH /beta/policies/b2bManagementPolicies/{id} (definition: InvitationsAllowedAndBlockedDomainsPolicy)',
        },
        propagation24h: true,
      },
    ],
    accessIssues: [],
  },
  {
    case: 'a domain not on the allow list: the list with it added',
    patches: [allowedDomains(['a.com'])],
    email: ADDR.newGuest,
    verdict: 'blocked',
    blockers: [
      {
        code: 'DOMAIN_NOT_ALLOWED',
        layer: 'entra',
        setting: 'B2BManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy.AllowedDomains',
        currentValue: '[a.com]',
        allowingValue: '[a.com, fabrikam.com]',
        fixRoles: ['globalAdmin'],
        where: {
          portalKey: 'entraCollaborationRestrictions',
          powershell:
            'Update-MgBetaPolicyB2BManagementPolicy -B2bManagementPolicyId <id> -Definition <InvitationsAllowedAndBlockedDomainsPolicy JSON>',
          graph:
            'PATCH /beta/policies/b2bManagementPolicies/{id} (definition: InvitationsAllowedAndBlockedDomainsPolicy)',
        },
        propagation24h: true,
        subject: 'fabrikam.com',
      },
    ],
    accessIssues: [],
  },
  {
    case: 'a blocked domain: the list without it',
    patches: [blockedDomains(['a.com', 'fabrikam.com'])],
    email: ADDR.newGuest,
    verdict: 'blocked',
    blockers: [
      {
        code: 'DOMAIN_BLOCKED',
        layer: 'entra',
        setting: 'B2BManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy.BlockedDomains',
        currentValue: '[a.com, fabrikam.com]',
        allowingValue: '[a.com]',
        fixRoles: ['globalAdmin'],
        where: {
          portalKey: 'entraCollaborationRestrictions',
          powershell:
            'Update-MgBetaPolicyB2BManagementPolicy -B2bManagementPolicyId <id> -Definition <InvitationsAllowedAndBlockedDomainsPolicy JSON>',
          graph:
            'PATCH /beta/policies/b2bManagementPolicies/{id} (definition: InvitationsAllowedAndBlockedDomainsPolicy)',
        },
        propagation24h: true,
        subject: 'fabrikam.com',
      },
    ],
    accessIssues: [],
  },
  {
    case: 'SharePoint, the organisation below “new and existing guests”',
    patches: [orgSharing('existingExternalUserSharingOnly')],
    email: ADDR.newGuest,
    verdict: 'addNow',
    blockers: [],
    accessIssues: [
      {
        code: 'SITE_SHARING_ORG_RESTRICTED',
        layer: 'sharePoint',
        setting: 'sharePoint.sharingCapability',
        currentValue: 'existingExternalUserSharingOnly',
        allowingValue: 'externalUserSharingOnly',
        fixRoles: ['sharePointAdmin', 'globalAdmin'],
        where: {
          portalKey: 'sharePointOrgSharing',
          powershell: 'Set-SPOTenant -SharingCapability ExternalUserSharingOnly',
          graph: 'PATCH /admin/sharepoint/settings {"sharingCapability":"externalUserSharingOnly"}',
        },
        propagation24h: true,
      },
    ],
  },
  {
    case: 'SharePoint, the site below what a new guest needs',
    patches: [siteSharing(G.team, 'existingExternalUserSharingOnly')],
    email: ADDR.newGuest,
    verdict: 'addNow',
    blockers: [],
    accessIssues: [
      {
        code: 'SITE_SHARING_SITE_RESTRICTED',
        layer: 'sharePoint',
        setting: 'site.sharingCapability',
        currentValue: 'existingExternalUserSharingOnly',
        allowingValue: 'externalUserSharingOnly',
        fixRoles: ['sharePointAdmin', 'globalAdmin'],
        where: {
          portalKey: 'sharePointSiteSharing',
          powershell:
            'Set-SPOSite -Identity https://contoso.sharepoint.com/sites/marketing -SharingCapability ExternalUserSharingOnly',
        },
        propagation24h: true,
      },
    ],
  },
  {
    case: 'SharePoint, the site below what an existing guest needs',
    patches: [siteSharing(G.team, 'disabled')],
    email: ADDR.existingGuest,
    verdict: 'addNow',
    blockers: [],
    accessIssues: [
      {
        code: 'SITE_SHARING_SITE_RESTRICTED',
        layer: 'sharePoint',
        setting: 'site.sharingCapability',
        currentValue: 'disabled',
        allowingValue: 'existingExternalUserSharingOnly',
        fixRoles: ['sharePointAdmin', 'globalAdmin'],
        where: {
          portalKey: 'sharePointSiteSharing',
          powershell:
            'Set-SPOSite -Identity https://contoso.sharepoint.com/sites/marketing -SharingCapability ExistingExternalUserSharingOnly',
        },
        propagation24h: true,
      },
    ],
  },
  {
    case: 'SharePoint’s own allow list',
    patches: [spDomains('allowList', ['a.com'])],
    email: ADDR.newGuest,
    verdict: 'addNow',
    blockers: [],
    accessIssues: [
      {
        code: 'SITE_DOMAIN_NOT_ALLOWED',
        layer: 'sharePoint',
        setting: 'sharingAllowedDomainList',
        currentValue: '[a.com]',
        allowingValue: '[a.com, fabrikam.com]',
        fixRoles: ['sharePointAdmin', 'globalAdmin'],
        where: {
          portalKey: 'sharePointDomains',
          powershell: 'Set-SPOTenant -SharingDomainRestrictionMode AllowList -SharingAllowedDomainList "<domains>"',
          graph: 'PATCH /admin/sharepoint/settings {"sharingAllowedDomainList":[…]}',
        },
        propagation24h: true,
        subject: 'fabrikam.com',
      },
    ],
  },
  {
    case: 'SharePoint’s own block list',
    patches: [spDomains('blockList', ['fabrikam.com'])],
    email: ADDR.newGuest,
    verdict: 'addNow',
    blockers: [],
    accessIssues: [
      {
        code: 'SITE_DOMAIN_BLOCKED',
        layer: 'sharePoint',
        setting: 'sharingBlockedDomainList',
        currentValue: '[fabrikam.com]',
        allowingValue: '[]',
        fixRoles: ['sharePointAdmin', 'globalAdmin'],
        where: {
          portalKey: 'sharePointDomains',
          powershell: 'Set-SPOTenant -SharingDomainRestrictionMode BlockList -SharingBlockedDomainList "<domains>"',
          graph: 'PATCH /admin/sharepoint/settings {"sharingBlockedDomainList":[…]}',
        },
        propagation24h: true,
        subject: 'fabrikam.com',
      },
    ],
  },
  {
    case: 'no enabled owner and no admin: add an owner to the group',
    patches: [owners(G.team, []), ...noAdmins],
    email: ADDR.newGuest,
    requester: U.member,
    verdict: 'blocked',
    blockers: [
      {
        code: 'NO_APPROVER',
        layer: 'approval',
        setting: 'owners',
        currentValue: '0',
        allowingValue: '1',
        fixRoles: ['groupsAdmin', 'globalAdmin'],
        where: { portalKey: 'm365GroupOwners', graph: 'POST /groups/g-team/owners/$ref' },
        propagation24h: false,
      },
    ],
    accessIssues: [],
  },
  {
    case: 'no enabled owner and no admin, for a guest already in the directory: the same',
    patches: [owners(G.team, []), ...noAdmins],
    email: ADDR.existingGuest,
    requester: U.member,
    verdict: 'blocked',
    blockers: [
      {
        code: 'NO_APPROVER',
        layer: 'approval',
        setting: 'owners',
        currentValue: '0',
        allowingValue: '1',
        fixRoles: ['groupsAdmin', 'globalAdmin'],
        where: { portalKey: 'm365GroupOwners', graph: 'POST /groups/g-team/owners/$ref' },
        propagation24h: false,
      },
    ],
    accessIssues: [],
  },
  {
    case: 'owners who may not invite and no admin: let members invite',
    patches: [invitesFrom('adminsAndGuestInviters'), ...noAdmins],
    email: ADDR.newGuest,
    requester: U.member,
    verdict: 'blocked',
    blockers: [
      {
        code: 'NO_INVITER',
        layer: 'approval',
        setting: 'authorizationPolicy.allowInvitesFrom',
        currentValue: 'adminsAndGuestInviters',
        allowingValue: 'adminsGuestInvitersAndAllMembers',
        fixRoles: ['globalAdmin'],
        where: {
          portalKey: 'entraGuestInviteSettings',
          powershell: 'Update-MgPolicyAuthorizationPolicy -AllowInvitesFrom adminsGuestInvitersAndAllMembers',
          graph: 'PATCH /policies/authorizationPolicy {"allowInvitesFrom":"adminsGuestInvitersAndAllMembers"}',
        },
        propagation24h: true,
      },
    ],
    accessIssues: [],
  },
  {
    case: 'a requester outside the group: the owner adds them as a member',
    patches: [],
    email: ADDR.newGuest,
    requester: U.outsider,
    verdict: 'blocked',
    blockers: [
      {
        code: 'REQUESTER_NOT_MEMBER',
        layer: 'requester',
        setting: 'members',
        currentValue: 'notMember',
        allowingValue: 'member',
        fixRoles: ['groupOwner'],
        where: { portalKey: 'm365GroupMembers', graph: 'POST /groups/g-team/members/$ref' },
        propagation24h: false,
      },
    ],
    accessIssues: [],
  },
  {
    case: 'an unknown requester and an unknown group: both said, the group by the id asked for',
    patches: [],
    email: ADDR.newGuest,
    requester: 'u-nobody',
    group: 'g-missing',
    verdict: 'blocked',
    blockers: [
      {
        code: 'REQUESTER_NOT_MEMBER',
        layer: 'requester',
        setting: 'members',
        currentValue: 'notMember',
        allowingValue: 'member',
        fixRoles: ['groupOwner'],
        where: { portalKey: 'm365GroupMembers' },
        propagation24h: false,
      },
      {
        code: 'GROUP_NOT_FOUND',
        layer: 'group',
        setting: 'groupId',
        currentValue: 'g-missing',
        allowingValue: '—',
        fixRoles: ['requester'],
        where: { portalKey: 'm365Groups' },
        propagation24h: false,
        subject: 'g-missing',
      },
    ],
    accessIssues: [],
  },
];

test.each(CASES)('$case', ({ patches, email, requester, group, verdict, blockers, accessIssues }) => {
  const d = evaluateGuest(ctxOf(...patches), {
    groupId: group ?? G.team,
    requesterId: requester ?? U.owner,
    guestEmail: email,
  });
  expect(d.verdict).toBe(verdict);
  expect(d.blockers).toEqual(blockers);
  expect(d.accessIssues).toEqual(accessIssues);
});
