import { auditedChange } from '../audit/auditRelay.js';
import { failureCode } from '../shared/failure.js';
import { groupProfile, normaliseEmail } from '../../policy/index.js';
import type { DirectoryGroup, DirectoryUser } from '../../policy/tenantModel.js';
import type { AppServices } from '../shared/appServices.js';
import type { UserProfile } from '../shared/identifyUser.js';
import { mayManageGuests } from './listGuests.js';
import { lookupGroup, type GroupMiss } from '../shared/lookupGroup.js';
import type { PolicyCache } from '../shared/policyCache.js';

export interface RemoveGuestDeps extends AppServices {
  policy: PolicyCache;
}

/** Why a group's members can't be changed here: rule-based, synchronised from AD DS, or managed in Exchange. */
export type UnmanagedReason =
  'GROUP_DYNAMIC' | 'GROUP_ON_PREMISES' | 'GROUP_DISTRIBUTION_LIST' | 'GROUP_MAIL_ENABLED_SECURITY' | 'GROUP_NOT_M365';

export type PrepareRemovalOutcome =
  | GroupMiss
  | { kind: 'forbidden'; group: DirectoryGroup }
  | { kind: 'invalidAddress'; group: DirectoryGroup; address: string }
  | { kind: 'unmanaged'; group: DirectoryGroup; reason: UnmanagedReason }
  /** No guest with that address in the group (unknown address, or a guest of other groups only). */
  | { kind: 'notMember'; group: DirectoryGroup; address: string }
  /** The address is a colleague's account, not a guest: this command removes guests only. */
  | { kind: 'notGuest'; group: DirectoryGroup; user: DirectoryUser }
  | { kind: 'confirm'; group: DirectoryGroup; guest: DirectoryUser };

export type ConfirmRemovalOutcome =
  | { kind: 'badRequest' }
  | { kind: 'forbidden'; group: DirectoryGroup }
  | { kind: 'unmanaged'; group: DirectoryGroup; reason: UnmanagedReason }
  | { kind: 'notGuest'; group: DirectoryGroup; user: DirectoryUser }
  /** Already gone (an earlier tap, or someone else): nothing done, nothing audited. */
  | { kind: 'alreadyRemoved'; group: DirectoryGroup; guest?: DirectoryUser }
  | { kind: 'removed'; group: DirectoryGroup; guest: DirectoryUser }
  | { kind: 'failed'; group: DirectoryGroup; guest: DirectoryUser; error: string };

const ID = /^[0-9a-z][0-9a-z-]{0,63}$/i;

async function unmanagedReason(deps: RemoveGuestDeps, group: DirectoryGroup): Promise<UnmanagedReason | undefined> {
  const profile = groupProfile(await deps.policy.current(), group.id);
  if (!profile) return undefined;
  if (profile.onPremises) return 'GROUP_ON_PREMISES';
  if (profile.dynamic) return 'GROUP_DYNAMIC';
  if (profile.kind === 'distributionList') return 'GROUP_DISTRIBUTION_LIST';
  if (profile.kind === 'mailEnabledSecurity') return 'GROUP_MAIL_ENABLED_SECURITY';
  if (profile.kind !== 'microsoft365') return 'GROUP_NOT_M365';
  return undefined;
}

const isMember = (group: DirectoryGroup, userId: string) =>
  group.members.some((id) => id.toLowerCase() === userId.toLowerCase());

/**
 * "remove guest <email> from <group>": checks everything that can be checked before asking for confirmation.
 * Only the group's owners and admins may remove its guests, and only guests (userType Guest).
 */
export async function prepareGuestRemoval(
  deps: RemoveGuestDeps,
  actor: UserProfile,
  input: { guest: string; group: string },
): Promise<PrepareRemovalOutcome> {
  const found = await lookupGroup(deps.directory, input.group);
  if (found.kind !== 'found') return found;
  const { group } = found;
  if (!mayManageGuests(actor, group)) return { kind: 'forbidden', group };
  const email = normaliseEmail(input.guest);
  if (!email.ok) return { kind: 'invalidAddress', group, address: input.guest.trim() };
  const user = await deps.directory.findUserByMail(email.email);
  if (user && user.userType !== 'Guest') return { kind: 'notGuest', group, user };
  if (!user || !isMember(group, user.id)) return { kind: 'notMember', group, address: email.email };
  const reason = await unmanagedReason(deps, group);
  if (reason) return { kind: 'unmanaged', group, reason };
  return { kind: 'confirm', group, guest: user };
}

function validIds(data: {
  groupId?: unknown;
  guestUserId?: unknown;
}): { groupId: string; guestUserId: string } | undefined {
  const { groupId, guestUserId } = data;
  if (typeof groupId !== 'string' || typeof guestUserId !== 'string' || !ID.test(groupId) || !ID.test(guestUserId))
    return undefined;
  return { groupId, guestUserId };
}

/** The "Cancel" tap: changes nothing, but shows names only to someone who may see them. */
export async function cancelGuestRemoval(
  deps: Pick<RemoveGuestDeps, 'directory'>,
  actor: UserProfile,
  data: { groupId?: unknown; guestUserId?: unknown },
): Promise<
  | { kind: 'badRequest' }
  | { kind: 'forbidden'; group: DirectoryGroup }
  | { kind: 'cancelled'; group: DirectoryGroup; guest?: DirectoryUser }
> {
  const ids = validIds(data);
  const group = ids ? await deps.directory.getGroup(ids.groupId) : undefined;
  if (!ids || !group) return { kind: 'badRequest' };
  if (!mayManageGuests(actor, group)) return { kind: 'forbidden', group };
  const guest = await deps.directory.getUser(ids.guestUserId);
  return { kind: 'cancelled', group, ...(guest?.userType === 'Guest' ? { guest } : {}) };
}

/**
 * The confirmation tap. The card's data gives ids only; whether the actor may remove this guest is decided again
 * here, from the directory as it is now. Removals of one guest from one group run one at a time, so a double tap
 * removes and audits once.
 */
export function guestRemover(deps: RemoveGuestDeps) {
  const tails = new Map<string, Promise<unknown>>();

  const serialised = <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const result = (tails.get(key) ?? Promise.resolve()).then(task, task);
    const tail = result.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };

  return async function confirmGuestRemoval(
    actor: UserProfile,
    data: { groupId?: unknown; guestUserId?: unknown },
  ): Promise<ConfirmRemovalOutcome> {
    const ids = validIds(data);
    if (!ids) return { kind: 'badRequest' };
    const { groupId, guestUserId } = ids;
    return serialised(`${groupId}/${guestUserId}`.toLowerCase(), async () => {
      const group = await deps.directory.getGroup(groupId);
      if (!group) return { kind: 'badRequest' };
      if (!mayManageGuests(actor, group)) return { kind: 'forbidden', group };
      const user = await deps.directory.getUser(guestUserId);
      if (user && user.userType !== 'Guest') return { kind: 'notGuest', group, user };
      if (!user || !isMember(group, user.id))
        return { kind: 'alreadyRemoved', group, ...(user ? { guest: user } : {}) };
      const reason = await unmanagedReason(deps, group);
      if (reason) return { kind: 'unmanaged', group, reason };
      const entry = {
        at: deps.clock.now().toISOString(),
        actorId: actor.user.id,
        action: 'guest.removed',
        subjectId: group.id,
        details: { guestUserId: user.id },
      };
      try {
        await auditedChange(
          deps,
          entry,
          { kind: 'notMember', groupId: group.id, userId: user.id },
          () => deps.directory.removeMember(group.id, user.id),
          () => entry,
        );
      } catch (error) {
        deps.logger.error({ err: error, groupId: group.id, code: 'REMOVE_GUEST_FAILED' }, 'removing a guest failed');
        return { kind: 'failed', group, guest: user, error: failureCode(error) };
      }
      deps.logger.info({ groupId: group.id, guestUserId: user.id, actorId: actor.user.id }, 'guest removed');
      return { kind: 'removed', group: (await deps.directory.getGroup(group.id)) ?? group, guest: user };
    });
  };
}
