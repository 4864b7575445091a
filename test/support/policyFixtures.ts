import { compilePolicy, type PolicyContext } from '../../src/policy/index.js';
import {
  GUEST_ROLE_LIMITED,
  TEMPLATE_GROUP_UNIFIED,
  TEMPLATE_GROUP_UNIFIED_GUEST,
  type AccessType,
  type AllowInvitesFrom,
  type DirectoryGroup,
  type DirectoryUser,
  type SharingCapability,
  type SharingDomainRestrictionMode,
  type TenantSnapshot,
} from '../../src/policy/tenantModel.js';

/**
 * A small, wide-open tenant ("Contoso") that tests tighten one fact at a time with patches, so every test states
 * the facts it depends on. Defaults are Microsoft's: invitations from everyone, no domain lists, cross-tenant
 * allowed, no Group.Unified object, SharePoint "Anyone", Teams guest access on.
 */

export const TENANT_ID = 'tenant-contoso';
export const FABRIKAM_TENANT_ID = 'tenant-fabrikam';
export const NORTHWIND_TENANT_ID = 'tenant-northwind';

export const U = {
  owner: 'u-owner',
  coOwner: 'u-co-owner',
  member: 'u-member',
  admin: 'u-admin',
  userAdmin: 'u-user-admin',
  inviter: 'u-inviter',
  outsider: 'u-outsider',
  guestMember: 'u-guest-member',
  existingGuest: 'u-guest-existing',
  disabledGuest: 'u-guest-disabled',
  pendingGuest: 'u-guest-pending',
  spAdmin: 'u-sp-admin',
} as const;

export const G = {
  /** Microsoft 365 group with a team and a site. */
  team: 'g-team',
  /** Microsoft 365 group without team or site. */
  plain: 'g-plain',
} as const;

export const ADDR = {
  newGuest: 'new.guest@fabrikam.com',
  consumer: 'someone@gmail.com',
  northwind: 'ann@northwind.example',
  existingGuest: 'existing@partner.org',
  disabledGuest: 'disabled@partner.org',
  pendingGuest: 'pending@partner.org',
  guestMember: 'already@partner.org',
  internal: 'colleague@contoso.com',
} as const;

function user(id: string, displayName: string, mail: string, extra: Partial<DirectoryUser> = {}): DirectoryUser {
  const guest = extra.userType === 'Guest';
  return {
    id,
    displayName,
    mail,
    userPrincipalName: guest ? `${mail.replace('@', '_')}#EXT#@contoso.onmicrosoft.com` : mail,
    userType: 'Member',
    accountEnabled: true,
    roles: [],
    preferredLanguage: 'nl-NL',
    ...extra,
  };
}

function m365Group(id: string, displayName: string, extra: Partial<DirectoryGroup> = {}): DirectoryGroup {
  return {
    id,
    displayName,
    mail: `${id}@contoso.com`,
    groupTypes: ['Unified'],
    mailEnabled: true,
    securityEnabled: false,
    onPremisesSyncEnabled: null,
    membershipRule: null,
    resourceProvisioningOptions: [],
    creationOptions: [],
    assignedLabels: [],
    assignedLicenses: [],
    settings: [],
    site: null,
    owners: [U.owner],
    members: [U.member],
    ...extra,
  };
}

export function openTenant(): TenantSnapshot {
  return {
    tenant: { id: TENANT_ID, displayName: 'Contoso', verifiedDomains: ['contoso.com', 'contoso.nl'] },
    authorizationPolicy: { allowInvitesFrom: 'everyone', guestUserRoleId: GUEST_ROLE_LIMITED },
    b2bManagementPolicy: {},
    crossTenantAccessPolicy: {
      default: { b2bCollaborationInbound: { usersAndGroups: { accessType: 'allowed' } } },
      partners: [],
    },
    externalTenants: [
      { tenantId: FABRIKAM_TENANT_ID, displayName: 'Fabrikam', domains: ['fabrikam.com', 'fabrikam.co.uk'] },
      { tenantId: NORTHWIND_TENANT_ID, displayName: 'Northwind', domains: ['northwind.example'] },
    ],
    groupSettings: [],
    sharePoint: {
      sharingCapability: 'externalUserAndGuestSharing',
      sharingDomainRestrictionMode: 'none',
      sharingAllowedDomainList: [],
      sharingBlockedDomainList: [],
    },
    teams: { allowGuestUser: true },
    sensitivityLabels: [],
    users: [
      user(U.owner, 'Olga Owner', 'olga@contoso.com'),
      user(U.coOwner, 'Cas Co-owner', 'cas@contoso.com'),
      user(U.member, 'Mick Member', 'mick@contoso.com'),
      user(U.admin, 'Ada Admin', 'ada@contoso.com', { roles: ['Global Administrator'] }),
      user(U.userAdmin, 'Uri Useradmin', 'uri@contoso.com', { roles: ['User Administrator'] }),
      user(U.inviter, 'Ivo Inviter', 'ivo@contoso.com', { roles: ['Guest Inviter'] }),
      user(U.outsider, 'Otto Outsider', 'otto@contoso.com'),
      user(U.spAdmin, 'Sara SharePoint', 'sara@contoso.com', { roles: ['SharePoint Administrator'] }),
      user(U.guestMember, 'Gert Guest', ADDR.guestMember, { userType: 'Guest', externalUserState: 'Accepted' }),
      user(U.existingGuest, 'Eva Existing', ADDR.existingGuest, { userType: 'Guest', externalUserState: 'Accepted' }),
      user(U.disabledGuest, 'Dirk Disabled', ADDR.disabledGuest, {
        userType: 'Guest',
        accountEnabled: false,
        externalUserState: 'Accepted',
      }),
      user(U.pendingGuest, 'Pia Pending', ADDR.pendingGuest, {
        userType: 'Guest',
        externalUserState: 'PendingAcceptance',
      }),
    ],
    groups: [
      m365Group(G.team, 'Marketing', {
        resourceProvisioningOptions: ['Team'],
        site: {
          webUrl: 'https://contoso.sharepoint.com/sites/marketing',
          sharingCapability: 'externalUserSharingOnly',
        },
        members: [U.member, U.guestMember],
      }),
      m365Group(G.plain, 'Finance'),
    ],
  };
}

/** A change to the open tenant. */
export type Patch = (t: TenantSnapshot) => void;

export function tenant(...patches: Patch[]): TenantSnapshot {
  const t = openTenant();
  for (const patch of patches) patch(t);
  return t;
}

export function ctxOf(...patches: Patch[]): PolicyContext {
  return compilePolicy(tenant(...patches));
}

function groupOf(t: TenantSnapshot, id: string): DirectoryGroup {
  const g = t.groups.find((x) => x.id === id);
  if (!g) throw new Error(`fixture: no group ${id}`);
  return g;
}

function userOf(t: TenantSnapshot, id: string): DirectoryUser {
  const u = t.users.find((x) => x.id === id);
  if (!u) throw new Error(`fixture: no user ${id}`);
  return u;
}

export const invitesFrom =
  (value: AllowInvitesFrom): Patch =>
  (t) => {
    t.authorizationPolicy.allowInvitesFrom = value;
  };
export const guestRole =
  (roleId: string): Patch =>
  (t) => {
    t.authorizationPolicy.guestUserRoleId = roleId;
  };
export const allowedDomains =
  (domains: string[]): Patch =>
  (t) => {
    t.b2bManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy = {
      ...t.b2bManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy,
      AllowedDomains: domains,
    };
  };
export const blockedDomains =
  (domains: string[]): Patch =>
  (t) => {
    t.b2bManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy = {
      ...t.b2bManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy,
      BlockedDomains: domains,
    };
  };
export const crossTenantDefault =
  (accessType: AccessType): Patch =>
  (t) => {
    t.crossTenantAccessPolicy.default = { b2bCollaborationInbound: { usersAndGroups: { accessType } } };
  };
export const partner =
  (tenantId: string, accessType: AccessType): Patch =>
  (t) => {
    t.crossTenantAccessPolicy.partners = t.crossTenantAccessPolicy.partners.filter((p) => p.tenantId !== tenantId);
    t.crossTenantAccessPolicy.partners.push({ tenantId, b2bCollaborationInbound: { usersAndGroups: { accessType } } });
  };
/** Sets values on the tenant's Group.Unified object, creating it (with only these values) when absent. */
export const groupUnified =
  (values: Record<string, string>): Patch =>
  (t) => {
    let setting = t.groupSettings.find((s) => s.templateId === TEMPLATE_GROUP_UNIFIED);
    if (!setting) {
      setting = {
        id: 'setting-group-unified',
        templateId: TEMPLATE_GROUP_UNIFIED,
        displayName: 'Group.Unified',
        values: [],
      };
      t.groupSettings.push(setting);
    }
    for (const [name, value] of Object.entries(values)) {
      setting.values = setting.values.filter((v) => v.name !== name);
      setting.values.push({ name, value });
    }
  };
export const groupGuestSetting =
  (groupId: string, value: string): Patch =>
  (t) => {
    const g = groupOf(t, groupId);
    g.settings = [
      {
        id: `setting-${groupId}`,
        templateId: TEMPLATE_GROUP_UNIFIED_GUEST,
        values: [{ name: 'AllowToAddGuests', value }],
      },
    ];
  };
export const label =
  (id: string, displayName: string, allowGuests: boolean): Patch =>
  (t) => {
    t.sensitivityLabels = t.sensitivityLabels.filter((l) => l.id !== id);
    t.sensitivityLabels.push({ id, displayName, allowGuests });
  };
export const assignLabel =
  (groupId: string, labelId: string): Patch =>
  (t) => {
    groupOf(t, groupId).assignedLabels = [{ labelId }];
  };
export const orgSharing =
  (capability: SharingCapability): Patch =>
  (t) => {
    t.sharePoint.sharingCapability = capability;
  };
export const siteSharing =
  (groupId: string, capability: SharingCapability): Patch =>
  (t) => {
    const g = groupOf(t, groupId);
    g.site = {
      webUrl: g.site?.webUrl ?? `https://contoso.sharepoint.com/sites/${groupId}`,
      sharingCapability: capability,
    };
  };
export const spDomains =
  (mode: SharingDomainRestrictionMode, domains: string[]): Patch =>
  (t) => {
    t.sharePoint.sharingDomainRestrictionMode = mode;
    if (mode === 'allowList') t.sharePoint.sharingAllowedDomainList = domains;
    if (mode === 'blockList') t.sharePoint.sharingBlockedDomainList = domains;
  };
/** Domains `findTenantInformationByDomainName` found no Entra tenant for. */
export const noTenant =
  (domains: string[]): Patch =>
  (t) => {
    t.domainsWithoutTenant = domains;
  };
export const externalTenant =
  (tenantId: string, displayName: string, domains: string[]): Patch =>
  (t) => {
    t.externalTenants.push({ tenantId, displayName, domains });
  };
/** Teams guest access unknown (no Graph API). */
export const teamsUnknown = (): Patch => (t) => {
  delete t.teams;
};
/** The site's own sharing level unknown (no Graph API). */
export const siteUnknown =
  (groupId: string): Patch =>
  (t) => {
    const g = groupOf(t, groupId);
    g.site = { webUrl: g.site?.webUrl ?? `https://contoso.sharepoint.com/sites/${groupId}` };
  };
export const teamsGuests =
  (allowGuestUser: boolean): Patch =>
  (t) => {
    t.teams = { allowGuestUser };
  };

export type GroupKindFixture =
  'distributionList' | 'mailEnabledSecurity' | 'security' | 'dynamic' | 'onPremises' | 'vivaEngage';
export const groupKind =
  (groupId: string, kind: GroupKindFixture): Patch =>
  (t) => {
    const g = groupOf(t, groupId);
    switch (kind) {
      case 'distributionList':
        Object.assign(g, { groupTypes: [], mailEnabled: true, securityEnabled: false });
        break;
      case 'mailEnabledSecurity':
        Object.assign(g, { groupTypes: [], mailEnabled: true, securityEnabled: true });
        break;
      case 'security':
        Object.assign(g, { groupTypes: [], mailEnabled: false, securityEnabled: true, mail: null });
        break;
      case 'dynamic':
        Object.assign(g, {
          groupTypes: ['Unified', 'DynamicMembership'],
          membershipRule: '(user.department -eq "Sales")',
        });
        break;
      case 'onPremises':
        g.onPremisesSyncEnabled = true;
        break;
      case 'vivaEngage':
        g.creationOptions = ['YammerProvisioning'];
        break;
    }
  };
export const owners =
  (groupId: string, ids: string[]): Patch =>
  (t) => {
    groupOf(t, groupId).owners = ids;
  };
export const members =
  (groupId: string, ids: string[]): Patch =>
  (t) => {
    groupOf(t, groupId).members = ids;
  };
export const roles =
  (userId: string, list: string[]): Patch =>
  (t) => {
    userOf(t, userId).roles = list;
  };
export const disable =
  (userId: string): Patch =>
  (t) => {
    userOf(t, userId).accountEnabled = false;
  };
export const userType =
  (userId: string, type: 'Member' | 'Guest'): Patch =>
  (t) => {
    userOf(t, userId).userType = type;
  };
export const licensed =
  (groupId: string): Patch =>
  (t) => {
    groupOf(t, groupId).assignedLicenses = [{ skuId: 'sku-e3' }];
  };
export const addGuestUser =
  (id: string, mail: string, extra: Partial<DirectoryUser> = {}): Patch =>
  (t) => {
    t.users.push(user(id, mail, mail, { userType: 'Guest', externalUserState: 'Accepted', ...extra }));
  };
