import { NO_ACCESS, type GuestAccess } from './access.js';
import {
  NO_APPROVAL,
  SELF_AS_ADMIN,
  SELF_AS_GROUPS_ADMIN,
  SELF_AS_OWNER,
  type ApproverSet,
  type RequesterRelation,
} from './approvers.js';
import { blocker, joinBlockers, NO_BLOCKERS, type Blocker } from './blocker.js';
import type { CompiledGroup } from './compiledGroup.js';
import type { PolicyContext } from './context.js';
import { normaliseEmail, type NormalisedEmail } from './email.js';
import type { NoteCode } from './reasonCodes.js';
import type { DirectoryUser } from './tenantModel.js';
import { revealInvisible } from './text.js';
import { NO_UNVERIFIED, type UnverifiedLayer } from './unverified.js';
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
  /**
   * Normalised (trimmed, lower-case, domain UTS #46-normalised to ASCII); a guest's UPN not in the directory becomes
   * the address it encodes; the trimmed input (at most 320 characters) when malformed.
   */
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
  /**
   * What keeps the guest out of group content, team or site after joining: not blockers of membership, but with
   * fixes. For a guest already in the directory also what stops them signing in (inbound cross-tenant blocking) or
   * redeeming a pending invitation (domain lists, cross-tenant): then `access` is "no" throughout.
   */
  readonly accessIssues: readonly Blocker[];
  /** Layers the directory can't know (no Graph API) and the snapshot leaves out: neither allowing nor blocking. */
  readonly unverified: readonly UnverifiedLayer[];
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

/** A refused address as it may be shown: trimmed, at most {@link MAX_ECHO} long, hidden characters made visible. */
function echo(raw: string): string {
  return revealInvisible(raw.trim().slice(0, MAX_ECHO));
}

const INTERNAL_NOTES: readonly NoteCode[] = Object.freeze(['INTERNAL_ADDRESS']);
const NO_NOTES: readonly NoteCode[] = Object.freeze([]);
const REQUESTER_UNKNOWN = blocker('REQUESTER_NOT_MEMBER', {
  setting: 'members',
  currentValue: 'notMember',
  allowingValue: 'member',
});

function relationOf(
  ctx: PolicyContext,
  cg: CompiledGroup | undefined,
  requesterId: string,
  requester: DirectoryUser | undefined,
): RequesterRelation {
  if (!requester || !requester.accountEnabled) return 'none';
  if (cg?.ownerIds.has(requesterId)) return 'owner';
  if (ctx.adminIds.has(requesterId)) return 'admin';
  if (ctx.groupsAdminIds.has(requesterId)) return 'groupsAdmin';
  // Stryker disable next-line StringLiteral: 'member' is compared with nothing; any name but the others decides alike
  if (!cg || cg.memberIds.has(requesterId)) return 'member';
  return 'none';
}

/**
 * Who decides. Whoever may complete the whole addition (manage the group's membership and, for a new guest, send
 * the invitation) adds directly: an owner, an admin, a Groups Administrator. Otherwise the group's approvers (owners
 * who may complete it, else the admins), never the requester.
 */
function approvalFor(
  ctx: PolicyContext,
  cg: CompiledGroup,
  requesterId: string,
  relation: RequesterRelation,
  invitationNeeded: boolean,
): ApproverSet {
  if (relation === 'none') return NO_APPROVAL;
  // Where nobody may invite, nobody is in inviterIds and approversNew says NOBODY_MAY_INVITE.
  if (!invitationNeeded || ctx.inviterIds.has(requesterId)) {
    if (relation === 'owner') return SELF_AS_OWNER;
    if (relation === 'admin') return SELF_AS_ADMIN;
    if (relation === 'groupsAdmin') return SELF_AS_GROUPS_ADMIN;
  }
  // Never the requester: whoever could approve (an owner or admin who may complete the addition) adds directly above.
  return invitationNeeded ? cg.approversNew : cg.approversExisting;
}

const EXT_MARK = '#ext#';

/**
 * A guest named by user principal name (`name_domain#EXT#@tenant.onmicrosoft.com`): the address it encodes, or
 * undefined when `email` is not such a UPN. Domains hold no underscore, so the last one separates name and domain.
 */
type ValidEmail = NormalisedEmail & { ok: true };

function addressInGuestUpn(ctx: PolicyContext, email: ValidEmail): ValidEmail | undefined {
  if (!email.local.endsWith(EXT_MARK)) return undefined;
  if (!ctx.verifiedDomains.has(email.domain) && !email.domain.endsWith('.onmicrosoft.com')) return undefined;
  const inner = email.local.slice(0, -EXT_MARK.length);
  const cut = inner.lastIndexOf('_');
  // "_domain" (an empty name) decodes to no valid address below.
  if (cut === -1) return undefined;
  const decoded = normaliseEmail(`${inner.slice(0, cut)}@${inner.slice(cut + 1)}`);
  return decoded.ok ? decoded : undefined;
}

/** Blockers of the request itself. Allocates only when something is wrong, and then only for the rare cases. */
function requestBlockers(
  email: NormalisedEmail,
  rawEmail: string,
  groupId: string,
  cg: CompiledGroup | undefined,
  relation: RequesterRelation,
): readonly Blocker[] {
  // The common case without allocating; the general path below builds the same list.
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  if (email.ok && cg) return relation === 'none' ? cg.requesterNotMember : NO_BLOCKERS;
  const out: Blocker[] = [];
  if (!email.ok) {
    const shown = echo(rawEmail);
    out.push(
      blocker('ADDRESS_INVALID', {
        setting: 'guestEmail',
        currentValue: shown,
        allowingValue: 'name@domain',
        subject: shown,
      }),
    );
  }
  if (relation === 'none') out.push(cg ? cg.requesterNotMember[0] : REQUESTER_UNKNOWN);
  if (!cg)
    out.push(
      blocker('GROUP_NOT_FOUND', { setting: 'groupId', currentValue: groupId, allowingValue: '—', subject: groupId }),
    );
  return out;
}

function hasPropagation(blockers: readonly Blocker[]): boolean {
  for (let i = 0; i < blockers.length; i++) if (blockers[i].propagation24h) return true;
  return false;
}

function issuesWith(base: readonly Blocker[], extra: Blocker | undefined): readonly Blocker[] {
  return extra === undefined ? base : [...base, extra];
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
  unverified: readonly UnverifiedLayer[] = NO_UNVERIFIED,
): GuestDecision {
  return {
    guestEmail: email.email,
    domain: email.domain,
    groupId,
    requesterId,
    verdict: 'nothingToDo',
    blockers: NO_BLOCKERS,
    accessIssues,
    unverified,
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
  typed: NormalisedEmail,
  anyMember = false,
): GuestDecision {
  const cg = ctx.groups.get(groupId);
  // From a member's point of view nobody in particular asks: no requester to exclude from the approvers.
  const requesterId = anyMember ? '' : askerId;
  // Stryker disable next-line StringLiteral: 'member' is compared with nothing; any name but the others decides alike
  const relation = anyMember ? 'member' : relationOf(ctx, cg, requesterId, ctx.usersById.get(requesterId));
  const request = requestBlockers(typed, rawEmail, groupId, cg, relation);

  if (!typed.ok) {
    return {
      guestEmail: echo(rawEmail),
      domain: '',
      groupId,
      requesterId: askerId,
      verdict: 'blocked',
      blockers: request,
      accessIssues: NO_BLOCKERS,
      unverified: NO_UNVERIFIED,
      invitation: 'notNeeded',
      existingUserId: undefined,
      approval: NO_APPROVAL,
      access: NO_ACCESS,
      notes: NO_NOTES,
    };
  }

  let email = typed;
  // The directory first: a guest named by mail or by UPN is that guest, whatever domain the UPN is in.
  let existing = ctx.usersByAddress.get(email.email);
  if (existing === undefined) {
    const encoded = addressInGuestUpn(ctx, email);
    if (encoded) {
      email = encoded;
      existing = ctx.usersByAddress.get(encoded.email);
    }
  }
  const dv = ctx.domainVerdict(email.domain);
  if (existing ? existing.userType === 'Member' : dv.internal) {
    // A colleague is never a guest, whoever asks.
    return nothingToDo(email, groupId, askerId, existing?.id, NO_BLOCKERS, NO_ACCESS, INTERNAL_NOTES);
  }

  const isNew = existing === undefined;
  const state =
    existing === undefined
      ? GuestState.New
      : existing.externalUserState === 'PendingAcceptance'
        ? GuestState.Pending
        : GuestState.Existing;
  const domainIssue = cg?.site ? dv.siteDomainIssue : undefined;
  const variant: AccessVariant = (cg ? cg.variants : ctx.noGroupVariants)[
    variantIndex(state, domainIssue === undefined)
  ];
  // Invitation rules spare guests who redeemed, but inbound cross-tenant blocking stops them signing in; a pending
  // guest still has to redeem, and a domain or tenant block makes that fail. Either way the guest reaches nothing.
  const lockedOut =
    state === GuestState.Pending ? dv.redeemBlockers : state === GuestState.Existing ? dv.signInBlockers : NO_BLOCKERS;
  const accessIssues = joinBlockers(issuesWith(variant.issues, domainIssue), lockedOut);
  const access = lockedOut.length === 0 ? variant.access : cg ? cg.lockedOutAccess : NO_ACCESS;

  if (cg && existing && cg.memberIds.has(existing.id)) {
    // Already a member, whoever asks.
    const notes = variant.notesAlreadyMember;
    return nothingToDo(email, groupId, askerId, existing.id, accessIssues, access, notes, variant.unverified);
  }

  const guest = existing === undefined ? dv.inviteBlockers : (ctx.disabledAccounts.get(existing.id) ?? NO_BLOCKERS);
  const approval = cg ? approvalFor(ctx, cg, requesterId, relation, isNew) : NO_APPROVAL;
  const noApprover =
    approval.reasonCode === 'NO_ELIGIBLE_APPROVER' && cg
      ? isNew
        ? cg.noApproverNew
        : cg.noApproverExisting
      : NO_BLOCKERS;
  const groupBlockers = cg ? (isNew ? cg.blockers : cg.blockersExisting) : NO_BLOCKERS;
  const blockers = joinBlockers(request, guest, groupBlockers, noApprover);
  const propagates =
    variant.issuesPropagate || domainIssue !== undefined || lockedOut.length > 0 || hasPropagation(blockers);

  return {
    guestEmail: email.email,
    domain: email.domain,
    groupId,
    requesterId: askerId,
    verdict: blockers.length > 0 ? 'blocked' : approval.basis === 'self' ? 'addNow' : 'needsApproval',
    blockers,
    accessIssues,
    unverified: variant.unverified,
    invitation: isNew ? 'required' : 'notNeeded',
    existingUserId: existing?.id,
    approval,
    access,
    notes: propagates ? variant.notesWithPropagation : variant.notes,
  };
}

/** Can this guest be added to this group, asked by this requester? Pure: same context and input, same decision. */
export function evaluateGuest(ctx: PolicyContext, input: GuestInput): GuestDecision {
  return decide(
    ctx,
    input.groupId,
    input.requesterId,
    input.guestEmail,
    normaliseEmail(input.guestEmail),
    input.perspective === 'anyMember',
  );
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
