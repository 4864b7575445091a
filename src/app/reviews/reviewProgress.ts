import type { ReviewStore } from '../../ports/reviewStore.js';
import type { Directory } from '../../ports/directory.js';
import type { ReviewCycle } from '../../domain/guestReview.js';
import type { UserProfile } from '../shared/identifyUser.js';

const DAY = 86_400_000;

export interface GroupReviewProgress {
  readonly groupId: string;
  readonly groupName: string;
  readonly reviewerNames: string[];
  readonly ownerless: boolean;
  readonly total: number;
  readonly decided: number;
  readonly kept: number;
  readonly removed: number;
  readonly state: 'open' | 'closed';
}

export type ReviewProgressOutcome =
  | { kind: 'forbidden' }
  | { kind: 'off' }
  | { kind: 'none'; reviewDays: number }
  | { kind: 'progress'; cycle: ReviewCycle; groups: GroupReviewProgress[]; nextAt?: string };

/** "reviews" (admins): the latest guest review cycle, group by group, and when the next one starts. */
export async function reviewProgress(
  deps: { reviews: ReviewStore; directory: Directory; settings: { reviewDays: number } },
  actor: UserProfile,
): Promise<ReviewProgressOutcome> {
  if (!actor.isAdmin) return { kind: 'forbidden' };
  const cycle = await deps.reviews.latestCycle();
  const { reviewDays } = deps.settings;
  if (!cycle) return reviewDays === 0 ? { kind: 'off' } : { kind: 'none', reviewDays };
  const groups: GroupReviewProgress[] = [];
  for (const review of await deps.reviews.list({ cycleId: cycle.id })) {
    const group = await deps.directory.getGroup(review.groupId);
    const reviewerNames: string[] = [];
    for (const id of review.reviewerIds) reviewerNames.push((await deps.directory.getUser(id))?.displayName ?? id);
    groups.push({
      groupId: review.groupId,
      groupName: group?.displayName ?? review.groupId,
      reviewerNames,
      ownerless: review.ownerless,
      total: review.guests.length,
      decided: review.guests.filter((g) => g.decision).length,
      kept: review.guests.filter((g) => g.decision?.outcome === 'keep').length,
      removed: review.guests.filter((g) => g.decision?.outcome === 'remove').length,
      state: review.state,
    });
  }
  groups.sort((a, b) => a.groupName.localeCompare(b.groupName));
  const nextAt = reviewDays > 0 ? new Date(Date.parse(cycle.startedAt) + reviewDays * DAY).toISOString() : undefined;
  return { kind: 'progress', cycle, groups, ...(nextAt ? { nextAt } : {}) };
}
