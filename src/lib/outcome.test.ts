import { describe, expect, it } from 'vitest';
import { resultOf } from './outcome.ts';
import type { EpisodeRecord, StepRecord } from './records.ts';

const step = (done: boolean): StepRecord => ({ reply: 'r', action: 'a', by: 'human', observation: 'o', reward: 0, done, valid: true, at: 0 });
const ep = (o: Partial<EpisodeRecord>) => ({ status: 'done' as const, success: false, steps: [step(false), step(true)], ...o });

describe('resultOf', () => {
  it('takes a recorded outcome as it is', () => {
    expect(resultOf(ep({ outcome: 'truncated' }))).toBe('truncated');
    expect(resultOf(ep({ outcome: 'failure' }))).toBe('failure');
  });

  it('derives the outcome of older finished records from their last step', () => {
    expect(resultOf(ep({ success: true }))).toBe('success');
    expect(resultOf(ep({}))).toBe('failure');
    expect(resultOf(ep({ steps: [step(false)] }))).toBe('truncated');
    // No step at all: nothing was cut short, so the success flag decides.
    expect(resultOf(ep({ steps: [] }))).toBe('failure');
  });

  it('names the states of episodes that did not finish', () => {
    expect(resultOf(ep({ status: 'stopped' }))).toBe('stopped');
    expect(resultOf(ep({ status: 'error', outcome: undefined }))).toBe('error');
    expect(resultOf(ep({ status: 'running' }))).toBe('running');
    expect(resultOf(ep({ status: 'paused' }))).toBe('paused');
    expect(resultOf(ep({ status: 'interrupted' }))).toBe('interrupted');
  });
});
