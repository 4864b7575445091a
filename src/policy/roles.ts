import type { RoleKey } from './reasonCodes.js';
import { ROLE_GLOBAL_ADMIN, ROLE_GUEST_INVITER, ROLE_USER_ADMIN, type DirectoryUser } from './tenantModel.js';

/** Directory role display names behind the role keys (the two "people" keys have none). */
export const DIRECTORY_ROLE_NAMES: Readonly<Partial<Record<RoleKey, string>>> = Object.freeze({
  globalAdmin: ROLE_GLOBAL_ADMIN,
  userAdmin: ROLE_USER_ADMIN,
  guestInviter: ROLE_GUEST_INVITER,
  securityAdmin: 'Security Administrator',
  groupsAdmin: 'Groups Administrator',
  complianceAdmin: 'Compliance Administrator',
  sharePointAdmin: 'SharePoint Administrator',
  teamsAdmin: 'Teams Administrator',
  exchangeAdmin: 'Exchange Administrator',
});

function hasRole(user: DirectoryUser, role: string): boolean {
  const wanted = role.toLowerCase();
  return user.roles.some((r) => r.toLowerCase() === wanted);
}

/** The policy's administrators: Global Administrator or User Administrator, with an enabled account. */
export function isAdminUser(user: DirectoryUser | undefined): boolean {
  return !!user && user.accountEnabled && (hasRole(user, ROLE_GLOBAL_ADMIN) || hasRole(user, ROLE_USER_ADMIN));
}

export function isGuestInviter(user: DirectoryUser | undefined): boolean {
  return !!user && user.accountEnabled && hasRole(user, ROLE_GUEST_INVITER);
}

/** Enabled users holding the directory role behind `key`, in directory order. */
export function holdersOf(users: readonly DirectoryUser[], key: RoleKey): string[] {
  const role = DIRECTORY_ROLE_NAMES[key];
  if (!role) return [];
  return users.filter((u) => u.accountEnabled && hasRole(u, role)).map((u) => u.id);
}
