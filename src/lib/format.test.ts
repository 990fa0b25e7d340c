import { describe, expect, it } from 'vitest';
import { formatReward, sentence } from './format.ts';

describe('formatReward', () => {
  it('shows at most three decimals and no trailing zeros', () => {
    expect(formatReward(0.9505208333333334)).toBe('0.951');
    expect(formatReward(1)).toBe('1');
    expect(formatReward(0)).toBe('0');
    expect(formatReward(0.5)).toBe('0.5');
    expect(formatReward(-4)).toBe('-4');
  });
});

describe('sentence', () => {
  it('ends a message with a full stop unless it already ends a sentence', () => {
    expect(sentence('HTTP 429: Rate limit reached')).toBe('HTTP 429: Rate limit reached.');
    expect(sentence('The key was refused.')).toBe('The key was refused.');
    expect(sentence('Is it down?  ')).toBe('Is it down?');
  });
});
