/** At most `count` calls in any `windowMs`. */
export type RateLimit = readonly [count: number, windowMs: number];

/** Teams' limits per bot and conversation (7 per second, 8 per 2 s, 60 per 30 s, 1,800 per hour). */
export const TEAMS_CONVERSATION_LIMITS: readonly RateLimit[] = [
  [7, 1_000],
  [8, 2_000],
  [60, 30_000],
  [1_800, 3_600_000],
];
/**
 * Teams' limit per app and tenant: about 50 requests per second, all conversations together. Paced at 45 so that
 * network jitter between our count and the service's never tips a second over.
 */
export const TEAMS_APP_LIMITS: readonly RateLimit[] = [[45, 1_000]];

/** Sliding-window log of recent call times for one key. */
class Window {
  times: number[] = [];
  constructor(private readonly limits: readonly RateLimit[]) {}

  /** Milliseconds until one more call is allowed (0: now). */
  wait(now: number): number {
    let wait = 0;
    for (const [count, windowMs] of this.limits) {
      const since = now - windowMs;
      let inWindow = 0;
      for (let i = this.times.length - 1; i >= 0 && this.times[i] > since; i--) inWindow++;
      if (inWindow >= count) wait = Math.max(wait, this.times[this.times.length - count] + windowMs - now);
    }
    return wait;
  }

  record(now: number): void {
    this.times.push(now);
    const keep = Math.max(...this.limits.map(([count]) => count));
    const horizon = now - Math.max(...this.limits.map(([, w]) => w));
    let drop = 0;
    while (drop < this.times.length && (this.times.length - drop > keep || this.times[drop] <= horizon)) drop++;
    if (drop > 0) this.times = this.times.slice(drop);
  }

  idle(now: number): boolean {
    return (
      this.times.length === 0 || this.times[this.times.length - 1] <= now - Math.max(...this.limits.map(([, w]) => w))
    );
  }
}

/**
 * Paces calls to the Bot Connector under Teams' rate limits, so a fan-out to many approvers or a burst of requests
 * does not run into 429s: each call waits for its conversation's window and the app-wide window. Calls for one
 * conversation go in order. Throttling the service still answers (429) is retried by the caller.
 */
export class Pacer {
  private readonly conversations = new Map<string, { window: Window; tail: Promise<void> }>();
  private readonly app: Window;

  constructor(
    private readonly limits: { conversation: readonly RateLimit[]; app: readonly RateLimit[] } = {
      conversation: TEAMS_CONVERSATION_LIMITS,
      app: TEAMS_APP_LIMITS,
    },
    private readonly now: () => number = Date.now,
  ) {
    this.app = new Window(limits.app);
  }

  /** Resolves when a call for `conversationId` (undefined: app-wide only, e.g. opening a chat) may be made. */
  take(conversationId?: string): Promise<void> {
    if (conversationId === undefined) return this.takeApp();
    let entry = this.conversations.get(conversationId);
    if (!entry) {
      entry = { window: new Window(this.limits.conversation), tail: Promise.resolve() };
      this.conversations.set(conversationId, entry);
    }
    const { window } = entry;
    const turn = entry.tail.then(async () => {
      for (let wait = window.wait(this.now()); wait > 0; wait = window.wait(this.now())) await sleep(wait);
      await this.takeApp();
      window.record(this.now());
    });
    entry.tail = turn.catch(() => undefined);
    void entry.tail.then(() => this.prune());
    return turn;
  }

  private async takeApp(): Promise<void> {
    for (let wait = this.app.wait(this.now()); wait > 0; wait = this.app.wait(this.now())) await sleep(wait);
    this.app.record(this.now());
  }

  /** Forgets conversations that have been quiet for longer than the longest window. */
  private prune(): void {
    if (this.conversations.size < 1_000) return;
    const now = this.now();
    for (const [id, entry] of this.conversations) if (entry.window.idle(now)) this.conversations.delete(id);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
