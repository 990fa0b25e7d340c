/**
 * Retries with exponential backoff and jitter, honouring Retry-After, within a time budget: a
 * provider outage of a few minutes must not turn into failed episodes. Time comes from an
 * injectable Clock so tests run without waiting.
 */
import { LlmError } from './types.ts';

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** 0 <= x < 1, for jitter. */
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new LlmError('aborted', 'Cancelled'));
      const t = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(t);
        reject(new LlmError('aborted', 'Cancelled'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export interface RetryPolicy {
  /** Attempts in all, the first one included (a cap on top of the time budget). */
  maxAttempts: number;
  /** Give up once the next wait would end later than this many ms after the first attempt began. */
  budgetMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error is surfaced instead. */
  maxRetryAfterMs: number;
  /** Per attempt: abort when no data arrived for this long. */
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: Number.POSITIVE_INFINITY,
  budgetMs: 5 * 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  timeoutMs: 60_000,
};

/** Retry-After as milliseconds: OpenAI's `retry-after-ms`, else seconds or an HTTP date. */
export function parseRetryAfter(headers: Headers, now: number): number | undefined {
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.has('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Wait before retry number `retry` (1-based): backoff with jitter, but never less than Retry-After.
 * Jitter is added to Retry-After too, so clients told the same second do not all return at once.
 */
export function retryDelay(retry: number, error: LlmError, policy: RetryPolicy, clock: Clock): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  if (error.retryAfterMs !== undefined) return Math.round(error.retryAfterMs + clock.random() * Math.min(ceiling, 1_000) * 0.25);
  // Half fixed, half random: spreads clients apart without ever retrying at once.
  return Math.round(ceiling / 2 + (clock.random() * ceiling) / 2);
}

export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  policy: RetryPolicy,
  clock: Clock,
  signal?: AbortSignal,
  onRetry?: (error: LlmError, attempt: number, delayMs: number) => void,
): Promise<T> {
  const started = clock.now();
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      if (!(e instanceof LlmError) || !e.retryable || n >= policy.maxAttempts) throw e;
      const delay = retryDelay(n, e, policy, clock);
      if (delay > policy.maxRetryAfterMs || clock.now() - started + delay > policy.budgetMs) throw e;
      onRetry?.(e, n, delay);
      await clock.sleep(delay, signal);
    }
  }
}
