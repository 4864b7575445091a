import type { RoleKey } from './reasonCodes.js';
import { ROLE_DISPLAY_NAMES, ROLE_TEMPLATE_IDS, type DirectoryUser, type KnownRole } from './tenantModel.js';

/** Directory role display names behind the role keys (the "people" keys, owner and requester, have none). */
export const DIRECTORY_ROLE_NAMES: Readonly<Partial<Record<RoleKey, string>>> = ROLE_DISPLAY_NAMES;

// Template ids and the English display names of the built-in roles, both lower-case, to the template id.
const TEMPLATE_ID_OF = new Map<string, string>();
for (const key of Object.keys(ROLE_TEMPLATE_IDS) as KnownRole[]) {
  TEMPLATE_ID_OF.set(ROLE_TEMPLATE_IDS[key], ROLE_TEMPLATE_IDS[key]);
  TEMPLATE_ID_OF.set(ROLE_DISPLAY_NAMES[key].toLowerCase(), ROLE_TEMPLATE_IDS[key]);
}

/**
 * The template id a snapshot's role entry stands for: a template id as is (any role, built-in or custom), a built-in
 * role's English display name mapped to its id; undefined for any other name (it could be a custom role's name).
 */
export function roleTemplateIdOf(entry: string): string | undefined {
  // Defensive: a snapshot read without the schema may hold Graph's { roleTemplateId, displayName } objects.
  const raw: unknown = entry;
  if (typeof raw !== 'string') {
    const id = (raw as { roleTemplateId?: unknown } | null)?.roleTemplateId;
    return typeof id === 'string' ? roleTemplateIdOf(id) : undefined;
  }
  const key = raw.trim().toLowerCase();
  const known = TEMPLATE_ID_OF.get(key);
  if (known !== undefined) return known;
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(key) ? key : undefined;
}

/** Whether the user holds the built-in role `role` (by template id). Says nothing about the account being enabled. */
export function holdsRole(user: DirectoryUser, role: KnownRole): boolean {
  const wanted = ROLE_TEMPLATE_IDS[role];
  // Stryker disable next-line ArrayDeclaration: a made-up entry names no role
  const roles = user.roles ?? [];
  // Stryker disable next-line EqualityOperator: roles[length] is undefined, which names no role
  for (let i = 0; i < roles.length; i++) if (roleTemplateIdOf(roles[i]) === wanted) return true;
  return false;
}

/**
 * The policy's administrators: Global Administrator or User Administrator, with an enabled account. They may invite
 * (unless nobody may) and manage the membership of every group.
 */
export function isAdminUser(user: DirectoryUser | undefined): boolean {
  return !!user && user.accountEnabled && (holdsRole(user, 'globalAdmin') || holdsRole(user, 'userAdmin'));
}

/** Guest Inviter with an enabled account: may invite, but decides no group's membership. */
export function isGuestInviter(user: DirectoryUser | undefined): boolean {
  return !!user && user.accountEnabled && holdsRole(user, 'guestInviter');
}

/**
 * Groups Administrator with an enabled account: manages the membership of every group (adds guests already in the
 * directory, removes guests), but the role does not invite.
 */
export function isGroupsAdminUser(user: DirectoryUser | undefined): boolean {
  return !!user && user.accountEnabled && holdsRole(user, 'groupsAdmin');
}

/** Enabled users holding the directory role behind `key`, in directory order. */
export function holdersOf(users: readonly DirectoryUser[], key: RoleKey): string[] {
  if (!(key in ROLE_TEMPLATE_IDS)) return [];
  const role = key as KnownRole;
  return users.filter((u) => u.accountEnabled && holdsRole(u, role)).map((u) => u.id);
}
