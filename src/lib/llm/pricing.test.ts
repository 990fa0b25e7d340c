import { describe, expect, it } from 'vitest';
import { accountUsage, DEFAULT_PRICES, findPrice, PRICES_AS_OF, sumUsage, tableCost } from './pricing.ts';

describe('pricing', () => {
  it('is dated', () => {
    expect(PRICES_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('finds a price by exact id, router prefix or dated suffix, the longest match first', () => {
    expect(findPrice('gpt-4o')).toBe(DEFAULT_PRICES['gpt-4o']);
    expect(findPrice('gpt-4o-2024-08-06')).toBe(DEFAULT_PRICES['gpt-4o']);
    expect(findPrice('gpt-4o-mini-2024-07-18')).toBe(DEFAULT_PRICES['gpt-4o-mini']);
    expect(findPrice('anthropic/claude-sonnet-4-5-20250929')).toBe(DEFAULT_PRICES['claude-sonnet-4-5']);
    expect(findPrice('gpt-4odd')).toBeUndefined();
    expect(findPrice('my-local-model')).toBeUndefined();
  });

  it('lets overrides replace and add prices', () => {
    expect(findPrice('gpt-4o', { 'gpt-4o': { input: 1, output: 2 } })).toEqual({ input: 1, output: 2 });
    expect(findPrice('my-local-model', { 'my-local-model': { input: 0, output: 0 } })).toEqual({ input: 0, output: 0 });
  });

  it('charges cached input at the cached rate', () => {
    const cost = tableCost({ inputTokens: 1_000_000, cachedTokens: 400_000, outputTokens: 100_000 }, { input: 2, output: 8, cachedInput: 0.5 });
    expect(cost).toBeCloseTo(0.6 * 2 + 0.4 * 0.5 + 0.1 * 8, 10);
  });

  it('prefers the provider-reported cost, else the table, else none', () => {
    const u = { inputTokens: 1000, outputTokens: 100 };
    expect(accountUsage(u, 'gpt-4o', 0.5)).toEqual({ ...u, cost: 0.5, costSource: 'provider' });
    expect(accountUsage(u, 'gpt-4o', undefined)).toEqual({ ...u, cost: (1000 * 2.5 + 100 * 10) / 1e6, costSource: 'table' });
    expect(accountUsage(u, 'unknown', undefined)).toEqual(u);
  });

  it('sums usage over steps', () => {
    expect(sumUsage([{ inputTokens: 1, outputTokens: 2, cost: 0.1, cachedTokens: 1 }, undefined, { inputTokens: 3, outputTokens: 4, estimated: true }])).toEqual({
      inputTokens: 4,
      outputTokens: 6,
      cachedTokens: 1,
      cost: 0.1,
      estimated: true,
    });
  });
});
