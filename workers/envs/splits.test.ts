import { describe, expect, it } from 'vitest';
import { ENVS } from './registry.ts';
import { evalSplit, SPLITS_VERSION } from './splits.ts';

// AgentEval's split sizes (AgentGym README); a change here is a change of the benchmark.
const AGENTEVAL_SIZES: Record<string, number> = { maze: 25, wordle: 25, textcraft: 100, babyai: 90, weather: 20, movie: 20, academia: 20, todo: 20, sheet: 20, bird: 200, webshop: 200, alfworld: 200, sciworld: 200 };

describe('eval splits', () => {
  it('every env has a versioned split of distinct in-range items, AgentEval-sized', () => {
    expect(SPLITS_VERSION).toMatch(/^agentgym-web-splits-\d+$/);
    for (const spec of ENVS) {
      const items = evalSplit(spec.id);
      expect(spec.evalItems, spec.id).toBe(items);
      expect(new Set(items).size, spec.id).toBe(items.length);
      for (const i of items) expect(Number.isInteger(i) && i >= 0 && i < spec.itemCount, `${spec.id} item ${i}`).toBe(true);
      // An env built only in part (SciWorld) holds items it can play until it is whole.
      if (spec.agentgym && !spec.playableRanges) expect(items.length, spec.id).toBe(AGENTEVAL_SIZES[spec.id]);
    }
  });
});
