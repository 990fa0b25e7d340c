/**
 * Adaptive concurrency for LLM calls: additive increase, multiplicative decrease. A 429 halves the
 * number of episodes allowed to run and holds new starts until its Retry-After has passed; every
 * few clean completions give one slot back, up to the configured maximum.
 */
export class AdaptiveLimiter {
  private limit: number;
  private cleanStreak = 0;
  private holdUntil = 0;

  constructor(
    readonly max: number,
    private readonly now: () => number = Date.now,
  ) {
    this.limit = max;
  }

  get current(): number {
    return this.limit;
  }

  /** How long to wait before starting another episode with `running` already in flight. */
  waitMs(running: number): number {
    const hold = Math.max(0, this.holdUntil - this.now());
    if (hold > 0) return hold;
    return running < this.limit ? 0 : Infinity;
  }

  rateLimited(retryAfterMs = 1000): void {
    this.limit = Math.max(1, Math.floor(this.limit / 2));
    this.cleanStreak = 0;
    this.holdUntil = Math.max(this.holdUntil, this.now() + retryAfterMs);
  }

  completed(): void {
    this.cleanStreak += 1;
    if (this.cleanStreak >= 4 && this.limit < this.max) {
      this.limit += 1;
      this.cleanStreak = 0;
    }
  }
}
