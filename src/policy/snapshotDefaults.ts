import { GUEST_ROLE_LIMITED, type DirectoryGroup, type DirectoryUser, type TenantSnapshot } from './tenantModel.js';

/**
 * The snapshot with Microsoft's defaults wherever a part is missing, for snapshots built by hand or exported from a
 * tenant that lacks a policy object (the schema applies the same defaults to files). The input is never changed:
 * parts that are complete are reused as they are.
 */
export function withDefaults(snapshot: TenantSnapshot): TenantSnapshot {
  const s = snapshot as Partial<TenantSnapshot> & Pick<TenantSnapshot, 'tenant'>;
  return {
    ...snapshot,
    tenant: { ...s.tenant, verifiedDomains: s.tenant.verifiedDomains ?? [] },
    authorizationPolicy: {
      allowInvitesFrom: s.authorizationPolicy?.allowInvitesFrom ?? 'everyone',
      guestUserRoleId: s.authorizationPolicy?.guestUserRoleId ?? GUEST_ROLE_LIMITED,
    },
    b2bManagementPolicy: s.b2bManagementPolicy ?? {},
    crossTenantAccessPolicy: s.crossTenantAccessPolicy ?? {
      default: { b2bCollaborationInbound: { usersAndGroups: { accessType: 'allowed' } } },
      partners: [],
    },
    externalTenants: s.externalTenants ?? [],
    groupSettings: s.groupSettings ?? [],
    // SharePoint's own default for a new organisation is "Anyone", with no domain restriction.
    sharePoint: {
      sharingCapability: s.sharePoint?.sharingCapability ?? 'externalUserAndGuestSharing',
      sharingDomainRestrictionMode: s.sharePoint?.sharingDomainRestrictionMode ?? 'none',
      sharingAllowedDomainList: s.sharePoint?.sharingAllowedDomainList ?? [],
      sharingBlockedDomainList: s.sharePoint?.sharingBlockedDomainList ?? [],
    },
    sensitivityLabels: s.sensitivityLabels ?? [],
    // Complete lists are kept as they are (the same array), so a compiled context can tell that users didn't change.
    users: sameIfUnchanged(s.users ?? [], userWithDefaults),
    groups: sameIfUnchanged(s.groups ?? [], groupWithDefaults),
  };
}

function sameIfUnchanged<T>(items: readonly T[], complete: (item: T) => T): T[] {
  const out = items.map(complete);
  return out.every((item, i) => item === items[i]) ? (items as T[]) : out;
}

function userWithDefaults(user: DirectoryUser): DirectoryUser {
  const u = user as Partial<DirectoryUser> & Pick<DirectoryUser, 'id'>;
  if (Array.isArray(u.roles) && typeof u.accountEnabled === 'boolean' && u.userType !== undefined) return user;
  return { ...user, roles: u.roles ?? [], accountEnabled: u.accountEnabled ?? true, userType: u.userType ?? 'Member' };
}

const GROUP_REQUIRED = [
  'displayName', 'mail', 'groupTypes', 'mailEnabled', 'securityEnabled', 'onPremisesSyncEnabled', 'membershipRule',
  'resourceProvisioningOptions', 'assignedLabels', 'assignedLicenses', 'settings', 'site', 'owners', 'members',
] as const;

function groupWithDefaults(group: DirectoryGroup): DirectoryGroup {
  const g = group as Partial<DirectoryGroup> & Pick<DirectoryGroup, 'id'>;
  // A complete group stays the same object, so a compiled context can take its compilation over.
  if (GROUP_REQUIRED.every((key) => g[key] !== undefined)) return group;
  return {
    ...group,
    displayName: g.displayName ?? g.id,
    mail: g.mail ?? null,
    groupTypes: g.groupTypes ?? [],
    mailEnabled: g.mailEnabled ?? false,
    securityEnabled: g.securityEnabled ?? false,
    onPremisesSyncEnabled: g.onPremisesSyncEnabled ?? null,
    membershipRule: g.membershipRule ?? null,
    resourceProvisioningOptions: g.resourceProvisioningOptions ?? [],
    assignedLabels: g.assignedLabels ?? [],
    assignedLicenses: g.assignedLicenses ?? [],
    settings: g.settings ?? [],
    site: g.site ?? null,
    owners: g.owners ?? [],
    members: g.members ?? [],
  };
}
