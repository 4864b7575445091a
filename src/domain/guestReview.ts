import type { SentMessage } from './delivery.js';

/** What an owner (or, for an ownerless group, an admin) decided about one guest. */
export type ReviewOutcome = 'keep' | 'remove';

export interface ReviewedGuest {
  userId: string;
  /** `by: 'system'` when nobody confirmed the guest within the grace period. */
  decision?: { outcome: ReviewOutcome; by: string; at: string };
  /** Removed from the group (after a Remove, or after the grace period). */
  removed?: boolean;
  /** The failure code of the last removal attempt; the worker tries again. */
  error?: string;
}

/** A message a review still owes someone; kept in the record so a restart cannot lose it. */
export type ReviewOutboxItem =
  { kind: 'reviewCard'; userId: string } | { kind: 'refreshCards' } | { kind: 'tell'; userId: string; event: 'closed' };

/** One group's guest review in one cycle: the card its reviewers get, and what they decided. */
export interface GuestReview {
  /** `<cycle id>-<group id>`: starting a cycle twice creates each review once. */
  id: string;
  cycleId: string;
  groupId: string;
  startedAt: string;
  /** After this, guests nobody confirmed are removed. */
  dueAt: string;
  /** Who got the card: the group's enabled owners, or the admins when it has none. */
  reviewerIds: string[];
  ownerless: boolean;
  guests: ReviewedGuest[];
  state: 'open' | 'closed';
  closedAt?: string;
  cards: SentMessage[];
  outbox: ReviewOutboxItem[];
  /** Bumped on every write. */
  version: number;
  updatedAt: string;
}

/** One round of reviews over every group with guests. Recorded before its reviews, so a crash mid-start resumes. */
export interface ReviewCycle {
  id: string;
  startedAt: string;
  dueAt: string;
  /** Groups that get a review in this cycle. */
  groupIds: string[];
  /** All its reviews exist. */
  complete: boolean;
}

/** Reviews whose removals are not all done yet. */
export function owesRemovals(review: GuestReview): boolean {
  return review.guests.some((g) => g.decision?.outcome === 'remove' && !g.removed);
}
