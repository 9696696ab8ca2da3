/**
 * In-memory rate limiters (B1 429, B2 login limits), pure apart from an injectable clock so they are
 * unit-tested without waiting. They are per instance: behind a load balancer with N instances an
 * attacker gets at most N times the limit, which still makes guessing a password hopeless.
 */

export type Clock = () => number;

/**
 * Failed logins are counted over 15 minutes: long enough that a guesser gets ~40 tries an hour per
 * account at most, short enough that a member of staff who mistyped is back in within a coffee break.
 */
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Bounds memory under a flood of distinct keys; oldest entries go first. */
const MAX_KEYS = 100_000;

/** Counts events per key in a sliding window; blocks a key once it reaches `max`. */
export class FailureCounter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number = LOGIN_WINDOW_MS,
    private readonly now: Clock = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const kept = (this.hits.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length === 0) this.hits.delete(key);
    else this.hits.set(key, kept);
    return kept;
  }

  /** Milliseconds until the key may try again; 0 when it is not blocked. */
  blockedFor(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.max) return 0;
    const oldest = recent[recent.length - this.max] ?? this.now();
    return Math.max(1, oldest + this.windowMs - this.now());
  }

  record(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.hits.set(key, recent);
    if (this.hits.size > MAX_KEYS) {
      const first = this.hits.keys().next();
      if (!first.done) this.hits.delete(first.value);
    }
  }

  reset(key: string): void {
    this.hits.delete(key);
  }
}

/** A token bucket per key: `perMinute` requests a minute on average, bursts up to `perMinute`. */
export class RequestLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: Clock = Date.now,
  ) {}

  /** Takes one request; returns 0 when allowed, else milliseconds until the next would be. */
  take(key: string): number {
    const now = this.now();
    const rate = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_KEYS) {
      const first = this.buckets.keys().next();
      if (!first.done) this.buckets.delete(first.value);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / rate);
  }
}

/** Retry-After is whole seconds, at least 1. */
export function retryAfterSeconds(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 1000)));
}
