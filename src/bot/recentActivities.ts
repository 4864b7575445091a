import type { SeenActivities } from '../ports/seenActivities.js';

/**
 * Remembers the ids of recent activities so a redelivery is recognised. Teams resends an activity it did not see
 * answered in time; handling a message twice would add a guest twice or send a request twice.
 */
export class RecentActivities implements SeenActivities {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time a key is offered within the time window, false for a repeat. */
  firstTime(key: string): boolean {
    const now = this.now();
    const at = this.seen.get(key);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.delete(key);
    this.seen.set(key, now);
    // Maps iterate in insertion order: the oldest entries go first.
    for (const [k, t] of this.seen) {
      if (this.seen.size <= this.max && now - t < this.ttlMs) break;
      this.seen.delete(k);
    }
    return true;
  }
}
