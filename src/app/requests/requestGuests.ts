import { evaluateRequest, stripInvisible, type GuestDecision } from '../../policy/index.js';
import type { DirectoryGroup } from '../../policy/tenantModel.js';
import { OpenRequestExistsError, type RequestStore } from '../../ports/requestStore.js';
import type { AppServices } from '../shared/appServices.js';
import { findGroup } from '../shared/findGroup.js';
import type { GuestRequest } from '../../domain/guestRequest.js';
import type { UserProfile } from '../shared/identifyUser.js';
import type { PolicyCache } from '../shared/policyCache.js';
import { auditedChange, auditEntry, relayAudit } from '../audit/auditRelay.js';
import { failureCode } from '../shared/failure.js';
import { provisionGuest } from './provisionGuest.js';
import { newRequestId } from './requestId.js';

export const MAX_GUESTS_PER_REQUEST = 20;
export const MAX_JUSTIFICATION = 2000;

export interface RequestSettings {
  expiryDays: number;
  requireJustification: boolean;
  /** Mail every approver the card as well (APPROVAL_CHANNELS=teams,outlook). */
  mailApprovers?: boolean;
}

const mailTo = (userId: string) => ({ kind: 'approvalMail' as const, userId, why: 'always' as const });

export interface RequestGuestsDeps extends AppServices {
  requests: RequestStore;
  policy: PolicyCache;
  settings: RequestSettings;
  /** Starts delivering a new request's cards in the background. */
  onRequestCreated: (requestId: string) => void;
}

export interface RequestGuestsInput {
  requester: UserProfile;
  groupQuery: string;
  guests: string[];
  justification?: string;
  /**
   * The requester's status card is part of the reply to this very message (the caller sends it): the background
   * sender only delivers later updates. Otherwise the card is queued like the approvers' cards.
   */
  requesterCardInReply?: boolean;
}

export interface AddedGuest {
  decision: GuestDecision;
  invited: boolean;
}

export type RequestGuestsOutcome =
  | { kind: 'groupNotFound'; query: string; suggestions: DirectoryGroup[] }
  | { kind: 'groupAmbiguous'; query: string; candidates: DirectoryGroup[] }
  | { kind: 'noAddresses' }
  | { kind: 'tooManyGuests'; max: number }
  | { kind: 'justificationRequired' }
  | {
      kind: 'processed';
      group: DirectoryGroup;
      added: AddedGuest[];
      failed: { decision: GuestDecision; error: string }[];
      requests: GuestRequest[];
      blocked: GuestDecision[];
      nothingToDo: GuestDecision[];
      duplicates: { decision: GuestDecision; requestId: string }[];
    };

/**
 * A member (or owner, or admin) asks to add guests to a group. Every guest is checked by the policy first:
 * blocked guests are explained and nothing is stored for them; guests the requester may add are added now;
 * the others become a request that waits for its approvers.
 */
export async function requestGuests(deps: RequestGuestsDeps, input: RequestGuestsInput): Promise<RequestGuestsOutcome> {
  const guests = [...new Set(input.guests.map((g) => g.trim()).filter(Boolean))];
  if (guests.length === 0) return { kind: 'noAddresses' };
  if (guests.length > MAX_GUESTS_PER_REQUEST) return { kind: 'tooManyGuests', max: MAX_GUESTS_PER_REQUEST };

  const match = findGroup(input.groupQuery, await deps.directory.listGroups());
  if (match.kind === 'notFound')
    return { kind: 'groupNotFound', query: input.groupQuery, suggestions: match.suggestions };
  if (match.kind === 'ambiguous')
    return { kind: 'groupAmbiguous', query: input.groupQuery, candidates: match.candidates };
  const group = match.group;
  const requesterId = input.requester.user.id;

  const decisions = evaluateRequest(await deps.policy.current(guests), {
    groupId: group.id,
    requesterId,
    guestEmails: guests,
  });
  const blocked = decisions.filter((d) => d.verdict === 'blocked');
  const nothingToDo = decisions.filter((d) => d.verdict === 'nothingToDo');
  const direct = decisions.filter((d) => d.verdict === 'addNow');
  let needApproval = decisions.filter((d) => d.verdict === 'needsApproval');

  const justification = stripInvisible(input.justification ?? '')
    .trim()
    .slice(0, MAX_JUSTIFICATION);
  if (needApproval.length > 0 && !justification && deps.settings.requireJustification)
    return { kind: 'justificationRequired' };

  // A guest already waiting in an open request for this group is not asked for twice.
  const duplicates: { decision: GuestDecision; requestId: string }[] = [];
  const fresh: GuestDecision[] = [];
  for (const d of needApproval) {
    const existing = await deps.requests.findOpenForGuest(group.id, d.guestEmail);
    if (existing) duplicates.push({ decision: d, requestId: existing.id });
    else fresh.push(d);
  }
  needApproval = fresh;

  const added: AddedGuest[] = [];
  const failed: { decision: GuestDecision; error: string }[] = [];
  for (const decision of direct) {
    try {
      const at = deps.clock.now().toISOString();
      const entry = { at, actorId: requesterId, action: 'guest.added', subjectId: group.id } as const;
      const result = await auditedChange(
        deps,
        { ...entry, details: { direct: true } },
        { kind: 'member', groupId: group.id, email: decision.guestEmail },
        () =>
          provisionGuest(deps.directory, {
            groupId: group.id,
            email: decision.guestEmail,
            userId: decision.existingUserId,
            invitedBy: requesterId,
            language: input.requester.user.preferredLanguage ?? null,
            message: justification || undefined,
          }),
        (r) => ({ ...entry, details: { guestUserId: r.userId, invited: r.invited, direct: true } }),
      );
      added.push({ decision, invited: result.invited });
    } catch (error) {
      deps.logger.error({ err: error, groupId: group.id, code: 'DIRECT_ADD_FAILED' }, 'adding a guest directly failed');
      failed.push({ decision, error: failureCode(error) });
    }
  }

  // Guests whose approvers differ (e.g. one needs an invitation only inviters may send) get separate requests.
  const byApprovers = new Map<string, GuestDecision[]>();
  for (const d of needApproval) {
    const key = [...d.approval.approverIds].sort().join(',');
    byApprovers.set(key, [...(byApprovers.get(key) ?? []), d]);
  }
  const requests: GuestRequest[] = [];
  for (const batch of byApprovers.values()) {
    const now = deps.clock.now();
    const request: GuestRequest = {
      id: await uniqueId(deps.requests),
      requesterId,
      groupId: group.id,
      guests: batch.map((d) => ({ email: d.guestEmail, ...(d.existingUserId ? { userId: d.existingUserId } : {}) })),
      justification,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + deps.settings.expiryDays * 86_400_000).toISOString(),
      state: 'pending',
      approverIds: [...batch[0].approval.approverIds],
      approverBasis: batch[0].approval.reasonCode ?? batch[0].approval.basis,
      cards: [],
      outbox: [
        // Mails first: a Teams outage (retried with backoff) must not hold them up.
        ...(deps.settings.mailApprovers ? batch[0].approval.approverIds.map((userId) => mailTo(userId)) : []),
        ...batch[0].approval.approverIds.map((userId) => ({ kind: 'approvalCard' as const, userId })),
        ...(input.requesterCardInReply ? [] : [{ kind: 'requesterCard' as const, userId: requesterId }]),
      ],
      version: 1,
      updatedAt: now.toISOString(),
    };
    // Another turn (or instance) may have asked for one of these guests since the check above: the store's unique
    // key decides, and those guests are answered like any other duplicate.
    for (;;) {
      // The creation entry travels inside the request's own write: a crash right after it cannot lose the entry.
      request.unlogged = [
        auditEntry({
          at: request.createdAt,
          actorId: requesterId,
          action: 'request.transition',
          subjectId: request.id,
          from: 'none',
          to: 'pending',
          details: { groupId: group.id, guests: request.guests.length, approvers: request.approverIds.length },
        }),
      ];
      try {
        await deps.requests.create(request);
        break;
      } catch (error) {
        if (!(error instanceof OpenRequestExistsError)) throw error;
        for (const { email, requestId } of error.existing) {
          const decision = batch.find((d) => d.guestEmail.toLowerCase() === email.toLowerCase());
          if (decision) duplicates.push({ decision, requestId });
        }
        const taken = new Set(error.existing.map((e) => e.email.toLowerCase()));
        request.guests = request.guests.filter((g) => !taken.has(g.email.toLowerCase()));
        if (request.guests.length === 0) break;
      }
    }
    if (request.guests.length === 0) continue;
    await relayAudit(deps, request.id);
    deps.logger.info(
      { requestId: request.id, groupId: group.id, approvers: request.approverIds.length },
      'guest request created',
    );
    requests.push(request);
    deps.onRequestCreated(request.id);
  }

  return { kind: 'processed', group, added, failed, requests, blocked, nothingToDo, duplicates };
}

async function uniqueId(store: RequestStore): Promise<string> {
  for (;;) {
    const id = newRequestId();
    if (!(await store.get(id))) return id;
  }
}
