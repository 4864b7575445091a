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
    users: mapKeep(s.users ?? [], userWithDefaults),
    groups: mapKeep(s.groups ?? [], groupWithDefaults),
  };
}

/** `list.map(f)`, but the very same array when `f` changed nothing (compilations reuse work by identity). */
function mapKeep<T>(list: readonly T[], f: (item: T) => T): T[] {
  const mapped = list.map(f);
  return mapped.every((item, i) => item === list[i]) ? (list as T[]) : mapped;
}

const GROUP_FIELDS: readonly (keyof DirectoryGroup)[] = [
  'displayName',
  'mail',
  'groupTypes',
  'mailEnabled',
  'securityEnabled',
  'onPremisesSyncEnabled',
  'membershipRule',
  'resourceProvisioningOptions',
  'assignedLabels',
  'assignedLicenses',
  'settings',
  'site',
  'owners',
  'members',
];

function userWithDefaults(user: DirectoryUser): DirectoryUser {
  const u = user as Partial<DirectoryUser> & Pick<DirectoryUser, 'id'>;
  if (Array.isArray(u.roles) && typeof u.accountEnabled === 'boolean' && u.userType !== undefined) return user;
  return { ...user, roles: u.roles ?? [], accountEnabled: u.accountEnabled ?? true, userType: u.userType ?? 'Member' };
}

function groupWithDefaults(group: DirectoryGroup): DirectoryGroup {
  const g = group as Partial<DirectoryGroup> & Pick<DirectoryGroup, 'id'>;
  if (GROUP_FIELDS.every((field) => g[field] !== undefined)) return group;
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
