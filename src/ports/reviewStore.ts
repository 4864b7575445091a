import type { GuestReview, ReviewCycle } from '../domain/guestReview.js';

/**
 * Guest reviews and their cycles. Changes to one review are serialised: `update` runs `change` on the current record
 * and stores its result atomically, so two decisions racing on the same review see each other's outcome.
 */
export interface ReviewStore {
  /** Stores a new review; throws if the id exists. */
  create(review: GuestReview): Promise<void>;
  get(id: string): Promise<GuestReview | undefined>;
  /**
   * Applies `change` to the stored review (a copy). Returning undefined leaves it unchanged. Resolves with the review
   * as stored afterwards and whether it changed; undefined when no review has that id.
   */
  update(
    id: string,
    change: (current: GuestReview) => GuestReview | undefined,
  ): Promise<{ review: GuestReview; changed: boolean } | undefined>;
  /** Reviews of one cycle (or all), oldest group first. */
  list(query: { cycleId?: string; state?: GuestReview['state'] }): Promise<GuestReview[]>;
  /** Open reviews, and closed ones that still owe messages or removals. */
  listWithWork(): Promise<GuestReview[]>;
  /** Stores or replaces a cycle record. */
  saveCycle(cycle: ReviewCycle): Promise<void>;
  /** The most recently started cycle, if any. */
  latestCycle(): Promise<ReviewCycle | undefined>;
}
