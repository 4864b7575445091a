import { isAdminUser, isGuestInviter } from '../policy/index.js';
import type { DirectoryUser } from '../policy/tenantModel.js';
import { ROLE_GLOBAL_ADMIN, ROLE_USER_ADMIN } from '../policy/tenantModel.js';
import type { Directory } from '../ports/directory.js';

/** Who is talking to the bot, as the directory knows them. */
export interface UserProfile {
  user: DirectoryUser;
  /** Global Administrator or User Administrator. */
  isAdmin: boolean;
  isGuestInviter: boolean;
  adminRoles: string[];
  ownedGroupIds: string[];
  memberGroupIds: string[];
}

/**
 * Finds the directory user behind an authenticated activity: by Entra object id (`from.aadObjectId`, always present
 * in Teams). With `byChannelId` (local mode only: test clients may send no object id) also by the channel user id the
 * snapshot lists for them. Never by anything a card or the user typed.
 */
export async function identifyUser(
  directory: Directory,
  from: { id?: string; aadObjectId?: string } | undefined,
  options: { byChannelId?: boolean } = {},
): Promise<UserProfile | undefined> {
  if (!from) return undefined;
  let user: DirectoryUser | undefined;
  if (from.aadObjectId) user = await directory.getUser(from.aadObjectId);
  const snapshot = await directory.snapshot();
  if (!user && from.id && options.byChannelId) user = snapshot.users.find((u) => u.teamsUserIds?.includes(from.id!));
  if (!user || !user.accountEnabled) return undefined;
  const adminNames = [ROLE_GLOBAL_ADMIN, ROLE_USER_ADMIN].map((r) => r.toLowerCase());
  const adminRoles = user.roles.filter((r) => adminNames.includes(r.toLowerCase()));
  const ownedGroupIds: string[] = [];
  const memberGroupIds: string[] = [];
  for (const g of snapshot.groups) {
    if (g.owners.includes(user.id)) ownedGroupIds.push(g.id);
    if (g.members.includes(user.id)) memberGroupIds.push(g.id);
  }
  return {
    user,
    isAdmin: isAdminUser(user),
    isGuestInviter: isGuestInviter(user),
    adminRoles,
    ownedGroupIds,
    memberGroupIds,
  };
}
