/**
 * Local price table, used when a provider does not report what a call cost. List prices in US
 * dollars per million tokens as the providers published them on PRICES_AS_OF; people can override
 * or add entries in Settings. Long-context tiers and cache-write surcharges are left out.
 */
import type { Usage } from '../records.ts';
import { compact } from './json.ts';
import type { TokenUsage } from './types.ts';

export const PRICES_AS_OF = '2025-11-01';

export interface Price {
  /** USD per million input tokens. */
  input: number;
  /** USD per million output tokens (reasoning tokens included). */
  output: number;
  /** USD per million cached input tokens; the input price when absent. */
  cachedInput?: number;
}

export type PriceTable = Record<string, Price>;

export const DEFAULT_PRICES: PriceTable = {
  'gpt-5': { input: 1.25, output: 10, cachedInput: 0.125 },
  'gpt-5-mini': { input: 0.25, output: 2, cachedInput: 0.025 },
  'gpt-5-nano': { input: 0.05, output: 0.4, cachedInput: 0.005 },
  'gpt-4.1': { input: 2, output: 8, cachedInput: 0.5 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6, cachedInput: 0.1 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4, cachedInput: 0.025 },
  'gpt-4o': { input: 2.5, output: 10, cachedInput: 1.25 },
  'gpt-4o-mini': { input: 0.15, output: 0.6, cachedInput: 0.075 },
  o3: { input: 2, output: 8, cachedInput: 0.5 },
  'o4-mini': { input: 1.1, output: 4.4, cachedInput: 0.275 },
  'claude-opus-4-1': { input: 15, output: 75, cachedInput: 1.5 },
  'claude-sonnet-4-5': { input: 3, output: 15, cachedInput: 0.3 },
  'claude-sonnet-4': { input: 3, output: 15, cachedInput: 0.3 },
  'claude-haiku-4-5': { input: 1, output: 5, cachedInput: 0.1 },
  'claude-3-5-haiku': { input: 0.8, output: 4, cachedInput: 0.08 },
  'gemini-2.5-pro': { input: 1.25, output: 10, cachedInput: 0.31 },
  'gemini-2.5-flash': { input: 0.3, output: 2.5, cachedInput: 0.075 },
  'gemini-2.5-flash-lite': { input: 0.1, output: 0.4, cachedInput: 0.025 },
  'gemini-2.0-flash': { input: 0.1, output: 0.4, cachedInput: 0.025 },
  'llama-3.3-70b-versatile': { input: 0.59, output: 0.79 },
  'llama-3.1-8b-instant': { input: 0.05, output: 0.08 },
};

/**
 * The price for a model id as a provider returned it: exact, then without a router's "vendor/"
 * prefix, then the longest table id it extends with a dated or versioned suffix
 * ("gpt-4o-2024-08-06" → "gpt-4o"). Overrides win over the built-in table.
 */
export function findPrice(model: string, overrides: PriceTable = {}): Price | undefined {
  const table = { ...DEFAULT_PRICES, ...overrides };
  const candidates = [model, model.slice(model.lastIndexOf('/') + 1)];
  for (const id of candidates) if (Object.hasOwn(table, id)) return table[id];
  const bare = candidates[1];
  const base = Object.keys(table)
    .filter((id) => bare.startsWith(`${id}-`) || bare.startsWith(`${id}@`))
    .sort((a, b) => b.length - a.length)[0];
  return base ? table[base] : undefined;
}

export function tableCost(usage: TokenUsage, price: Price): number {
  const cached = usage.cachedTokens ?? 0;
  const fresh = Math.max(0, usage.inputTokens - cached);
  return (fresh * price.input + cached * (price.cachedInput ?? price.input) + usage.outputTokens * price.output) / 1e6;
}

/** A step's usage record: the provider's cost when reported, else the table's, else none. */
export function accountUsage(usage: TokenUsage, model: string, providerCost: number | undefined, overrides?: PriceTable): Usage {
  if (providerCost !== undefined) return { ...usage, cost: providerCost, costSource: 'provider' };
  const price = findPrice(model, overrides);
  return compact({ ...usage, cost: price ? tableCost(usage, price) : undefined, costSource: price ? ('table' as const) : undefined });
}

/** Totals over steps; the cost is summed only over steps whose cost is known. */
export function sumUsage(usages: readonly (Usage | undefined)[]): Usage {
  const total: Usage = { inputTokens: 0, outputTokens: 0 };
  for (const u of usages) {
    if (!u) continue;
    total.inputTokens += u.inputTokens;
    total.outputTokens += u.outputTokens;
    if (u.cachedTokens) total.cachedTokens = (total.cachedTokens ?? 0) + u.cachedTokens;
    if (u.reasoningTokens) total.reasoningTokens = (total.reasoningTokens ?? 0) + u.reasoningTokens;
    if (u.cost !== undefined) total.cost = (total.cost ?? 0) + u.cost;
    if (u.estimated) total.estimated = true;
  }
  return total;
}
