import { normaliseEmail } from '../../policy/index.js';
import type { DirectoryGroup, DirectoryUser } from '../../policy/tenantModel.js';
import type { Directory } from '../../ports/directory.js';
import type { AppServices } from '../shared/appServices.js';
import { failureCode } from '../shared/failure.js';
import type { UserProfile } from '../shared/identifyUser.js';
import { keyedQueue } from '../shared/keyedQueue.js';

/** What a guest loses when their account is deleted: every group, with its team and site. */
export interface GuestLosses {
  groups: DirectoryGroup[];
  teams: DirectoryGroup[];
  sites: DirectoryGroup[];
}

export type PrepareDeleteOutcome =
  | { kind: 'forbidden' }
  | { kind: 'invalidAddress'; address: string }
  | { kind: 'notFound'; address: string }
  /** A colleague's account: this command deletes guests only. */
  | { kind: 'notGuest'; user: DirectoryUser }
  | { kind: 'confirm'; guest: DirectoryUser; losses: GuestLosses };

export type ConfirmDeleteOutcome =
  | { kind: 'badRequest' }
  | { kind: 'forbidden' }
  | { kind: 'notGuest'; user: DirectoryUser }
  /** Gone already (an earlier tap, or deleted elsewhere): nothing done, nothing audited. */
  | { kind: 'alreadyDeleted' }
  | { kind: 'deleted'; guest: DirectoryUser; losses: GuestLosses }
  | { kind: 'failed'; guest: DirectoryUser; losses: GuestLosses; error: string };

const ID = /^[0-9a-z][0-9a-z-]{0,63}$/i;

export async function guestLosses(directory: Directory, userId: string): Promise<GuestLosses> {
  const id = userId.toLowerCase();
  const groups = (await directory.listGroups())
    .filter((g) => [...g.members, ...g.owners].some((m) => m.toLowerCase() === id))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  return {
    groups,
    teams: groups.filter((g) => g.resourceProvisioningOptions.includes('Team')),
    sites: groups.filter((g) => g.site !== null),
  };
}

/**
 * "delete guest <email>" (admins): finds the guest and what deleting them takes away, for a confirmation card.
 * Colleagues (members) and unknown addresses are refused.
 */
export async function prepareGuestDeletion(
  deps: Pick<AppServices, 'directory'>,
  actor: UserProfile,
  address: string,
): Promise<PrepareDeleteOutcome> {
  if (!actor.isAdmin) return { kind: 'forbidden' };
  const email = normaliseEmail(address);
  if (!email.ok) return { kind: 'invalidAddress', address: address.trim() };
  const user = await deps.directory.findUserByMail(email.email);
  if (!user) return { kind: 'notFound', address: email.email };
  if (user.userType !== 'Guest') return { kind: 'notGuest', user };
  return { kind: 'confirm', guest: user, losses: await guestLosses(deps.directory, user.id) };
}

/**
 * The confirmation tap: the card gives the guest's id only; that the actor is an admin and the account is a guest
 * is decided again now. Deletions of one user run one at a time, so a double tap deletes and audits once.
 */
export function guestDeleter(deps: AppServices) {
  const serialised = keyedQueue();
  return async function confirmGuestDeletion(
    actor: UserProfile,
    data: { guestUserId?: unknown },
  ): Promise<ConfirmDeleteOutcome> {
    const id = data.guestUserId;
    if (typeof id !== 'string' || !ID.test(id)) return { kind: 'badRequest' };
    if (!actor.isAdmin) return { kind: 'forbidden' };
    return serialised(id.toLowerCase(), async () => {
      const user = await deps.directory.getUser(id);
      if (!user) return { kind: 'alreadyDeleted' };
      if (user.userType !== 'Guest') return { kind: 'notGuest', user };
      const losses = await guestLosses(deps.directory, user.id);
      try {
        await deps.directory.deleteUser(user.id);
      } catch (error) {
        deps.logger.error({ err: error, guestUserId: user.id, code: 'DELETE_GUEST_FAILED' }, 'deleting a guest failed');
        return { kind: 'failed', guest: user, losses, error: failureCode(error) };
      }
      await deps.audit.append({
        at: deps.clock.now().toISOString(),
        actorId: actor.user.id,
        action: 'guest.deleted',
        subjectId: user.id,
        details: { guestUserId: user.id, groups: losses.groups.length },
      });
      deps.logger.info({ guestUserId: user.id, actorId: actor.user.id }, 'guest deleted');
      return { kind: 'deleted', guest: user, losses };
    });
  };
}
