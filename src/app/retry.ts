/** How to retry an operation that may fail for a while (throttling, a service hiccup). */
export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export const defaultRetry: RetryPolicy = { attempts: 6, baseMs: 250, maxMs: 15_000 };

/**
 * Full-jitter exponential backoff: a random wait in [0, min(max, base·2^attempt)], at least what the service asked
 * for with Retry-After, so many clients retrying together do not collide again.
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return Math.max(retryAfterMs ?? 0, Math.floor(random() * cap));
}

/** Runs `operation`, retrying while `isTransient(error)` says so; the last error is thrown. */
export async function withRetry<T>(
  operation: () => Promise<T>,
  isTransient: (error: unknown) => { transient: boolean; retryAfterMs?: number },
  policy: RetryPolicy = defaultRetry,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      const verdict = isTransient(error);
      if (!verdict.transient || attempt + 1 >= policy.attempts) throw error;
      await sleep(backoffDelay(policy, attempt, verdict.retryAfterMs));
    }
  }
}
