import type { AuditEntry } from './auditEntry.js';
import type { SentMessage, UnreachableReason } from './delivery.js';

/** The life of a guest request. */
export type RequestState =
  'pending' | 'approved' | 'provisioning' | 'completed' | 'failed' | 'rejected' | 'cancelled' | 'expired';

export const OPEN_STATES: readonly RequestState[] = ['pending', 'approved', 'provisioning', 'failed'];
export const FINAL_STATES: readonly RequestState[] = ['completed', 'rejected', 'cancelled', 'expired'];

/** Which transitions exist; anything else is refused. */
const TRANSITIONS: Record<RequestState, readonly RequestState[]> = {
  pending: ['approved', 'rejected', 'cancelled', 'expired'],
  approved: ['provisioning'],
  provisioning: ['completed', 'failed'],
  failed: ['provisioning'],
  completed: [],
  rejected: [],
  cancelled: [],
  expired: [],
};

export function canTransition(from: RequestState, to: RequestState): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface RequestedGuest {
  email: string;
  /** Set once the guest exists in the directory (found at request time, or invited while provisioning). */
  userId?: string;
  invited?: boolean;
  added?: boolean;
  error?: string;
}

/**
 * An instance's claim on a piece of work when several instances share the store: the others leave it alone until
 * `until` (ISO 8601), when it counts as abandoned (its instance died) and may be taken over.
 */
export interface WorkClaim {
  by: string;
  until: string;
}

/**
 * Delivery bookkeeping of an outbox item. `sendingSince` is written before the send starts: an item still marked
 * after a restart may have reached the user, so a card is then updated in place when its activity id is known and
 * a possible duplicate is counted. `notBefore` holds an item back (the Bot Connector asked for a long wait).
 */
export interface OutboxDelivery {
  sendingSince?: string;
  notBefore?: string;
  /** Set when instances share the store: the instance sending it now (the others leave it alone). */
  claim?: WorkClaim;
}

/** A message the request still owes someone; kept in the record so a restart cannot lose it. */
export type OutboxItem = (
  | { kind: 'approvalCard'; userId: string }
  | { kind: 'requesterCard'; userId: string }
  | { kind: 'refreshCards' }
  | { kind: 'tell'; userId: string; event: RequestEvent }
  /** The approval card by mail (an Outlook actionable message), and why this approver gets it by mail. */
  | { kind: 'approvalMail'; userId: string; why: MailReason }
) &
  OutboxDelivery;

/** Why an approver is mailed: Teams can't reach them, every approver is mailed, or a reminder for a mailed one. */
export type MailReason = 'unreachable' | 'always' | 'reminder';

/** An approval card sent by mail. Outlook keeps it current itself (the card refreshes when opened). */
export interface MailCopy {
  userId: string;
  why: MailReason;
  at: string;
}

/** What the requester or approvers are told about. */
export type RequestEvent = 'completed' | 'failed' | 'rejected' | 'expired' | 'reminder' | 'cancelled' | 'unreachable';

/** An approver Teams refused for good (see {@link UnreachableReason}): they get no more messages about the request. */
export interface UnreachableApprover {
  userId: string;
  reason: UnreachableReason;
  at: string;
  /** When the requester was told about this approver (told once). */
  toldAt?: string;
}

export interface CardCopy extends SentMessage {
  role: 'approver' | 'requester';
}

export interface GuestRequest {
  id: string;
  requesterId: string;
  groupId: string;
  guests: RequestedGuest[];
  justification: string;
  createdAt: string;
  expiresAt: string;
  state: RequestState;
  /** Approvers when the request was made; authorisation re-checks the directory at decision time. */
  approverIds: string[];
  approverBasis: string;
  decision?: { outcome: 'approved' | 'rejected' | 'cancelled' | 'expired'; by: string; at: string; comment?: string };
  reminderSentAt?: string;
  /** Approvers whose approval card Teams refused (403); shown to the requester once and to admins in `pending`. */
  unreachable?: UnreachableApprover[];
  provisioning?: {
    attempts: number;
    nextAttemptAt?: string;
    lastError?: string;
    finishedAt?: string;
    /** Set when instances share the store: the instance provisioning now. */
    claim?: WorkClaim;
  };
  cards: CardCopy[];
  /** Approval cards sent by mail (absent on requests stored before mail existed). */
  mails?: MailCopy[];
  outbox: OutboxItem[];
  /**
   * Audit entries of changes made in this record, written in the same atomic write as the change and moved to the
   * audit log (idempotently, by entry id) right after; empty or absent once logged. Never contains guest addresses.
   */
  unlogged?: AuditEntry[];
  /** Bumped on every write. */
  version: number;
  updatedAt: string;
}
