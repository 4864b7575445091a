import { NO_ACCESS, type GuestAccess } from './access.js';
import {
  NO_APPROVAL,
  NOBODY_MAY_INVITE,
  SELF_AS_ADMIN,
  SELF_AS_OWNER,
  withoutRequester,
  type ApproverSet,
  type RequesterRelation,
} from './approvers.js';
import { blocker, joinBlockers, NO_BLOCKERS, type Blocker } from './blocker.js';
import type { CompiledGroup } from './compiledGroup.js';
import type { PolicyContext } from './context.js';
import { normaliseEmail, type NormalisedEmail } from './email.js';
import type { NoteCode } from './reasonCodes.js';
import type { DirectoryUser } from './tenantModel.js';
import { GuestState, variantIndex, type AccessVariant } from './variants.js';

/**
 * - `addNow`: the requester may add the guest directly (owner or admin who, if an invitation is needed, may send it);
 * - `needsApproval`: allowed, once one of `approval.approverIds` approves;
 * - `blocked`: at least one blocker;
 * - `nothingToDo`: an internal address, or already a member.
 */
export type Verdict = 'addNow' | 'needsApproval' | 'blocked' | 'nothingToDo';

/** The policy's answer for one guest. `verdict === 'blocked'` exactly when `blockers` is non-empty. */
export interface GuestDecision {
  /** Normalised (trimmed, lower-case, domain in Punycode); the trimmed input (at most 320 characters) when malformed. */
  readonly guestEmail: string;
  /** ASCII domain; empty when the address is malformed. */
  readonly domain: string;
  readonly groupId: string;
  readonly requesterId: string;
  readonly verdict: Verdict;
  /**
   * Every blocker, in order: the request (input, requester, group), Entra and cross-tenant (new invitations), the
   * guest's account, the group's kind, Group.Unified, label, per-group setting, then who decides.
   */
  readonly blockers: readonly Blocker[];
  /** What keeps the guest out of the team or site after joining: not blockers of membership, but with fixes. */
  readonly accessIssues: readonly Blocker[];
  /** A guest not yet in the directory needs an invitation. */
  readonly invitation: 'required' | 'notNeeded';
  /** The guest's directory id when the address is already in the directory (undefined otherwise). */
  readonly existingUserId?: string | undefined;
  readonly approval: ApproverSet;
  readonly access: GuestAccess;
  readonly notes: readonly NoteCode[];
}

export interface GuestInput {
  readonly groupId: string;
  readonly requesterId: string;
  readonly guestEmail: string;
  /**
   * `'anyMember'`: judge the guest as if an ordinary member of the group asked (for "why can't X join Y?" from
   * someone outside the group: the answer is about the guest, not about who asks). Default `'requester'`.
   */
  readonly perspective?: 'requester' | 'anyMember';
}

export interface RequestInput {
  readonly groupId: string;
  readonly requesterId: string;
  readonly guestEmails: readonly string[];
}

/** A malformed address is echoed back, but never more of it than any address could be long. */
const MAX_ECHO = 320;

const INTERNAL_NOTES: readonly NoteCode[] = Object.freeze(['INTERNAL_ADDRESS']);
const NO_NOTES: readonly NoteCode[] = Object.freeze([]);
const REQUESTER_UNKNOWN = blocker('REQUESTER_NOT_MEMBER', { setting: 'members', currentValue: 'notMember', allowingValue: 'member' });

function relationOf(ctx: PolicyContext, cg: CompiledGroup | undefined, requesterId: string, requester: DirectoryUser | undefined): RequesterRelation {
  if (!requester || !requester.accountEnabled) return 'none';
  if (cg?.ownerIds.has(requesterId)) return 'owner';
  if (ctx.adminIds.has(requesterId)) return 'admin';
  if (!cg || cg.memberIds.has(requesterId)) return 'member';
  return 'none';
}

/** Rule 3: owner or admin adds directly; else the owners; inviters when no owner may invite; admins without owners. */
function approvalFor(ctx: PolicyContext, cg: CompiledGroup, requesterId: string, relation: RequesterRelation, invitationNeeded: boolean): ApproverSet {
  if (relation === 'none') return NO_APPROVAL;
  if (invitationNeeded && ctx.allowInvitesFrom === 'none') return NOBODY_MAY_INVITE;
  if ((relation === 'owner' || relation === 'admin') && (!invitationNeeded || ctx.inviterIds.has(requesterId))) {
    return relation === 'owner' ? SELF_AS_OWNER : SELF_AS_ADMIN;
  }
  return withoutRequester(invitationNeeded ? cg.approversNew : cg.approversExisting, requesterId);
}

/** Blockers of the request itself. Allocates only when something is wrong, and then only for the rare cases. */
function requestBlockers(
  email: NormalisedEmail,
  rawEmail: string,
  groupId: string,
  cg: CompiledGroup | undefined,
  relation: RequesterRelation,
): readonly Blocker[] {
  if (email.ok && cg) return relation === 'none' ? cg.requesterNotMember : NO_BLOCKERS;
  const out: Blocker[] = [];
  if (!email.ok) {
    const shown = rawEmail.trim().slice(0, MAX_ECHO);
    out.push(blocker('ADDRESS_INVALID', { setting: 'guestEmail', currentValue: shown, allowingValue: 'name@domain', subject: shown }));
  }
  if (relation === 'none') out.push(cg ? cg.requesterNotMember[0] : REQUESTER_UNKNOWN);
  if (!cg) out.push(blocker('GROUP_NOT_FOUND', { setting: 'groupId', currentValue: groupId, allowingValue: '—', subject: groupId }));
  return out;
}

function hasPropagation(blockers: readonly Blocker[]): boolean {
  for (let i = 0; i < blockers.length; i++) if (blockers[i].propagation24h) return true;
  return false;
}

function issuesWith(base: readonly Blocker[], extra: Blocker | undefined): readonly Blocker[] {
  if (extra === undefined) return base;
  return base.length === 0 ? [extra] : [...base, extra];
}

/** "Nothing to do" (a colleague, or already a member): no blockers and no approval, whoever asks. */
function nothingToDo(
  email: NormalisedEmail & { ok: true },
  groupId: string,
  requesterId: string,
  existingUserId: string | undefined,
  accessIssues: readonly Blocker[],
  access: GuestAccess,
  notes: readonly NoteCode[],
): GuestDecision {
  return {
    guestEmail: email.email,
    domain: email.domain,
    groupId,
    requesterId,
    verdict: 'nothingToDo',
    blockers: NO_BLOCKERS,
    accessIssues,
    invitation: 'notNeeded',
    existingUserId,
    approval: NO_APPROVAL,
    access,
    notes,
  };
}

/** The decision core, for an address already normalised. */
function decide(
  ctx: PolicyContext,
  groupId: string,
  askerId: string,
  rawEmail: string,
  email: NormalisedEmail,
  anyMember = false,
): GuestDecision {
  const cg = ctx.groups.get(groupId);
  // From a member's point of view nobody in particular asks: no requester to exclude from the approvers.
  const requesterId = anyMember ? '' : askerId;
  const relation = anyMember ? 'member' : relationOf(ctx, cg, requesterId, ctx.usersById.get(requesterId));
  const request = requestBlockers(email, rawEmail, groupId, cg, relation);

  if (!email.ok) {
    return {
      guestEmail: rawEmail.trim().slice(0, MAX_ECHO),
      domain: '',
      groupId,
      requesterId: askerId,
      verdict: 'blocked',
      blockers: request,
      accessIssues: NO_BLOCKERS,
      invitation: 'notNeeded',
      existingUserId: undefined,
      approval: NO_APPROVAL,
      access: NO_ACCESS,
      notes: NO_NOTES,
    };
  }

  const dv = ctx.domainVerdict(email.domain);
  const existing = ctx.usersByAddress.get(email.email);
  if (dv.internal || existing?.userType === 'Member') {
    // A colleague is never a guest, whoever asks.
    return nothingToDo(email, groupId, askerId, existing?.id, NO_BLOCKERS, NO_ACCESS, INTERNAL_NOTES);
  }

  const isNew = existing === undefined;
  const state = isNew ? GuestState.New : existing.externalUserState === 'PendingAcceptance' ? GuestState.Pending : GuestState.Existing;
  const domainIssue = cg?.site ? dv.siteDomainIssue : undefined;
  const variant: AccessVariant = (cg ? cg.variants : ctx.noGroupVariants)[variantIndex(state, domainIssue === undefined)];
  // Invitation rules spare guests who redeemed; a pending guest still has to, and a block stops the redemption.
  const accessIssues = state === GuestState.Pending
    ? joinBlockers(issuesWith(variant.issues, domainIssue), dv.inviteBlockers)
    : issuesWith(variant.issues, domainIssue);

  if (cg && existing && cg.memberIds.has(existing.id)) {
    // Already a member, whoever asks.
    return nothingToDo(email, groupId, askerId, existing.id, accessIssues, variant.access, variant.notesAlreadyMember);
  }

  const guest = isNew ? dv.inviteBlockers : (ctx.disabledAccounts.get(existing.id) ?? NO_BLOCKERS);
  const approval = cg ? approvalFor(ctx, cg, requesterId, relation, isNew) : NO_APPROVAL;
  const noApprover = approval.reasonCode === 'NO_ELIGIBLE_APPROVER' && cg ? (isNew ? cg.noApproverNew : cg.noApproverExisting) : NO_BLOCKERS;
  const blockers = joinBlockers(request, guest, cg ? cg.blockers : NO_BLOCKERS, noApprover);
  const propagates = variant.issuesPropagate || domainIssue !== undefined || hasPropagation(blockers);

  return {
    guestEmail: email.email,
    domain: email.domain,
    groupId,
    requesterId: askerId,
    verdict: blockers.length > 0 ? 'blocked' : approval.basis === 'self' ? 'addNow' : 'needsApproval',
    blockers,
    accessIssues,
    invitation: isNew ? 'required' : 'notNeeded',
    existingUserId: existing?.id,
    approval,
    access: variant.access,
    notes: propagates ? variant.notesWithPropagation : variant.notes,
  };
}

/** Can this guest be added to this group, asked by this requester? Pure: same context and input, same decision. */
export function evaluateGuest(ctx: PolicyContext, input: GuestInput): GuestDecision {
  return decide(ctx, input.groupId, input.requesterId, input.guestEmail, normaliseEmail(input.guestEmail), input.perspective === 'anyMember');
}

/**
 * One decision per guest, in input order, so a mixed request can proceed in part. Addresses that normalise to the
 * same guest are collapsed to the first.
 */
export function evaluateRequest(ctx: PolicyContext, input: RequestInput): GuestDecision[] {
  const seen = new Set<string>();
  const out: GuestDecision[] = [];
  for (const raw of input.guestEmails) {
    const email = normaliseEmail(raw);
    const key = email.ok ? email.email : `\u0000${raw.trim().slice(0, MAX_ECHO).toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(decide(ctx, input.groupId, input.requesterId, raw, email));
  }
  return out;
}

/** Who decides for this guest (the same set a decision carries). */
export function approversFor(ctx: PolicyContext, input: GuestInput): ApproverSet {
  return evaluateGuest(ctx, input).approval;
}
