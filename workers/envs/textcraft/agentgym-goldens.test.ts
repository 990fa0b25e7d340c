import { describe, expect, it } from 'vitest';
import { loadGoldens, replayGolden } from '../../../testing/agentgym-goldens.ts';
import { TextCraftEnv } from './textcraft.ts';

// Recorded over HTTP from AgentGym's own TextCraft server (PYTHONHASHSEED=0); see testdata/.
const episodes = [...loadGoldens('textcraft'), ...loadGoldens('textcraft', 'agentgym-deep')];

describe('TextCraft replays AgentGym golden episodes', () => {
  it('has all 76 recorded episodes', () => {
    expect(episodes).toHaveLength(76);
  });

  // Exact comparison, reset text included: our CPython set order and random stream match.
  for (const golden of episodes) {
    it(`item ${golden.item} (${golden.goal}, ${golden.extra.kind})`, async () => {
      expect(await replayGolden(new TextCraftEnv(), golden)).toBeNull();
    });
  }
});
