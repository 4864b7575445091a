import type { DirectoryGroup, DirectoryUser, TenantSnapshot } from '../../policy/tenantModel.js';
import { sameItems } from '../../policy/sameItems.js';

/** A guest the bot invited, with who asked for the invitation and when. */
export interface OverlayGuest {
  user: DirectoryUser;
  invitedBy: string;
  /** ISO 8601. */
  invitedAt: string;
}

/**
 * The directory writes made on top of the committed tenant snapshot: invited guests and membership changes. Kept
 * apart from the snapshot so that the snapshot file is never modified and can be replaced by a newer export.
 */
export interface DirectoryOverlay {
  format: 1;
  guests: OverlayGuest[];
  /** Per group id: users added to, and users removed from, the snapshot's members. */
  membership: Record<string, { added: string[]; removed: string[] }>;
  /** Per user id: invitation state changed by a resent invitation or a reset redemption. Optional (added later). */
  invitations?: Record<string, UserInvitationChange>;
  /** Per user id: when the user was deleted (restorable in Entra for 30 days; gone here). Optional (added later). */
  deleted?: Record<string, string>;
}

export interface UserInvitationChange {
  externalUserState: 'PendingAcceptance' | 'Accepted';
  externalUserStateChangeDateTime: string;
  /** How many times the invitation was sent again. */
  resent: number;
}

/**
 * One entry of the overlay that a write set: a store that keeps a journal writes these instead of the whole overlay.
 * Each sets a value (never increments), so applying one twice gives the same overlay.
 */
export type OverlayChange =
  | { kind: 'guest'; guest: OverlayGuest }
  /** The user's place in the group against the snapshot: added, removed, or as in the snapshot. */
  | { kind: 'membership'; groupId: string; userId: string; state: 'added' | 'removed' | 'asSnapshot' }
  | { kind: 'invitation'; userId: string; change: UserInvitationChange }
  | { kind: 'deleted'; userId: string; at: string };

/** Where the overlay is kept between runs. */
export interface DirectoryOverlayStore {
  load(): Promise<DirectoryOverlay>;
  /**
   * Replaces the stored overlay; resolves once it is durable. `changes`, when given, are what differs from the
   * overlay saved last: a store may write only those, so a write costs the same however many guests came before.
   */
  save(overlay: DirectoryOverlay, changes?: readonly OverlayChange[]): Promise<void>;
  /**
   * Present on stores that several processes share: applies `change` to the overlay as stored now and stores its
   * result only if nobody wrote in between (else runs `change` again on the newer overlay). `undefined` from `change`
   * writes nothing. Resolves with the overlay as stored. The directory then also reloads it now and then, to see
   * the other processes' writes.
   */
  update?(change: (current: DirectoryOverlay) => DirectoryOverlay | undefined): Promise<DirectoryOverlay>;
}

export function emptyOverlay(): DirectoryOverlay {
  return { format: 1, guests: [], membership: {} };
}

/** What the overlay's checks need of the snapshot's users, worked out once per snapshot. */
interface SnapshotUserFacts {
  /** Lowercase user ids. */
  ids: Set<string>;
  /** Per lowercase mail or user principal name: the lowercase ids of the users who have it, in order. */
  addresses: Map<string, string[]>;
}

const userFacts = new WeakMap<readonly DirectoryUser[], SnapshotUserFacts>();

function factsOf(users: readonly DirectoryUser[]): SnapshotUserFacts {
  let facts = userFacts.get(users);
  if (!facts) {
    const ids = new Set<string>();
    const addresses = new Map<string, string[]>();
    for (const user of users) {
      const id = user.id.toLowerCase();
      ids.add(id);
      for (const address of [user.mail, user.userPrincipalName]) {
        if (!address) continue;
        const key = address.toLowerCase();
        const holders = addresses.get(key);
        if (holders) holders.push(id);
        else addresses.set(key, [id]);
      }
    }
    userFacts.set(users, (facts = { ids, addresses }));
  }
  return facts;
}

// Users and groups the overlay changed, made once per (object, change) and handed out again while neither changed: the
// directory's snapshot keeps their identity from one write to the next, so a compiled policy can tell what is new.
const usersWithInvitation = new WeakMap<UserInvitationChange, WeakMap<DirectoryUser, DirectoryUser>>();
const NO_CHANGE = Object.freeze({ added: [], removed: [] });
const NO_DELETIONS: Record<string, string> = Object.freeze({});
const changedGroups = new WeakMap<
  DirectoryGroup,
  { change: object; deleted: object; admitted: readonly string[]; group: DirectoryGroup }
>();

function withInvitation(user: DirectoryUser, change: UserInvitationChange): DirectoryUser {
  let made = usersWithInvitation.get(change);
  if (!made) usersWithInvitation.set(change, (made = new WeakMap()));
  let derived = made.get(user);
  if (!derived) made.set(user, (derived = { ...user, ...pick(change) }));
  return derived;
}

/**
 * The snapshot with the overlay applied. Lenient, because the snapshot may have been replaced since the overlay was
 * written: a guest whose id or address now exists in the snapshot, and changes to groups or users that no longer
 * exist, are skipped.
 */
export function applyOverlay(base: TenantSnapshot, overlay: DirectoryOverlay): TenantSnapshot {
  const deletedRecord = overlay.deleted ?? NO_DELETIONS;
  const deleted = new Set(Object.keys(deletedRecord).map((id) => id.toLowerCase()));
  const kept = deleted.size === 0 ? base.users : base.users.filter((u) => !deleted.has(u.id.toLowerCase()));
  const facts = factsOf(base.users);
  // Ids and addresses of the guests the overlay adds (the snapshot's own are in `facts`).
  const addedIds = new Set<string>();
  const addedAddresses = new Set<string>();
  const idTaken = (id: string) => (facts.ids.has(id) && !deleted.has(id)) || addedIds.has(id);
  const addressTaken = (address: string) =>
    addedAddresses.has(address) || (facts.addresses.get(address)?.some((id) => !deleted.has(id)) ?? false);
  const guests: DirectoryUser[] = [];
  for (const { user } of overlay.guests) {
    const id = user.id.toLowerCase();
    const mail = user.mail?.toLowerCase();
    if (deleted.has(id)) continue;
    if (idTaken(id) || (mail !== undefined && addressTaken(mail))) continue;
    addedIds.add(id);
    if (mail !== undefined) addedAddresses.add(mail);
    guests.push(user);
  }
  const invitations = overlay.invitations ?? {};
  const anyInvitation = Object.keys(invitations).length > 0;
  const all = guests.length === 0 ? kept : [...kept, ...guests];
  const users = anyInvitation
    ? all.map((u) => (Object.hasOwn(invitations, u.id) ? withInvitation(u, invitations[u.id]) : u))
    : all;
  const groups = base.groups.map((group): DirectoryGroup => {
    const change = Object.hasOwn(overlay.membership, group.id) ? overlay.membership[group.id] : undefined;
    if (change === undefined && deleted.size === 0) return group;
    const membership = change ?? NO_CHANGE;
    const admitted = membership.added.filter((id) => idTaken(id.toLowerCase()));
    const known = changedGroups.get(group);
    const same = known?.change === membership && known.deleted === deletedRecord && sameItems(known.admitted, admitted);
    if (same) return known.group;
    const made = groupAfterOverlay(group, membership, admitted, deleted);
    changedGroups.set(group, { change: membership, deleted: deletedRecord, admitted, group: made });
    return made;
  });
  return { ...base, users, groups };
}

/** The group with the overlay's membership change (`admitted`: the added users who exist) and without deleted users. */
function groupAfterOverlay(
  group: DirectoryGroup,
  change: { added: string[]; removed: string[] },
  admitted: readonly string[],
  deleted: ReadonlySet<string>,
): DirectoryGroup {
  const owners = deleted.size === 0 ? group.owners : group.owners.filter((id) => !deleted.has(id.toLowerCase()));
  const removed = new Set([...change.removed.map((id) => id.toLowerCase()), ...deleted]);
  const members = group.members.filter((id) => !removed.has(id.toLowerCase()));
  const present = new Set(members.map((id) => id.toLowerCase()));
  for (const id of admitted) {
    if (!present.has(id.toLowerCase())) {
      members.push(id);
      present.add(id.toLowerCase());
    }
  }
  return { ...group, owners, members };
}

function pick(
  change: UserInvitationChange,
): Pick<DirectoryUser, 'externalUserState' | 'externalUserStateChangeDateTime'> {
  const { externalUserState, externalUserStateChangeDateTime } = change;
  return { externalUserState, externalUserStateChangeDateTime };
}
