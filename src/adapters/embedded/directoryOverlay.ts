import type { DirectoryGroup, DirectoryUser, TenantSnapshot } from '../../policy/tenantModel.js';

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

/**
 * The snapshot with the overlay applied. Lenient, because the snapshot may have been replaced since the overlay was
 * written: a guest whose id or address now exists in the snapshot, and changes to groups or users that no longer
 * exist, are skipped.
 */
export function applyOverlay(base: TenantSnapshot, overlay: DirectoryOverlay): TenantSnapshot {
  const deleted = new Set(Object.keys(overlay.deleted ?? {}).map((id) => id.toLowerCase()));
  const kept = base.users.filter((u) => !deleted.has(u.id.toLowerCase()));
  const ids = new Set(kept.map((u) => u.id.toLowerCase()));
  const addresses = new Set(
    kept.flatMap((u) => [u.mail, u.userPrincipalName]).flatMap((a) => (a ? [a.toLowerCase()] : [])),
  );
  const guests: DirectoryUser[] = [];
  for (const { user } of overlay.guests) {
    const mail = user.mail?.toLowerCase();
    if (deleted.has(user.id.toLowerCase())) continue;
    if (ids.has(user.id.toLowerCase()) || (mail !== undefined && addresses.has(mail))) continue;
    ids.add(user.id.toLowerCase());
    if (mail !== undefined) addresses.add(mail);
    guests.push(user);
  }
  const invitations = overlay.invitations ?? {};
  const users = [...kept, ...guests].map((u) =>
    Object.hasOwn(invitations, u.id) ? { ...u, ...pick(invitations[u.id]) } : u,
  );
  const groups = base.groups.map((group): DirectoryGroup => {
    const change = Object.hasOwn(overlay.membership, group.id) ? overlay.membership[group.id] : undefined;
    const owners = deleted.size === 0 ? group.owners : group.owners.filter((id) => !deleted.has(id.toLowerCase()));
    if (change === undefined) {
      if (deleted.size === 0) return group;
      return { ...group, owners, members: group.members.filter((id) => !deleted.has(id.toLowerCase())) };
    }
    const removed = new Set([...change.removed.map((id) => id.toLowerCase()), ...deleted]);
    const members = group.members.filter((id) => !removed.has(id.toLowerCase()));
    const present = new Set(members.map((id) => id.toLowerCase()));
    for (const id of change.added) {
      if (ids.has(id.toLowerCase()) && !present.has(id.toLowerCase())) {
        members.push(id);
        present.add(id.toLowerCase());
      }
    }
    return { ...group, owners, members };
  });
  return { ...base, users, groups };
}

function pick(
  change: UserInvitationChange,
): Pick<DirectoryUser, 'externalUserState' | 'externalUserStateChangeDateTime'> {
  const { externalUserState, externalUserStateChangeDateTime } = change;
  return { externalUserState, externalUserStateChangeDateTime };
}
