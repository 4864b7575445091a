import { holdsRole, isAdminUser, isGroupsAdminUser, isGuestInviter } from '../../policy/index.js';
import type { DirectoryUser, TenantSnapshot } from '../../policy/tenantModel.js';
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
  // Every turn asks; the answer changes only with the directory, which then gives a new snapshot (and user) object.
  let known = profiles.get(snapshot);
  if (!known) profiles.set(snapshot, (known = new WeakMap<DirectoryUser, UserProfile>()));
  let profile = known.get(user);
  if (!profile) known.set(user, (profile = profileOf(user, snapshot)));
  return profile;
}

/** Profiles per directory snapshot and user object: both are replaced, never changed, when the directory changes. */
const profiles = new WeakMap<TenantSnapshot, WeakMap<DirectoryUser, UserProfile>>();

function profileOf(user: DirectoryUser, snapshot: TenantSnapshot): UserProfile {
  const adminRoles = (['globalAdmin', 'userAdmin'] as const)
    .filter((r) => holdsRole(user, r))
    .map((r) => ROLE_DISPLAY_NAMES[r]);
  const ownedGroupIds: string[] = [];
  const memberGroupIds: string[] = [];
  for (const g of snapshot.groups) {
    if (g.owners.includes(user.id)) ownedGroupIds.push(g.id);
    if (g.members.includes(user.id)) memberGroupIds.push(g.id);
  }
  // Shared by every turn of this user until the directory changes: frozen, so no turn can alter another's.
  return Object.freeze({
    user,
    isAdmin: isAdminUser(user),
    isGuestInviter: isGuestInviter(user),
    isGroupsAdmin: isGroupsAdminUser(user),
    adminRoles: Object.freeze(adminRoles) as string[],
    ownedGroupIds: Object.freeze(ownedGroupIds) as string[],
    memberGroupIds: Object.freeze(memberGroupIds) as string[],
  });
}
