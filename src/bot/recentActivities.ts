import type { SeenActivities } from '../ports/seenActivities.js';

/**
 * Remembers the ids of recent activities so a redelivery is recognised. Teams resends an activity it did not see
 * answered in time; handling a message twice would add a guest twice or send a request twice.
 *
 * Keys are kept in two generations, each a Map: new keys go into the current one; when it is a time window old or
 * holds half the keys allowed, it becomes the previous one and the previous one is dropped whole. So every key is
 * remembered for at least the window (unless more than `max / 2` newer keys came since), at most `max` are kept, and
 * a call costs the same whether few or many are kept. (One Map trimmed from its oldest end costs more and more as
 * deleted entries pile up at its front: 7 µs a call at 10,000 keys.)
 */
export class RecentActivities implements SeenActivities {
  private current = new Map<string, number>();
  private previous = new Map<string, number>();
  private currentSince: number;
  private readonly perGeneration: number;

  constructor(
    private readonly ttlMs = 10 * 60_000,
    max = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    this.perGeneration = Math.max(1, Math.floor(max / 2));
    this.currentSince = now();
  }

  /** True the first time a key is offered within the time window, false for a repeat. */
  firstTime(key: string): boolean {
    const now = this.now();
    const at = this.current.get(key) ?? this.previous.get(key);
    if (at !== undefined && now - at < this.ttlMs) return false;
    if (now - this.currentSince >= this.ttlMs || this.current.size >= this.perGeneration) {
      this.previous = this.current;
      this.current = new Map();
      this.currentSince = now;
    }
    this.previous.delete(key);
    this.current.set(key, now);
    return true;
  }
}
