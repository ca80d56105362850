/**
 * How long to wait before trying an LRS again: exponential backoff with equal jitter (half fixed,
 * half random, so tabs and devices that failed together do not retry together), capped at
 * `retryMaxMs`. The LRS's own `Retry-After` wins, since it knows its load (up to a day).
 */
export function retryDelay(
  failures: number,
  retryAfterMs: number | undefined,
  options: { retryBaseMs: number; retryMaxMs: number },
): number {
  if (retryAfterMs !== undefined) return Math.min(86_400_000, retryAfterMs);
  const exponential = Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** failures);
  return exponential / 2 + (Math.random() * exponential) / 2;
}
