import type { SentMessage, UnreachableReason } from '../ports/notifier.js';

/** The life of a guest request. */
export type RequestState =
  | 'pending'
  | 'approved'
  | 'provisioning'
  | 'completed'
  | 'failed'
  | 'rejected'
  | 'cancelled'
  | 'expired';

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

/** A message the request still owes someone; kept in the record so a restart cannot lose it. */
export type OutboxItem =
  | { kind: 'approvalCard'; userId: string }
  | { kind: 'requesterCard'; userId: string }
  | { kind: 'refreshCards' }
  | { kind: 'tell'; userId: string; event: RequestEvent };

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
  provisioning?: { attempts: number; nextAttemptAt?: string; lastError?: string; finishedAt?: string };
  cards: CardCopy[];
  outbox: OutboxItem[];
  /** Bumped on every write. */
  version: number;
  updatedAt: string;
}
