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
}

/** Where the overlay is kept between runs. */
export interface DirectoryOverlayStore {
  load(): Promise<DirectoryOverlay>;
  /** Replaces the stored overlay; resolves once it is durable. */
  save(overlay: DirectoryOverlay): Promise<void>;
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
  const ids = new Set(base.users.map((u) => u.id.toLowerCase()));
  const addresses = new Set(base.users.flatMap((u) => [u.mail, u.userPrincipalName]).flatMap((a) => (a ? [a.toLowerCase()] : [])));
  const guests: DirectoryUser[] = [];
  for (const { user } of overlay.guests) {
    const mail = user.mail?.toLowerCase();
    if (ids.has(user.id.toLowerCase()) || (mail !== undefined && addresses.has(mail))) continue;
    ids.add(user.id.toLowerCase());
    if (mail !== undefined) addresses.add(mail);
    guests.push(user);
  }
  const groups = base.groups.map((group): DirectoryGroup => {
    const change = Object.hasOwn(overlay.membership, group.id) ? overlay.membership[group.id] : undefined;
    if (change === undefined) return group;
    const removed = new Set(change.removed.map((id) => id.toLowerCase()));
    const members = group.members.filter((id) => !removed.has(id.toLowerCase()));
    const present = new Set(members.map((id) => id.toLowerCase()));
    for (const id of change.added) {
      if (ids.has(id.toLowerCase()) && !present.has(id.toLowerCase())) {
        members.push(id);
        present.add(id.toLowerCase());
      }
    }
    return { ...group, members };
  });
  return { ...base, users: [...base.users, ...guests], groups };
}
