export interface BackoffOptions {
  /** The first retry waits up to this long; each further one doubles it. */
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential backoff with full jitter (a random wait between 0 and the cap), so clients that
 * failed together do not retry together. `attempt` is the number of the attempt that failed (1…).
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions, random: () => number): number {
  const cap = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
  return Math.floor(random() * cap);
}

/** `Retry-After` as milliseconds: delay-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** 429 (too many requests) and 5xx may succeed later; other 4xx will not. */
export function checkTransientStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
