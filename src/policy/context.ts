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
import type { AllowInvitesFrom, DirectoryUser, SensitivityLabel, TenantSnapshot } from './tenantModel.js';
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
  const same = previous !== undefined && previous.snapshot.users === snapshot.users ? previous : undefined;
  const { usersById, usersByAddress } = same ?? indexUsers(snapshot.users);

  const verifiedDomains = new Set<string>();
  for (const d of snapshot.tenant.verifiedDomains) {
    const domain = normaliseDomain(d);
    // Stryker disable next-line ConditionalExpression: an entry that is no domain adds undefined, which no lookup asks for
    if (domain) verifiedDomains.add(domain);
  }

  const allowInvitesFrom = snapshot.authorizationPolicy.allowInvitesFrom;
  const adminIds = same?.adminIds ?? new Set(snapshot.users.filter(isAdminUser).map((u) => u.id));
  // Reuse changes speed only: the sets are rebuilt from the same users.
  const inviterIds =
    // Stryker disable next-line ConditionalExpression: equivalent, see above
    same && same.allowInvitesFrom === allowInvitesFrom
      ? same.inviterIds
      : new Set(snapshot.users.filter((u) => mayInviteUser(allowInvitesFrom, u)).map((u) => u.id));
  const admins = snapshot.users.filter(isAdminUser).map((u) => u.id);
  const groupsAdminIds = new Set(snapshot.users.filter(isGroupsAdminUser).map((u) => u.id));

  const entraDomains = compileEntraDomains(snapshot);
  const crossTenant = compileCrossTenant(snapshot);
  const groupsOrg = compileGroupsOrg(snapshot);
  const labelsById = new Map((snapshot.sensitivityLabels ?? []).map((l) => [l.id, l]));
  const sharePointDomains = compileSharePointDomains(snapshot.sharePoint);
  const teams = teamsIssue(snapshot);
  const teamsUnverified = teamsUnknown(snapshot);
  const visibilityNote = guestVisibility(snapshot.authorizationPolicy.guestUserRoleId).note;
  const invites = invitationBlockers(allowInvitesFrom);

  let disabledAccounts = same?.disabledAccounts;
  // Stryker disable next-line ConditionalExpression: reuse only, see above
  if (!disabledAccounts) {
    const disabled = new Map<string, readonly Blocker[]>();
    // An enabled account has no blockers, so listing it too would change nothing.
    // Stryker disable next-line ConditionalExpression: equivalent, see above
    for (const user of snapshot.users) if (!user.accountEnabled) disabled.set(user.id, guestAccountBlockers(user));
    disabledAccounts = disabled;
  }

  let roleHolders = same?.roleHolders;
  // Stryker disable next-line ConditionalExpression: reuse only, see above
  if (!roleHolders) {
    const holders = new Map<RoleKey, readonly string[]>();
    for (const key of ROLE_KEYS_WITH_HOLDERS) holders.set(key, Object.freeze(holdersOf(snapshot.users, key)));
    roleHolders = holders;
  }

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
  // A compiled group depends on its own object and on these tenant settings: when neither changed (a what-if of a
  // domain list or one group), the previous compilation is taken over.
  const before = same && groupInputsOf(same.snapshot) === groupInputsOf(snapshot) ? same : undefined;
  const groups = new Map<string, CompiledGroup>();
  for (const group of snapshot.groups) {
    const previousGroup = before?.groups.get(group.id);
    groups.set(
      group.id,
      previousGroup && previousGroup.group === group ? previousGroup : compileGroup(groupFacts, group),
    );
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
