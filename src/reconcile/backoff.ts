// Exponential backoff with jitter, as client-go's wait.Backoff: each failure doubles the delay up
// to a cap, and a random fraction is added so that many clients failing together (an API server
// restart) do not come back in lockstep.

export interface BackoffPolicy {
  /** First delay, ms. */
  baseMs: number;
  /** Largest delay before jitter, ms. */
  maxMs: number;
  /** Up to this fraction of the delay is added at random (client-go's Jitter). */
  jitter: number;
}

export const API_BACKOFF: BackoffPolicy = { baseMs: 200, maxMs: 30_000, jitter: 0.5 };

/** Delay before retry number `attempt` (0 for the first retry). */
export function backoffDelay(attempt: number, policy: BackoffPolicy = API_BACKOFF, random: () => number = Math.random): number {
  const raw = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(raw * (1 + policy.jitter * random()));
}
