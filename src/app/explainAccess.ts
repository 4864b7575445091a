import { evaluateGuest, normaliseEmail, type GuestDecision, type PolicyContext } from '../policy/index.js';
import type { Directory } from '../ports/directory.js';
import type { UserProfile } from './identifyUser.js';
import { lookupGroup, type GroupMiss } from './lookupGroup.js';
import type { PolicyCache } from './policyCache.js';

export type ExplainAccessOutcome =
  | GroupMiss
  | { kind: 'invalidAddress'; address: string }
  /** `askerMayRequest` false: the asker is outside the group, so the decision is a member's view, not theirs. */
  | { kind: 'decision'; decision: GuestDecision; ctx: PolicyContext; askerMayRequest: boolean };

/** Whether this user could ask for guests in this group themselves (a member, an owner or an admin). */
export function mayRequestIn(actor: UserProfile, groupId: string): boolean {
  return actor.isAdmin || actor.ownedGroupIds.includes(groupId) || actor.memberGroupIds.includes(groupId);
}

/**
 * "why <email> <group>", for anyone: the policy's full answer for this guest and group, asked by this user —
 * what blocks, who can fix it, where, and what the guest could use after joining.
 */
export async function explainAccess(
  deps: { directory: Directory; policy: PolicyCache },
  actor: UserProfile,
  input: { guest: string; group: string },
): Promise<ExplainAccessOutcome> {
  const found = await lookupGroup(deps.directory, input.group);
  if (found.kind !== 'found') return found;
  const email = normaliseEmail(input.guest);
  if (!email.ok) return { kind: 'invalidAddress', address: input.guest.trim() };
  const ctx = await deps.policy.current();
  // Someone outside the group asks about the guest, not about themselves: answer as for a member of the group.
  const askerMayRequest = mayRequestIn(actor, found.group.id);
  const decision = evaluateGuest(ctx, {
    groupId: found.group.id,
    requesterId: actor.user.id,
    guestEmail: email.email,
    perspective: askerMayRequest ? 'requester' : 'anyMember',
  });
  return { kind: 'decision', decision, ctx, askerMayRequest };
}
