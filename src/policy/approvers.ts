import type { ApprovalReason } from './reasonCodes.js';

/** Who decides: `self` means the requester may add the guest directly. */
export type ApprovalBasis = 'self' | 'owners' | 'admins' | 'none';

/**
 * The people who may approve a request: always enabled owners of the group or admins, each able to complete the
 * whole addition (manage the membership and, for a new guest, invite). The requester is never among them; `self`
 * has no approvers. `admins` with `OWNERS_MAY_NOT_INVITE` means the guest needs an invitation and no owner may send
 * one ("owners must be administrators to approve"); with `NO_OWNERS`, the group has no enabled owner.
 */
export interface ApproverSet {
  readonly basis: ApprovalBasis;
  readonly approverIds: readonly string[];
  readonly reasonCode?: ApprovalReason;
}

/**
 * How the requester stands towards the group. An owner who is also an admin counts as owner; `groupsAdmin` is a
 * Groups Administrator (manages every group's membership, the role does not invite).
 */
export type RequesterRelation = 'owner' | 'admin' | 'groupsAdmin' | 'member' | 'none';

const NO_IDS: readonly string[] = Object.freeze([]);

export function approverSet(basis: ApprovalBasis, ids: readonly string[], reasonCode?: ApprovalReason): ApproverSet {
  return Object.freeze({
    basis,
    // Stryker disable next-line ConditionalExpression: a fresh frozen empty list equals the shared one
    approverIds: ids.length === 0 ? NO_IDS : Object.freeze([...ids]),
    ...(reasonCode ? { reasonCode } : {}),
  });
}

export const NO_APPROVAL: ApproverSet = approverSet('none', NO_IDS);
export const SELF_AS_OWNER: ApproverSet = approverSet('self', NO_IDS, 'REQUESTER_IS_OWNER');
export const SELF_AS_ADMIN: ApproverSet = approverSet('self', NO_IDS, 'REQUESTER_IS_ADMIN');
export const SELF_AS_GROUPS_ADMIN: ApproverSet = approverSet('self', NO_IDS, 'REQUESTER_IS_GROUPS_ADMIN');
export const NOBODY_MAY_INVITE: ApproverSet = approverSet('none', NO_IDS, 'NOBODY_MAY_INVITE');
