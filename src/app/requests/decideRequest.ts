import { approversFor, evaluateGuest, isAdmin, stripInvisible, type GuestDecision } from '../../policy/index.js';
import type { RequestStore } from '../../ports/requestStore.js';
import type { AppServices } from '../shared/appServices.js';
import { canTransition, type GuestRequest, type OutboxItem, type RequestState } from '../../domain/guestRequest.js';
import type { PolicyCache } from '../shared/policyCache.js';
import { relayAudit, withAudit } from '../audit/auditRelay.js';

export interface DecideDeps extends AppServices {
  requests: RequestStore;
  policy: PolicyCache;
  /** Starts background work (cards, provisioning) for a request that changed. */
  onRequestChanged: (requestId: string) => void;
}

export type DecisionAction = 'approve' | 'reject' | 'cancel' | 'retry';

export type DecideOutcome =
  | { kind: 'done'; request: GuestRequest }
  | { kind: 'notFound' }
  | { kind: 'forbidden'; reason: 'notApprover' | 'notRequester' | 'ownRequest' }
  /** Someone else (or an earlier delivery of the same tap) got there first. */
  | { kind: 'alreadyDecided'; request: GuestRequest }
  /** The settings changed since the request was made: approving now would break policy. */
  | { kind: 'blockedNow'; request: GuestRequest; decisions: GuestDecision[] };

/**
 * Who may decide now: the current approvers of every guest in the request, computed from the directory at this
 * moment (an owner removed since the request was made may no longer approve). Never from the card's data.
 */
export async function currentApprovers(deps: Pick<DecideDeps, 'policy'>, request: GuestRequest): Promise<Set<string>> {
  const ctx = await deps.policy.current();
  const ids = new Set<string>();
  for (const guest of request.guests) {
    for (const id of approversFor(ctx, {
      groupId: request.groupId,
      requesterId: request.requesterId,
      guestEmail: guest.email,
    }).approverIds) {
      ids.add(id);
    }
  }
  ids.delete(request.requesterId);
  return ids;
}

/**
 * An approver approves or rejects, the requester cancels, an approver or admin retries a failed provisioning.
 * The actor is the authenticated user of the turn. Exactly one decision wins: the change is applied to the stored
 * request under its lock, so racing taps and redelivered invokes find it already decided.
 */
export async function decideRequest(
  deps: DecideDeps,
  input: { actorId: string; requestId: string; action: DecisionAction; comment?: string; via?: 'outlook' },
): Promise<DecideOutcome> {
  const request = await deps.requests.get(input.requestId);
  if (!request) return { kind: 'notFound' };
  const { actorId, action } = input;

  if (action === 'cancel') {
    if (actorId !== request.requesterId) return { kind: 'forbidden', reason: 'notRequester' };
  } else {
    if (actorId === request.requesterId && action !== 'retry') return { kind: 'forbidden', reason: 'ownRequest' };
    const approvers = await currentApprovers(deps, request);
    const admin = isAdmin(await deps.policy.current(), actorId);
    if (!approvers.has(actorId) && !(action === 'retry' && admin)) return { kind: 'forbidden', reason: 'notApprover' };
  }

  if (action === 'approve' && request.state === 'pending') {
    const ctx = await deps.policy.current(request.guests.map((g) => g.email));
    const decisions = request.guests.map((g) =>
      evaluateGuest(ctx, { groupId: request.groupId, requesterId: request.requesterId, guestEmail: g.email }),
    );
    const blocked = decisions.filter((d) => d.verdict === 'blocked');
    if (blocked.length > 0) return { kind: 'blockedNow', request, decisions: blocked };
  }

  const target: RequestState = (
    { approve: 'approved', reject: 'rejected', cancel: 'cancelled', retry: 'provisioning' } as const
  )[action];
  const from = action === 'retry' ? 'failed' : 'pending';
  const nowIso = deps.clock.now().toISOString();
  const comment =
    stripInvisible(input.comment ?? '')
      .trim()
      .slice(0, 500) || undefined;

  const result = await deps.requests.update(request.id, (current) => {
    if (current.state !== from || !canTransition(current.state, target)) return undefined;
    const outbox: OutboxItem[] = [...current.outbox, { kind: 'refreshCards' }];
    if (action === 'reject') outbox.push({ kind: 'tell', userId: current.requesterId, event: 'rejected' });
    if (action === 'cancel')
      for (const id of current.approverIds) outbox.push({ kind: 'tell', userId: id, event: 'cancelled' });
    const next: GuestRequest = { ...current, state: target, outbox, updatedAt: nowIso };
    if (action !== 'retry') {
      next.decision = {
        outcome: ({ approve: 'approved', reject: 'rejected', cancel: 'cancelled' } as const)[action],
        by: actorId,
        at: nowIso,
        ...(comment ? { comment } : {}),
      };
    } else {
      next.provisioning = { attempts: current.provisioning?.attempts ?? 0, lastError: undefined };
      next.guests = current.guests.map((g) => ({ ...g, error: undefined }));
    }
    return withAudit(next, {
      at: nowIso,
      actorId,
      action: 'request.transition',
      subjectId: current.id,
      from,
      to: target,
      ...(input.via ? { details: { via: input.via } } : {}),
    });
  });
  if (!result) return { kind: 'notFound' };
  if (!result.changed) return { kind: 'alreadyDecided', request: result.request };

  await relayAudit(deps, request.id);
  deps.logger.info({ requestId: request.id, from, to: target, actorId }, 'request decided');
  deps.onRequestChanged(request.id);
  return { kind: 'done', request: result.request };
}
