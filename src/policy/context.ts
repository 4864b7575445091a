import type { Blocker } from './blocker.js';
import { compileGroup, type CompiledGroup } from './compiledGroup.js';
import { DomainVerdictCache, type DomainVerdict } from './domainVerdict.js';
import { normaliseDomain, normaliseEmail } from './email.js';
import { compileCrossTenant, type CrossTenantPolicy } from './layers/crossTenant.js';
import { compileEntraDomains, type EntraDomainPolicy } from './layers/entraDomains.js';
import { guestAccountBlockers } from './layers/guestAccount.js';
import { compileGroupsOrg, type GroupsOrgSettings } from './layers/groupsOrg.js';
import { guestVisibility } from './layers/guestVisibility.js';
import { invitationBlockers, mayInviteUser } from './layers/invitations.js';
import { compileSharePointDomains, type SharePointDomainPolicy } from './layers/sharePoint.js';
import { teamsIssue, teamsUnknown } from './layers/teams.js';
import type { NoteCode, RoleKey } from './reasonCodes.js';
import { holdersOf, isAdminUser, isGroupsAdminUser, DIRECTORY_ROLE_NAMES } from './roles.js';
import { buildTenantLayers, type LayerStatus } from './tenantLayers.js';
import type {
  AllowInvitesFrom,
  DirectoryGroup,
  DirectoryUser,
  SensitivityLabel,
  TenantSnapshot,
} from './tenantModel.js';
import { sameItems } from './sameItems.js';
import { withDefaults } from './snapshotDefaults.js';
import { buildVariants, type AccessVariant } from './variants.js';

/**
 * A tenant snapshot compiled for evaluation: indices and every tenant- and group-level layer result worked out
 * once, reused for any number of evaluations. Build a new one when the snapshot changes (the Directory's
 * `version()` says when). Read-only for callers; the only thing that changes inside is a per-domain memo, which
 * never changes an answer.
 */
export interface PolicyContext {
  readonly snapshot: TenantSnapshot;
  readonly usersById: ReadonlyMap<string, DirectoryUser>;
  /** Users by normalised mail and user principal name. */
  readonly usersByAddress: ReadonlyMap<string, DirectoryUser>;
  readonly groups: ReadonlyMap<string, CompiledGroup>;
  readonly verifiedDomains: ReadonlySet<string>;
  readonly allowInvitesFrom: AllowInvitesFrom;
  /** Enabled Global and User Administrators. */
  readonly adminIds: ReadonlySet<string>;
  /** Enabled Groups Administrators: they manage every group's membership, but the role does not invite. */
  readonly groupsAdminIds: ReadonlySet<string>;
  /** Users who may send an invitation under `allowInvitesFrom`. */
  readonly inviterIds: ReadonlySet<string>;
  readonly invitationBlockers: readonly Blocker[];
  readonly entraDomains: EntraDomainPolicy;
  readonly crossTenant: CrossTenantPolicy;
  readonly groupsOrg: GroupsOrgSettings;
  readonly labelsById: ReadonlyMap<string, SensitivityLabel>;
  readonly sharePointDomains: SharePointDomainPolicy;
  readonly visibilityNote: NoteCode;
  /** GUEST_ACCOUNT_DISABLED per disabled user id. */
  readonly disabledAccounts: ReadonlyMap<string, readonly Blocker[]>;
  /** Enabled holders of each directory role, for "ask …" in explanations. */
  readonly roleHolders: ReadonlyMap<RoleKey, readonly string[]>;
  readonly layers: readonly LayerStatus[];
  /** Access variants for a decision without a group. */
  readonly noGroupVariants: readonly AccessVariant[];
  domainVerdict(domain: string): DomainVerdict;
}

// Role keys backed by a directory role (the "people" keys, owner and requester, have no holders).
const ROLE_KEYS_WITH_HOLDERS = Object.keys(DIRECTORY_ROLE_NAMES) as RoleKey[];

function indexAddress(map: Map<string, DirectoryUser>, address: string | null | undefined, user: DirectoryUser): void {
  if (!address) return;
  const n = normaliseEmail(address);
  // The first user to claim an address keeps it: a directory should never hold two, and the order is stable.
  if (n.ok && !map.has(n.email)) map.set(n.email, user);
}

/** The tenant settings a compiled group depends on, as one comparable string. */
function groupInputsOf(snapshot: TenantSnapshot): string {
  return JSON.stringify([
    snapshot.groupSettings,
    snapshot.sensitivityLabels,
    snapshot.sharePoint.sharingCapability,
    snapshot.authorizationPolicy.allowInvitesFrom,
    snapshot.teams,
    snapshot.authorizationPolicy.guestUserRoleId,
  ]);
}

/**
 * Whether every user a group's compilation read (its owners' accounts, its members' types) is the very same object
 * as in `previous`. Whether an owner may invite follows from the user and `allowInvitesFrom`, which a reused group's
 * settings check has already found unchanged.
 */
function sameUsersOf(
  group: DirectoryGroup,
  previous: PolicyContext,
  usersById: ReadonlyMap<string, DirectoryUser>,
  // Stryker disable next-line BlockStatement: reuse only: a "changed" answer compiles afresh, with the same answers
): boolean {
  for (const ids of [group.owners, group.members]) {
    // Stryker disable next-line ConditionalExpression: reuse only: a "changed" answer compiles afresh, with the same answers
    for (const id of ids) if (previous.usersById.get(id) !== usersById.get(id)) return false;
  }
  // Stryker disable next-line BooleanLiteral: reuse only: a "changed" answer compiles afresh, with the same answers
  return true;
}

/** What the policy knows of the users: indexes, and who holds which role or may invite. */
interface UserFacts {
  usersById: ReadonlyMap<string, DirectoryUser>;
  usersByAddress: ReadonlyMap<string, DirectoryUser>;
  adminIds: ReadonlySet<string>;
  groupsAdminIds: ReadonlySet<string>;
  inviterIds: ReadonlySet<string>;
  disabledAccounts: ReadonlyMap<string, readonly Blocker[]>;
  roleHolders: ReadonlyMap<RoleKey, readonly string[]>;
}

function userFacts(users: readonly DirectoryUser[], allowInvitesFrom: AllowInvitesFrom): UserFacts {
  const disabledAccounts = new Map<string, readonly Blocker[]>();
  // An enabled account has no blockers, so listing it too would change nothing.
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  for (const user of users) if (!user.accountEnabled) disabledAccounts.set(user.id, guestAccountBlockers(user));
  const roleHolders = new Map<RoleKey, readonly string[]>();
  for (const key of ROLE_KEYS_WITH_HOLDERS) roleHolders.set(key, Object.freeze(holdersOf(users, key)));
  return {
    ...indexUsers(users),
    adminIds: new Set(users.filter(isAdminUser).map((u) => u.id)),
    groupsAdminIds: new Set(users.filter(isGroupsAdminUser).map((u) => u.id)),
    inviterIds: inviters(users, allowInvitesFrom),
    disabledAccounts,
    roleHolders,
  };
}

function inviters(users: readonly DirectoryUser[], allowInvitesFrom: AllowInvitesFrom): Set<string> {
  return new Set(users.filter((u) => mayInviteUser(allowInvitesFrom, u)).map((u) => u.id));
}

/** The very same users as `previous` was compiled from: all taken over, but who may invite when that setting moved. */
function reuseUsers(
  previous: PolicyContext,
  allowInvitesFrom: AllowInvitesFrom,
  users: readonly DirectoryUser[],
): UserFacts {
  const { usersById, usersByAddress, adminIds, groupsAdminIds, disabledAccounts, roleHolders } = previous;
  return {
    usersById,
    usersByAddress,
    adminIds,
    groupsAdminIds,
    disabledAccounts,
    roleHolders,
    inviterIds:
      // Stryker disable next-line ConditionalExpression: reuse only: a "changed" answer compiles afresh, with the same answers
      previous.allowInvitesFrom === allowInvitesFrom ? previous.inviterIds : inviters(users, allowInvitesFrom),
  };
}

/** Users replaced where they stood, and users added at the end (see {@link userChanges}). */
interface UserChanges {
  replaced: (readonly [before: DirectoryUser, after: DirectoryUser])[];
  added: DirectoryUser[];
}

// More changed users than this (or a tenth of them, if more), and indexing them all again costs about as much.
const FEW_CHANGED_USERS = 64;

/**
 * How `users` differ from the users `previous` was compiled from, when only in ways that leave every role, invitation
 * right and address claim of the users before as it was: users replaced where they stood with the same id, addresses,
 * account state, type and roles (a resent invitation), and enabled users without roles added at the end (a guest
 * invited). Anything else (a user removed, moved, given a role; many changes): undefined, and all is indexed again.
 */
function userChanges(previous: PolicyContext, users: readonly DirectoryUser[]): UserChanges | undefined {
  const before = previous.snapshot.users;
  if (users.length < before.length) return undefined;
  // Stryker disable next-line MethodExpression,ArithmeticOperator: how many changes are few is a matter of speed only
  const limit = Math.max(FEW_CHANGED_USERS, before.length / 10);
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: speed only, as above
  if (users.length - before.length > limit) return undefined;
  const replaced: UserChanges['replaced'] = [];
  for (let i = 0; i < before.length; i += 1) {
    const was = before[i];
    const now = users[i];
    // Stryker disable next-line ConditionalExpression: reuse only: a "changed" answer compiles afresh, with the same answers
    if (was === now) continue;
    // (A user whose id a later one shadows in the index: rare enough to index again.)
    if (!sameStanding(was, now) || previous.usersById.get(was.id) !== was) return undefined;
    // Stryker disable next-line EqualityOperator: speed only, as above
    if (replaced.push([was, now]) > limit) return undefined;
  }
  const added = users.slice(before.length);
  const ids = new Set<string>();
  for (const user of added) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: reuse only: a "changed" answer compiles afresh, with the same answers
    if (!user.accountEnabled || user.roles.length > 0) return undefined;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: defensive; an added id already in use ends in the same indexes
    if (previous.usersById.has(user.id) || ids.has(user.id)) return undefined;
    ids.add(user.id);
    // A full index gives every mail its owner before any principal name: an added user's mail would take an address
    // that so far is only someone's principal name.
    const mail = user.mail ? normaliseEmail(user.mail) : undefined;
    const holder = mail?.ok ? previous.usersByAddress.get(mail.email) : undefined;
    // Stryker disable next-line ConditionalExpression: reuse only: a "changed" answer compiles afresh, with the same answers
    if (mail?.ok && holder && !sameAddress(holder.mail, mail.email)) return undefined;
  }
  return { replaced, added };
}

function sameStanding(was: DirectoryUser, now: DirectoryUser): boolean {
  return (
    was.id === now.id &&
    was.mail === now.mail &&
    was.userPrincipalName === now.userPrincipalName &&
    was.accountEnabled === now.accountEnabled &&
    was.userType === now.userType &&
    sameItems(was.roles, now.roles)
  );
}

function sameAddress(address: string | null | undefined, normalised: string): boolean {
  // Stryker disable next-line ConditionalExpression: reuse only: a "changed" answer compiles afresh, with the same answers
  if (!address) return false;
  const n = normaliseEmail(address);
  // Stryker disable next-line BooleanLiteral,ConditionalExpression: reuse only: a "changed" answer compiles afresh, with the same answers
  return n.ok && n.email === normalised;
}

/** `previous`'s user facts with {@link UserChanges} applied: what a full index of the new users would give. */
function patchUsers(
  previous: PolicyContext,
  changes: UserChanges,
  users: readonly DirectoryUser[],
  allowInvitesFrom: AllowInvitesFrom,
): UserFacts {
  const usersById = new Map(previous.usersById);
  const usersByAddress = new Map(previous.usersByAddress);
  for (const [was, now] of changes.replaced) {
    usersById.set(now.id, now);
    for (const address of [was.mail, was.userPrincipalName]) {
      const n = address ? normaliseEmail(address) : undefined;
      if (n?.ok && usersByAddress.get(n.email) === was) usersByAddress.set(n.email, now);
    }
  }
  for (const user of changes.added) usersById.set(user.id, user);
  for (const user of changes.added) indexAddress(usersByAddress, user.mail, user);
  for (const user of changes.added) indexAddress(usersByAddress, user.userPrincipalName, user);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: reuse only: a "changed" answer compiles afresh, with the same answers
  const sameInviting = previous.allowInvitesFrom === allowInvitesFrom;
  const newInviters = changes.added.filter((u) => mayInviteUser(allowInvitesFrom, u));
  return {
    usersById,
    usersByAddress,
    adminIds: previous.adminIds,
    groupsAdminIds: previous.groupsAdminIds,
    inviterIds: !sameInviting
      ? inviters(users, allowInvitesFrom)
      : // Stryker disable next-line ConditionalExpression,EqualityOperator: adding none to a copy leaves the same set
        newInviters.length > 0
        ? new Set([...previous.inviterIds, ...newInviters.map((u) => u.id)])
        : previous.inviterIds,
    disabledAccounts: previous.disabledAccounts,
    roleHolders: previous.roleHolders,
  };
}

function indexUsers(users: readonly DirectoryUser[]) {
  const usersById = new Map<string, DirectoryUser>();
  const usersByAddress = new Map<string, DirectoryUser>();
  for (const user of users) usersById.set(user.id, user);
  for (const user of users) indexAddress(usersByAddress, user.mail, user);
  for (const user of users) indexAddress(usersByAddress, user.userPrincipalName, user);
  return { usersById, usersByAddress };
}

/**
 * Compiles `snapshot`. With `previous`, a context of a snapshot that shares the very same users array (as a what-if
 * copy of the settings does), what depends on the users alone is taken over rather than built again: on a large
 * tenant that is most of the work.
 */
export function compilePolicy(input: TenantSnapshot, previous?: PolicyContext): PolicyContext {
  const snapshot = withDefaults(input);
  const allowInvitesFrom = snapshot.authorizationPolicy.allowInvitesFrom;
  // Stryker disable next-line ConditionalExpression: reuse only: a "changed" answer compiles afresh, with the same answers
  const same = previous !== undefined && sameItems(previous.snapshot.users, snapshot.users) ? previous : undefined;
  const changes = same || !previous ? undefined : userChanges(previous, snapshot.users);
  const users = same
    ? reuseUsers(same, allowInvitesFrom, snapshot.users)
    : // Stryker disable next-line ConditionalExpression: reuse only: a "changed" answer compiles afresh, with the same answers
      previous && changes
      ? patchUsers(previous, changes, snapshot.users, allowInvitesFrom)
      : userFacts(snapshot.users, allowInvitesFrom);
  const { usersById, usersByAddress, adminIds, groupsAdminIds, inviterIds, disabledAccounts, roleHolders } = users;
  // In directory order, as adminIds is filled.
  const admins = [...adminIds];

  const verifiedDomains = new Set<string>();
  for (const d of snapshot.tenant.verifiedDomains) {
    const domain = normaliseDomain(d);
    // Stryker disable next-line ConditionalExpression: an entry that is no domain adds undefined, which no lookup asks for
    if (domain) verifiedDomains.add(domain);
  }

  const entraDomains = compileEntraDomains(snapshot);
  const crossTenant = compileCrossTenant(snapshot);
  const groupsOrg = compileGroupsOrg(snapshot);
  const labelsById = new Map((snapshot.sensitivityLabels ?? []).map((l) => [l.id, l]));
  const sharePointDomains = compileSharePointDomains(snapshot.sharePoint);
  const teams = teamsIssue(snapshot);
  const teamsUnverified = teamsUnknown(snapshot);
  const visibilityNote = guestVisibility(snapshot.authorizationPolicy.guestUserRoleId).note;
  const invites = invitationBlockers(allowInvitesFrom);

  const variantFacts = {
    ...(groupsOrg.contentIssue ? { contentIssue: groupsOrg.contentIssue } : {}),
    ...(teams ? { teamsIssue: teams } : {}),
    ...(teamsUnverified ? { teamsUnverified } : {}),
    visibilityNote,
  };
  const groupFacts = {
    ...variantFacts,
    usersById,
    groupsOrg,
    labelsById,
    orgSharing: snapshot.sharePoint.sharingCapability,
    invitesPossible: allowInvitesFrom !== 'none',
    allowInvitesFrom,
    mayInvite: (id: string) => inviterIds.has(id),
    admins,
  };
  // A compiled group depends on its own object, on these tenant settings, on the administrators and on the users it
  // names (its members' types, its owners' accounts and whether they may invite). When none of them changed (a
  // what-if of a domain list or one group; a guest added to another group), the previous compilation is taken over.
  const before =
    previous !== undefined && groupInputsOf(previous.snapshot) === groupInputsOf(snapshot) ? previous : undefined;
  // Whether a group's users changed since `before`: never with the same users; with users patched, only where it
  // names an added user (a replaced one keeps its type, account and roles); else user by user.
  const addedIds = new Set(changes?.added.map((u) => u.id));
  const usersChanged = (group: DirectoryGroup): boolean =>
    // Stryker disable next-line ConditionalExpression: reuse only: a "changed" answer compiles afresh, with the same answers
    same !== undefined
      ? false
      : changes !== undefined
        ? // Stryker disable next-line ConditionalExpression,EqualityOperator: with no added users none is named
          addedIds.size > 0 &&
          (group.owners.some((id) => addedIds.has(id)) || group.members.some((id) => addedIds.has(id)))
        : !sameUsersOf(group, before!, usersById);
  const adminsSame = before !== undefined && (before.adminIds === adminIds || sameItems([...before.adminIds], admins));
  const groups = new Map<string, CompiledGroup>();
  for (const group of snapshot.groups) {
    const previousGroup = before?.groups.get(group.id);
    const reuse = previousGroup !== undefined && previousGroup.group === group && adminsSame && !usersChanged(group);
    groups.set(group.id, reuse ? previousGroup : compileGroup(groupFacts, group));
  }

  const cache = new DomainVerdictCache({
    verifiedDomains,
    invitationBlockers: invites,
    entraDomains,
    crossTenant,
    sharePointDomains,
  });

  return Object.freeze({
    snapshot,
    usersById,
    usersByAddress,
    groups,
    verifiedDomains,
    allowInvitesFrom,
    adminIds,
    groupsAdminIds,
    inviterIds,
    invitationBlockers: invites,
    entraDomains,
    crossTenant,
    groupsOrg,
    labelsById,
    sharePointDomains,
    visibilityNote,
    disabledAccounts,
    roleHolders,
    layers: buildTenantLayers({
      snapshot,
      entraDomains,
      crossTenant,
      groupsOrg,
      sharePointDomains,
      ...(teams ? { teamsIssue: teams } : {}),
      teamsUnknown: teamsUnverified !== undefined,
    }),
    noGroupVariants: buildVariants(variantFacts, undefined),
    domainVerdict: (domain: string) => cache.get(domain),
  });
}

/** Global Administrator or User Administrator with an enabled account. */
export function isAdmin(ctx: PolicyContext, userId: string): boolean {
  return ctx.adminIds.has(userId);
}

/** Groups Administrator with an enabled account: manages any group's membership, does not invite by role. */
export function isGroupsAdmin(ctx: PolicyContext, userId: string): boolean {
  return ctx.groupsAdminIds.has(userId);
}

/** Whether the user may manage the membership of every group (administrator or Groups Administrator). */
export function managesAnyGroup(ctx: PolicyContext, userId: string): boolean {
  return ctx.adminIds.has(userId) || ctx.groupsAdminIds.has(userId);
}

/** Whether the user may send guest invitations under the tenant's `allowInvitesFrom`. */
export function mayInvite(ctx: PolicyContext, userId: string): boolean {
  return ctx.inviterIds.has(userId);
}

/** The tenant-wide chain Entra → cross-tenant → Groups → labels → SharePoint → Teams, computed at compile time. */
export function tenantLayers(ctx: PolicyContext): readonly LayerStatus[] {
  return ctx.layers;
}
