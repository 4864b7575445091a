import { layerOf, normaliseEmail } from '../../policy/index.js';
import type { DirectoryUser } from '../../policy/tenantModel.js';
import type { AppServices } from '../shared/appServices.js';
import { failureCode } from '../shared/failure.js';
import type { UserProfile } from '../shared/identifyUser.js';
import type { PolicyCache } from '../shared/policyCache.js';
import { invitersFromAudit } from './tenantGuests.js';

export interface ResendDeps extends AppServices {
  policy: PolicyCache;
}

export type ResendOutcome =
  | { kind: 'invalidAddress'; address: string }
  | { kind: 'notFound'; address: string }
  /** A colleague (userType Member): nothing to invite. */
  | { kind: 'notGuest'; user: DirectoryUser }
  /** Only admins and whoever invited (approved) this guest may send it again; resetting redemption is for admins. */
  | { kind: 'forbidden'; reset: boolean }
  | { kind: 'disabled'; guest: DirectoryUser }
  /** Redeemed already: a new invitation only with `reset` (the guest redeemed with the wrong account). */
  | { kind: 'alreadyAccepted'; guest: DirectoryUser }
  /** Invitations to the guest's domain are blocked now: Entra would refuse the invitation. */
  | { kind: 'blocked'; guest: DirectoryUser; layers: string[] }
  | { kind: 'failed'; guest: DirectoryUser; error: string }
  | { kind: 'sent'; guest: DirectoryUser; reset: boolean };

/** Whether `actor` invited this guest: the directory's sponsor, or the approver/owner the audit log names. */
export async function isInviterOf(
  deps: Pick<AppServices, 'audit'>,
  actorId: string,
  guest: DirectoryUser,
): Promise<boolean> {
  if (guest.sponsors?.some((id) => id.toLowerCase() === actorId.toLowerCase())) return true;
  return (await invitersFromAudit(deps.audit)).get(guest.id)?.by === actorId;
}

/**
 * "resend invitation <email> [reset]": a pending guest gets a new invitation for the same address (Graph
 * `POST /invitations`); with `reset`, a guest who redeemed with the wrong account may redeem again (resetRedemption).
 * Admins, and the person who invited (approved) the guest; resetting is for admins only. Audited.
 */
export async function resendInvitation(
  deps: ResendDeps,
  actor: UserProfile,
  input: { address: string; reset: boolean },
): Promise<ResendOutcome> {
  const email = normaliseEmail(input.address);
  if (!email.ok) return { kind: 'invalidAddress', address: input.address.trim() };
  const user = await deps.directory.findUserByMail(email.email);
  // Whether an address is in the directory is for those who may act on guests: others learn nothing first.
  if (!actor.isAdmin && !(user && (await isInviterOf(deps, actor.user.id, user))))
    return { kind: 'forbidden', reset: input.reset };
  if (!user) return { kind: 'notFound', address: email.email };
  if (user.userType !== 'Guest') return { kind: 'notGuest', user };
  if (input.reset && !actor.isAdmin) return { kind: 'forbidden', reset: true };
  if (!user.accountEnabled) return { kind: 'disabled', guest: user };
  if (user.externalUserState !== 'PendingAcceptance' && !input.reset) return { kind: 'alreadyAccepted', guest: user };

  const blockers = (await deps.policy.current()).domainVerdict(email.domain).inviteBlockers;
  if (blockers.length > 0) {
    return { kind: 'blocked', guest: user, layers: [...new Set(blockers.map((b) => layerOf(b.code)))] };
  }
  try {
    await deps.directory.resendInvitation({ userId: user.id, invitedBy: actor.user.id, resetRedemption: input.reset });
  } catch (error) {
    deps.logger.warn({ guestUserId: user.id, code: failureCode(error) }, 'resending an invitation failed');
    return { kind: 'failed', guest: user, error: failureCode(error) };
  }
  await deps.audit.append({
    at: deps.clock.now().toISOString(),
    actorId: actor.user.id,
    action: 'guest.invitationResent',
    subjectId: user.id,
    details: { guestUserId: user.id, resetRedemption: input.reset },
  });
  deps.logger.info(
    { guestUserId: user.id, actorId: actor.user.id, resetRedemption: input.reset },
    'invitation sent again',
  );
  return { kind: 'sent', guest: (await deps.directory.getUser(user.id)) ?? user, reset: input.reset };
}
