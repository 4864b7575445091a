/** How to retry an operation that may fail for a while (throttling, a service hiccup). */
export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxMs: number;
  /**
   * The longest Retry-After honoured by waiting (default 60 s). A service asking for more gets a
   * {@link RetryLaterError} instead, so the caller can park the work with a due time rather than hold it (and a
   * shutdown) for minutes.
   */
  maxRetryAfterMs?: number;
}

export const defaultRetry: RetryPolicy = { attempts: 6, baseMs: 250, maxMs: 15_000, maxRetryAfterMs: 60_000 };

/** The service asked to wait longer than we wait in-process: try again after `retryAfterMs`. */
export class RetryLaterError extends Error {
  constructor(
    readonly retryAfterMs: number,
    override readonly cause: unknown,
  ) {
    super(`the service asked to retry after ${Math.round(retryAfterMs / 1000)} s`);
    this.name = 'RetryLaterError';
  }
}

/**
 * Nothing can be sent to Teams yet: the Bot Connector's address (serviceUrl) is learnt from the first activity anyone
 * sends the bot. Not a failure: messages wait in their outbox until then.
 */
export class NoServiceUrlYetError extends Error {
  constructor() {
    super('no Bot Connector service URL known yet: nobody has talked to the bot');
    this.name = 'NoServiceUrlYetError';
  }
}

/** Raised when a wait between retries is cut short because the process is stopping. */
export class RetryAbortedError extends Error {
  constructor(override readonly cause: unknown) {
    super('retry abandoned: shutting down');
    this.name = 'RetryAbortedError';
  }
}

/**
 * Full-jitter exponential backoff: a random wait in [0, min(max, base·2^attempt)], at least what the service asked
 * for with Retry-After, so many clients retrying together do not collide again.
 */
export function backoffDelay(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return Math.max(retryAfterMs ?? 0, Math.floor(random() * cap));
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `operation`, retrying while `isTransient(error)` says so; the last error is thrown. A Retry-After above the
 * policy's cap ends the retries with {@link RetryLaterError}; an abort of `signal` during a wait with
 * {@link RetryAbortedError}.
 */
export async function withRetry<T>(
  operation: () => Promise<T>,
  isTransient: (error: unknown) => { transient: boolean; retryAfterMs?: number },
  policy: RetryPolicy = defaultRetry,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  signal?: AbortSignal,
): Promise<T> {
  const maxRetryAfterMs = policy.maxRetryAfterMs ?? defaultRetry.maxRetryAfterMs!;
  for (let attempt = 0; ; attempt += 1) {
    if (signal?.aborted) throw new RetryAbortedError(signal.reason);
    try {
      return await operation();
    } catch (error) {
      const verdict = isTransient(error);
      if (!verdict.transient) throw error;
      if (verdict.retryAfterMs !== undefined && verdict.retryAfterMs > maxRetryAfterMs)
        throw new RetryLaterError(verdict.retryAfterMs, error);
      if (attempt + 1 >= policy.attempts) throw error;
      const delay = backoffDelay(policy, attempt, verdict.retryAfterMs);
      try {
        await (signal ? abortableSleep(delay, signal) : sleep(delay));
      } catch {
        throw new RetryAbortedError(error);
      }
    }
  }
}

/** The abort's reason as an Error (AbortSignal.reason may be any value). */
function abortReason(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error('aborted', { cause: reason });
}
