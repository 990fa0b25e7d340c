import { describe, expect, it } from 'vitest';
import { sameRowSet } from './rows.ts';

describe("AgentGym's reward rule: set(predicted) == set(gold)", () => {
  it('ignores row order and duplicate rows', () => {
    expect(sameRowSet([['a'], ['b']], [['b'], ['a']])).toBe(true);
    expect(sameRowSet([['a'], ['a'], ['b']], [['b'], ['a']])).toBe(true);
    expect(sameRowSet([['a']], [['a'], ['b']])).toBe(false);
    expect(sameRowSet([], [])).toBe(true);
  });

  it('compares values as Python does: 1 == 1.0, 1 != "1", None == None, column order matters', () => {
    expect(sameRowSet([[1n, 2.5]], [[1, 2.5]])).toBe(true);
    expect(sameRowSet([[263n]], [[263.0]])).toBe(true);
    expect(sameRowSet([[1n]], [['1']])).toBe(false);
    expect(sameRowSet([[1.5]], [[1n]])).toBe(false);
    expect(sameRowSet([[null, 'x']], [[null, 'x']])).toBe(true);
    expect(sameRowSet([[null]], [[0n]])).toBe(false);
    expect(sameRowSet([['a', 'b']], [['b', 'a']])).toBe(false);
    expect(sameRowSet([[new Uint8Array([1, 2])]], [[new Uint8Array([1, 2])]])).toBe(true);
    expect(sameRowSet([[new Uint8Array([1])]], [['\x01']])).toBe(false);
  });

  it('keeps integers beyond 2^53 exact, as Python ints are', () => {
    expect(sameRowSet([[9007199254740993n]], [[9007199254740992]])).toBe(false);
    expect(sameRowSet([[9007199254740992n]], [[9007199254740992]])).toBe(true);
  });
});
