/** At most `maxFailures` failed attempts per key within a sliding `windowMs`. */
export type FailureLimit = { maxFailures: number; windowMs: number };

/**
 * Milliseconds until a key whose failures happened at `failures` (epoch ms)
 * may try again; 0 when it may try now.
 */
export function retryAfter(failures: readonly number[], now: number, limit: FailureLimit): number {
  const recent = failures.filter((t) => t > now - limit.windowMs).sort((a, b) => a - b);
  if (recent.length < limit.maxFailures) return 0;
  const oldestThatCounts = recent[recent.length - limit.maxFailures]!;
  return Math.max(0, oldestThatCounts + limit.windowMs - now);
}
