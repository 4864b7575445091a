import { evaluateGuest, normaliseEmail, type GuestDecision, type PolicyContext } from '../policy/index.js';
import type { Directory } from '../ports/directory.js';
import type { UserProfile } from './identifyUser.js';
import { lookupGroup, type GroupMiss } from './lookupGroup.js';
import type { PolicyCache } from './policyCache.js';

export type ExplainAccessOutcome =
  | GroupMiss
  | { kind: 'invalidAddress'; address: string }
  | { kind: 'decision'; decision: GuestDecision; ctx: PolicyContext };

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
  const decision = evaluateGuest(ctx, { groupId: found.group.id, requesterId: actor.user.id, guestEmail: email.email });
  return { kind: 'decision', decision, ctx };
}
