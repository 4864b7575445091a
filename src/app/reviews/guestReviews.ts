import { groupProfile, isAdminUser } from '../../policy/index.js';
import type { DirectoryGroup } from '../../policy/tenantModel.js';
import type { Notifier } from '../../ports/notifier.js';
import type { ReviewStore } from '../../ports/reviewStore.js';
import type { AppServices } from '../shared/appServices.js';
import { failureCode } from '../shared/failure.js';
import type { GuestReview, ReviewCycle, ReviewOutboxItem, ReviewOutcome } from '../../domain/guestReview.js';
import { owesRemovals } from '../../domain/guestReview.js';
import type { UserProfile } from '../shared/identifyUser.js';
import { keyedQueue } from '../shared/keyedQueue.js';
import type { PolicyCache } from '../shared/policyCache.js';
import { NoServiceUrlYetError } from '../shared/retry.js';
import { additionsFromAudit, reviewClosedText, reviewMessage, type Additions } from './presentReview.js';

export interface ReviewSettings {
  /** Days between cycles; 0 = no new cycles. */
  reviewDays: number;
  reviewGraceDays: number;
  staleDays: number;
}

export interface ReviewDeps extends AppServices {
  reviews: ReviewStore;
  notifier: Notifier;
  policy: PolicyCache;
  settings: ReviewSettings;
}

export type ReviewAction = 'keep' | 'remove' | 'keepAll';

export type DecideReviewOutcome =
  | { kind: 'badRequest' }
  | { kind: 'notFound' }
  /** Not one of the review's current reviewers (owners now, or admins for an ownerless group). */
  | { kind: 'forbidden'; review: GuestReview }
  /** Closed already, or this guest decided already (an earlier tap, or another reviewer). */
  | { kind: 'alreadyDecided'; review: GuestReview }
  | { kind: 'done'; review: GuestReview };

const DAY = 86_400_000;
const ID = /^C-\d{12}-[0-9a-z-]{1,64}$/i;
const USER_ID = /^[0-9a-z][0-9a-z-]{0,63}$/i;

/**
 * Periodic guest reviews: every `reviewDays` each Microsoft 365 group with guests gets one review; its owners (or the
 * admins, when it has no enabled owner) get a card with Keep / Remove per guest and Keep all. A Remove takes the guest
 * out of the group at once; guests nobody confirmed within `reviewGraceDays` are removed when the review closes, and
 * the reviewers are told. Decisions on one review run one at a time and are checked against the directory as it is
 * then, so a double tap or two reviewers at once decide each guest once. Every change is audited; messages go
 * through the review's outbox, so a restart or an unreachable chat loses none.
 */
export class GuestReviews {
  private readonly serialised = keyedQueue();
  private readonly jobs = new Set<Promise<unknown>>();

  constructor(private readonly deps: ReviewDeps) {}

  /** One sweep: a new cycle when due, closing reviews past their grace, and delivering what reviews owe. */
  async tick(): Promise<void> {
    const now = this.deps.clock.now();
    let cycle = await this.deps.reviews.latestCycle();
    const { reviewDays, reviewGraceDays } = this.deps.settings;
    if (reviewDays > 0 && (!cycle || now.getTime() >= Date.parse(cycle.startedAt) + reviewDays * DAY)) {
      cycle = await this.planCycle(now, reviewGraceDays);
    }
    if (cycle && !cycle.complete) await this.createReviews(cycle);
    // Who added which guest: one pass over the audit log for every card of this sweep.
    const known = await additionsFromAudit(this.deps.audit);
    for (const review of await this.deps.reviews.listWithWork()) {
      await this.track(this.serialised(review.id, () => this.process(review.id, known)));
    }
  }

  /** Resolves when no background job is running. */
  async idle(): Promise<void> {
    while (this.jobs.size > 0) await Promise.allSettled([...this.jobs]);
  }

  /** A Keep, Remove or Keep all tap. The actor is the invoke's authenticated user; the card gives ids only. */
  async decide(
    actor: UserProfile,
    data: { reviewId?: unknown; guestUserId?: unknown },
    action: ReviewAction,
  ): Promise<DecideReviewOutcome> {
    const { reviewId, guestUserId } = data;
    if (typeof reviewId !== 'string' || !ID.test(reviewId)) return { kind: 'badRequest' };
    if (action !== 'keepAll' && (typeof guestUserId !== 'string' || !USER_ID.test(guestUserId)))
      return { kind: 'badRequest' };
    return this.track(
      this.serialised(reviewId, async (): Promise<DecideReviewOutcome> => {
        const review = await this.deps.reviews.get(reviewId);
        if (!review) return { kind: 'notFound' };
        if (!(await this.currentReviewers(review)).has(actor.user.id)) return { kind: 'forbidden', review };
        if (review.state === 'closed') return { kind: 'alreadyDecided', review };
        const at = this.deps.clock.now().toISOString();
        const targets =
          action === 'keepAll'
            ? review.guests.filter((g) => !g.decision).map((g) => g.userId)
            : review.guests
                .filter((g) => g.userId.toLowerCase() === (guestUserId as string).toLowerCase())
                .map((g) => g.userId);
        if (targets.length === 0 && action !== 'keepAll') return { kind: 'badRequest' };
        const outcome: ReviewOutcome = action === 'remove' ? 'remove' : 'keep';
        const decided: string[] = [];
        const result = await this.deps.reviews.update(reviewId, (r) => {
          if (r.state !== 'open') return undefined;
          const guests = r.guests.map((g) => {
            if (!targets.includes(g.userId) || g.decision) return g;
            decided.push(g.userId);
            return { ...g, decision: { outcome, by: actor.user.id, at } };
          });
          if (decided.length === 0) return undefined;
          const allDecided = guests.every((g) => g.decision);
          return {
            ...r,
            guests,
            ...(allDecided ? { state: 'closed' as const, closedAt: at } : {}),
            outbox: [...r.outbox, { kind: 'refreshCards' as const }],
            updatedAt: at,
          };
        });
        if (!result) return { kind: 'notFound' };
        if (!result.changed) return { kind: 'alreadyDecided', review: result.review };
        for (const userId of decided) {
          await this.deps.audit.append({
            at,
            actorId: actor.user.id,
            action: outcome === 'keep' ? 'review.kept' : 'review.removed',
            subjectId: review.groupId,
            details: { reviewId, guestUserId: userId },
          });
        }
        if (result.review.state === 'closed') await this.auditClosed(result.review, 0);
        await this.removeDecided(reviewId);
        this.kickLater(reviewId);
        return { kind: 'done', review: (await this.deps.reviews.get(reviewId)) ?? result.review };
      }),
    );
  }

  /** Who may decide on this review now: the group's enabled owners, or the admins when it has none. */
  async currentReviewers(review: Pick<GuestReview, 'groupId'>): Promise<Set<string>> {
    const group = await this.deps.directory.getGroup(review.groupId);
    return new Set(group ? await this.reviewersOf(group) : []);
  }

  private async reviewersOf(group: DirectoryGroup): Promise<string[]> {
    const owners: string[] = [];
    for (const id of group.owners) {
      const user = await this.deps.directory.getUser(id);
      if (user?.accountEnabled && user.userType === 'Member') owners.push(user.id);
    }
    if (owners.length > 0) return owners;
    return (await this.deps.directory.snapshot()).users.filter((u) => isAdminUser(u)).map((u) => u.id);
  }

  /** Records a new cycle over the groups that have guests now; its reviews are created next. */
  private async planCycle(now: Date, graceDays: number): Promise<ReviewCycle> {
    // Fresh sign-ins for the cards: Graph reads them with the guest list (the embedded tenant has them already).
    await this.deps.directory
      .listGuests()
      .catch((err: unknown) =>
        this.deps.logger.warn(
          { err, code: 'GUEST_LIST_FAILED' },
          'could not read guests’ sign-ins; cards show them as unknown',
        ),
      );
    const ctx = await this.deps.policy.current();
    const groupIds: string[] = [];
    for (const group of await this.deps.directory.listGroups()) {
      const profile = groupProfile(ctx, group.id);
      // Only groups whose members the bot can change: cloud, assigned-membership Microsoft 365 groups.
      if (!profile || profile.kind !== 'microsoft365' || profile.dynamic || profile.onPremises) continue;
      if ((await this.guestsOf(group)).length > 0) groupIds.push(group.id);
    }
    const stamp = now.toISOString().replace(/\D/g, '').slice(0, 12);
    const cycle: ReviewCycle = {
      id: `C-${stamp}`,
      startedAt: now.toISOString(),
      dueAt: new Date(now.getTime() + graceDays * DAY).toISOString(),
      groupIds,
      complete: false,
    };
    await this.deps.reviews.saveCycle(cycle);
    await this.deps.audit.append({
      at: cycle.startedAt,
      actorId: 'system',
      action: 'review.cycleStarted',
      subjectId: cycle.id,
      details: { groups: groupIds.length },
    });
    this.deps.logger.info({ cycleId: cycle.id, groups: groupIds.length }, 'guest review cycle started');
    return cycle;
  }

  private async guestsOf(group: DirectoryGroup): Promise<string[]> {
    const ids: string[] = [];
    for (const id of group.members) {
      const user = await this.deps.directory.getUser(id);
      if (user?.userType === 'Guest') ids.push(user.id);
    }
    return ids;
  }

  private async createReviews(cycle: ReviewCycle): Promise<void> {
    for (const groupId of cycle.groupIds) {
      const id = `${cycle.id}-${groupId}`;
      if (await this.deps.reviews.get(id)) continue;
      const group = await this.deps.directory.getGroup(groupId);
      const guests = group ? await this.guestsOf(group) : [];
      if (!group || guests.length === 0) continue;
      const reviewerIds = await this.reviewersOf(group);
      const ownerless = !reviewerIds.some((id) => group.owners.includes(id));
      await this.deps.reviews.create({
        id,
        cycleId: cycle.id,
        groupId,
        startedAt: cycle.startedAt,
        dueAt: cycle.dueAt,
        reviewerIds,
        ownerless,
        guests: guests.map((userId) => ({ userId })),
        state: 'open',
        cards: [],
        outbox: reviewerIds.map((userId): ReviewOutboxItem => ({ kind: 'reviewCard', userId })),
        version: 1,
        updatedAt: cycle.startedAt,
      });
    }
    await this.deps.reviews.saveCycle({ ...cycle, complete: true });
  }

  private async process(reviewId: string, known?: Additions): Promise<void> {
    const review = await this.deps.reviews.get(reviewId);
    if (!review) return;
    if (review.state === 'open' && Date.parse(review.dueAt) <= this.deps.clock.now().getTime())
      await this.close(reviewId);
    await this.removeDecided(reviewId);
    await this.deliver(reviewId, known);
  }

  /** The grace is over: every guest nobody confirmed is to be removed; the reviewers are told. */
  private async close(reviewId: string): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    let unconfirmed = 0;
    const result = await this.deps.reviews.update(reviewId, (r) => {
      if (r.state !== 'open') return undefined;
      unconfirmed = r.guests.filter((g) => !g.decision).length;
      return {
        ...r,
        state: 'closed',
        closedAt: at,
        guests: r.guests.map((g) =>
          g.decision ? g : { ...g, decision: { outcome: 'remove' as const, by: 'system', at } },
        ),
        outbox: [
          ...r.outbox,
          { kind: 'refreshCards' },
          ...r.reviewerIds.map((userId) => ({ kind: 'tell' as const, userId, event: 'closed' as const })),
        ],
        updatedAt: at,
      };
    });
    if (result?.changed) await this.auditClosed(result.review, unconfirmed);
  }

  private async auditClosed(review: GuestReview, unconfirmed: number): Promise<void> {
    await this.deps.audit.append({
      at: review.closedAt ?? review.updatedAt,
      actorId: 'system',
      action: 'review.closed',
      subjectId: review.groupId,
      details: {
        reviewId: review.id,
        kept: review.guests.filter((g) => g.decision?.outcome === 'keep').length,
        unconfirmed,
      },
    });
  }

  /** Takes every guest decided "remove" out of the group (idempotent; a failure is kept and retried next sweep). */
  private async removeDecided(reviewId: string): Promise<void> {
    const review = await this.deps.reviews.get(reviewId);
    if (!review || !owesRemovals(review)) return;
    for (const guest of review.guests) {
      if (guest.decision?.outcome !== 'remove' || guest.removed) continue;
      let error: string | undefined;
      try {
        await this.deps.directory.removeMember(review.groupId, guest.userId);
      } catch (e) {
        error = failureCode(e);
        this.deps.logger.warn(
          { reviewId, guestUserId: guest.userId, code: error },
          'removing a reviewed guest failed; will retry',
        );
      }
      await this.deps.reviews.update(reviewId, (r) => ({
        ...r,
        guests: r.guests.map((g) =>
          g.userId === guest.userId
            ? { ...g, removed: error === undefined, ...(error ? { error } : { error: undefined }) }
            : g,
        ),
        ...(error === undefined
          ? { outbox: [...r.outbox.filter((i) => i.kind !== 'refreshCards'), { kind: 'refreshCards' as const }] }
          : {}),
      }));
      if (error === undefined) {
        await this.deps.audit.append({
          at: this.deps.clock.now().toISOString(),
          actorId: guest.decision.by,
          action: 'guest.removed',
          subjectId: review.groupId,
          details: { guestUserId: guest.userId, reviewId },
        });
      }
    }
  }

  /** Sends what the review owes, in order; an item that fails stays for the next sweep without holding up others. */
  private async deliver(reviewId: string, known?: Additions): Promise<void> {
    const failed: string[] = [];
    let additions = known;
    for (;;) {
      const review = await this.deps.reviews.get(reviewId);
      const item = review?.outbox.find((i) => !failed.includes(JSON.stringify(i)));
      if (!review || !item) return;
      additions ??= await additionsFromAudit(this.deps.audit);
      try {
        const sent = await this.deliverItem(review, item, additions);
        await this.deps.reviews.update(reviewId, (r) => {
          const index = r.outbox.findIndex((i) => JSON.stringify(i) === JSON.stringify(item));
          return {
            ...r,
            outbox: index < 0 ? r.outbox : [...r.outbox.slice(0, index), ...r.outbox.slice(index + 1)],
            cards: [...r.cards, ...sent],
          };
        });
      } catch (error) {
        failed.push(JSON.stringify(item));
        if (error instanceof NoServiceUrlYetError) {
          // Expected until someone talks to the bot (the notifier says so once): no stack for every sweep.
          this.deps.logger.debug(
            { reviewId, item: item.kind, code: 'DELIVERY_WAITING' },
            'review message waits for a Bot Connector address',
          );
        } else {
          this.deps.logger.warn(
            { err: error, reviewId, item: item.kind, code: 'DELIVERY_DEFERRED' },
            'review message not delivered; will retry',
          );
        }
      }
    }
  }

  private async deliverItem(review: GuestReview, item: ReviewOutboxItem, known?: Additions) {
    const { notifier } = this.deps;
    switch (item.kind) {
      case 'reviewCard': {
        // A card for a review closed before it went out has lost its point: the closing message says it all.
        if (review.state === 'closed') return [];
        const delivery = await notifier.sendToUser(
          item.userId,
          await reviewMessage(this.deps, review, item.userId, known),
        );
        if (delivery.kind === 'unreachable') {
          // Final (the app is not installed for them, or they blocked it): trying again won't help.
          this.deps.logger.warn(
            { reviewId: review.id, userId: item.userId, code: 'REVIEWER_UNREACHABLE', reason: delivery.reason },
            'reviewer not reachable',
          );
        }
        return delivery.kind === 'delivered' ? [delivery.sent] : [];
      }
      case 'refreshCards':
        for (const copy of review.cards)
          await notifier.update(copy, await reviewMessage(this.deps, review, copy.userId, known));
        return [];
      case 'tell':
        await notifier.sendToUser(item.userId, { text: await reviewClosedText(this.deps, review, item.userId) });
        return [];
    }
  }

  /** Background processing after a decision (card refreshes), without making the tap wait for it. */
  private kickLater(reviewId: string): void {
    void this.track(this.serialised(reviewId, () => this.deliver(reviewId))).catch((err: unknown) =>
      this.deps.logger.error({ err, reviewId }, 'review background work failed; will retry on the next sweep'),
    );
  }

  private track<T>(job: Promise<T>): Promise<T> {
    this.jobs.add(job);
    void job.finally(() => this.jobs.delete(job)).catch(() => undefined);
    return job;
  }
}
