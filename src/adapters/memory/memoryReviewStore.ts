import { owesRemovals, type GuestReview, type ReviewCycle } from '../../domain/guestReview.js';
import type { ReviewStore } from '../../ports/reviewStore.js';
import { KeyedMutex } from '../keyedMutex.js';

const hasWork = (r: GuestReview) => r.state === 'open' || r.outbox.length > 0 || owesRemovals(r);

/** Reviews in memory; the lowdb store persists each record as well. Same semantics for both. */
export class MemoryReviewStore implements ReviewStore {
  private readonly reviews = new Map<string, GuestReview>();
  private readonly cycles = new Map<string, ReviewCycle>();
  private readonly mutex = new KeyedMutex();

  async create(review: GuestReview): Promise<void> {
    if (this.reviews.has(review.id)) throw new Error(`review ${review.id} exists`);
    await this.persist(structuredClone(review));
    this.reviews.set(review.id, structuredClone(review));
  }

  async get(id: string): Promise<GuestReview | undefined> {
    const r = this.reviews.get(id);
    return r && structuredClone(r);
  }

  update(id: string, change: (current: GuestReview) => GuestReview | undefined) {
    return this.mutex.run(id, async () => {
      const current = this.reviews.get(id);
      if (!current) return undefined;
      const next = change(structuredClone(current));
      if (!next) return { review: structuredClone(current), changed: false };
      const stored = { ...next, id, version: current.version + 1 };
      await this.persist(stored);
      this.reviews.set(id, stored);
      return { review: structuredClone(stored), changed: true };
    });
  }

  async list(query: { cycleId?: string; state?: GuestReview['state'] }): Promise<GuestReview[]> {
    return [...this.reviews.values()]
      .filter((r) => (!query.cycleId || r.cycleId === query.cycleId) && (!query.state || r.state === query.state))
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id))
      .map((r) => structuredClone(r));
  }

  async listWithWork(): Promise<GuestReview[]> {
    return [...this.reviews.values()].filter(hasWork).map((r) => structuredClone(r));
  }

  async saveCycle(cycle: ReviewCycle): Promise<void> {
    await this.persistCycle(structuredClone(cycle));
    this.cycles.set(cycle.id, structuredClone(cycle));
  }

  async latestCycle(): Promise<ReviewCycle | undefined> {
    let latest: ReviewCycle | undefined;
    for (const c of this.cycles.values()) if (!latest || c.startedAt > latest.startedAt) latest = c;
    return latest && structuredClone(latest);
  }

  /** Loads records read from disk (lowdb store at start). */
  protected remember(review: GuestReview | undefined, cycle?: ReviewCycle): void {
    if (review) this.reviews.set(review.id, review);
    if (cycle) this.cycles.set(cycle.id, cycle);
  }

  /** Where a subclass writes a record durably before it becomes visible. */
  protected async persist(_review: GuestReview): Promise<void> {}
  protected async persistCycle(_cycle: ReviewCycle): Promise<void> {}
}
