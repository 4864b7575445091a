import type { DirectoryGroup } from '../../policy/tenantModel.js';
import type { Directory } from '../../ports/directory.js';
import type { RequestStore } from '../../ports/requestStore.js';
import type { UserProfile } from '../shared/identifyUser.js';
import { lookupGroup, type GroupMiss } from '../shared/lookupGroup.js';

/** Where a guest stands: invitation redeemed, still waiting to be redeemed, or the account is switched off. */
export type GuestState = 'accepted' | 'pendingAcceptance' | 'disabled';

export interface GroupGuest {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
  readonly state: GuestState;
}

export interface WaitingGuest {
  readonly requestId: string;
  readonly email: string;
}

export type ListGuestsOutcome =
  | { kind: 'forbidden'; group: DirectoryGroup }
  | GroupMiss
  | { kind: 'guests'; group: DirectoryGroup; guests: GroupGuest[]; waiting: WaitingGuest[] };

/**
 * Owners of the group, admins and Groups Administrators (who manage every group's membership) may act on its
 * guests. Decided from the directory, never from a card.
 */
export function mayManageGuests(actor: UserProfile, group: DirectoryGroup): boolean {
  return actor.isAdmin || actor.isGroupsAdmin || group.owners.includes(actor.user.id);
}

export function guestState(user: { accountEnabled: boolean; externalUserState?: string | null }): GuestState {
  if (!user.accountEnabled) return 'disabled';
  return user.externalUserState === 'PendingAcceptance' ? 'pendingAcceptance' : 'accepted';
}

/** "guests <group>": the group's guests and their invitation state, and guests still waiting for approval. */
export async function listGuests(
  deps: { directory: Directory; requests: RequestStore },
  actor: UserProfile,
  groupQuery: string,
): Promise<ListGuestsOutcome> {
  const found = await lookupGroup(deps.directory, groupQuery);
  if (found.kind !== 'found') return found;
  const { group } = found;
  if (!mayManageGuests(actor, group)) return { kind: 'forbidden', group };

  const guests: GroupGuest[] = [];
  for (const id of new Set([...group.owners, ...group.members])) {
    const user = await deps.directory.getUser(id);
    if (user?.userType !== 'Guest') continue;
    guests.push({
      id: user.id,
      displayName: user.displayName,
      mail: user.mail ?? user.userPrincipalName,
      state: guestState(user),
    });
  }
  guests.sort((a, b) => a.displayName.localeCompare(b.displayName));

  const waiting: WaitingGuest[] = [];
  for (const request of await deps.requests.list({ groupId: group.id, states: ['pending'] })) {
    for (const guest of request.guests) if (!guest.added) waiting.push({ requestId: request.id, email: guest.email });
  }
  return { kind: 'guests', group, guests, waiting };
}
