import { holdsRole, isAdminUser, isGroupsAdminUser, isGuestInviter } from '../../policy/index.js';
import type { DirectoryUser } from '../../policy/tenantModel.js';
import { ROLE_DISPLAY_NAMES } from '../../policy/tenantModel.js';
import type { Directory } from '../../ports/directory.js';

/** Who is talking to the bot, as the directory knows them. */
export interface UserProfile {
  user: DirectoryUser;
  /** Global Administrator or User Administrator. */
  isAdmin: boolean;
  isGuestInviter: boolean;
  /** Groups Administrator: manages (and sees the guests of) every group, but does not invite by role. */
  isGroupsAdmin: boolean;
  /** Display names of the user's administrator roles (Global, User Administrator), matched by template id. */
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
  const adminRoles = (['globalAdmin', 'userAdmin'] as const)
    .filter((r) => holdsRole(user, r))
    .map((r) => ROLE_DISPLAY_NAMES[r]);
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
    isGroupsAdmin: isGroupsAdminUser(user),
    adminRoles,
    ownedGroupIds,
    memberGroupIds,
  };
}
