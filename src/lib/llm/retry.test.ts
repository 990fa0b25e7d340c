import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, withRetry, type Clock } from './retry.ts';
import { LlmError } from './types.ts';

/** A clock whose sleeps move virtual time forward instead of waiting. */
function virtualClock(): Clock & { t: number } {
  const c = { t: 0, now: () => c.t, random: () => 0.5, sleep: async (ms: number) => void (c.t += ms) };
  return c;
}

describe('withRetry time budget', () => {
  it('keeps retrying a 429 with Retry-After until the budget, not a fixed number of attempts', async () => {
    const clock = virtualClock();
    let calls = 0;
    const outage = (until: number) => async () => {
      calls++;
      if (clock.t < until) throw new LlmError('rate-limit', 'HTTP 429', 429, 1_000);
      return 'ok';
    };
    // A 2-minute outage fits the default 5-minute budget...
    expect(await withRetry(outage(120_000), DEFAULT_RETRY, clock)).toBe('ok');
    expect(calls).toBeGreaterThan(100);
    // ...a 10-minute one does not: the last error surfaces once the next wait would overrun it.
    clock.t = 0;
    const e = await withRetry(outage(600_000), DEFAULT_RETRY, clock).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LlmError);
    expect(clock.t).toBeLessThanOrEqual(DEFAULT_RETRY.budgetMs);
    expect(clock.t).toBeGreaterThan(DEFAULT_RETRY.budgetMs - 2_000);
  });

  it('does not retry what will not get better', async () => {
    let calls = 0;
    const e = await withRetry(async () => {
      calls++;
      throw new LlmError('auth', 'HTTP 401', 401);
    }, DEFAULT_RETRY, virtualClock()).catch((x: unknown) => x);
    expect((e as LlmError).kind).toBe('auth');
    expect(calls).toBe(1);
  });
});
