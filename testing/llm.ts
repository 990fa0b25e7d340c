/** Shared by tests: a clock that records waits instead of waiting, and provider configs for the mock. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { MockLlmServer } from '../server/mock-llm.ts';
import type { Clock } from '../src/lib/llm/retry.ts';
import type { ProviderConfig, ProviderKind } from '../src/lib/llm/types.ts';

/** Sleeps return at once but move the clock on, so time-based retry budgets still run out. */
export function fakeClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  let slept = 0;
  return {
    sleeps,
    now: () => Date.now() + slept,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
      slept += ms;
    },
  };
}

export function mockConfig(origin: string, kind: ProviderKind, stream: boolean, model = 'mock-1'): ProviderConfig {
  return { id: `mock-${kind}`, label: `Mock ${kind}`, kind, baseUrl: `${origin}/${kind === 'gemini' ? 'v1beta' : 'v1'}`, model, params: { temperature: 0 }, stream };
}

/** A mock LLM server on loopback for the current test file (or describe block), reset before each test. */
export function useMockServer(): { mock: MockLlmServer; origin: () => string } {
  const mock = new MockLlmServer();
  let origin = '';
  beforeAll(async () => {
    origin = await mock.start();
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());
  return { mock, origin: () => origin };
}
