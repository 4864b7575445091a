import { evaluateGuest, normaliseEmail, type GuestDecision, type PolicyContext } from '../../policy/index.js';
import type { Directory } from '../../ports/directory.js';
import type { UserProfile } from '../shared/identifyUser.js';
import { lookupGroup, type GroupMiss } from '../shared/lookupGroup.js';
import type { PolicyCache } from '../shared/policyCache.js';

export type ExplainAccessOutcome =
  | GroupMiss
  | { kind: 'invalidAddress'; address: string }
  /** `askerMayRequest` false: the asker is outside the group, so the decision is a member's view, not theirs. */
  | { kind: 'decision'; decision: GuestDecision; ctx: PolicyContext; askerMayRequest: boolean };

/**
 * The decision an asker should read: their own when they could make the request, else a member's, since someone
 * outside the group asks about the guest rather than about themselves.
 */
export function decisionForAsker(
  ctx: PolicyContext,
  actor: UserProfile,
  groupId: string,
  guestEmail: string,
): { decision: GuestDecision; askerMayRequest: boolean } {
  const askerMayRequest = mayRequestIn(actor, groupId);
  const decision = evaluateGuest(ctx, {
    groupId,
    requesterId: actor.user.id,
    guestEmail,
    perspective: askerMayRequest ? 'requester' : 'anyMember',
  });
  return { decision, askerMayRequest };
}

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
  const ctx = await deps.policy.current([email.email]);
  // The same question from the same asker gets the same answer until the directory changes.
  const key = `${actor.user.id}|${found.group.id}|${email.email}`;
  const answer = deps.policy.remember(ctx, 'decisions', key, () =>
    decisionForAsker(ctx, actor, found.group.id, email.email),
  );
  return { kind: 'decision', ctx, ...answer };
}
