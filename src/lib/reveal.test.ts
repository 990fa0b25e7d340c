import { describe, expect, it } from 'vitest';
import { openLocalEnv } from '../../workers/local-env.ts';
import { AGENTGYM_VOCAB } from '../../workers/envs/wordle/words.ts';
import { canReveal, describeDetail } from './reveal.ts';
import { requireEnv } from '../../workers/envs/registry.ts';
import { BabyAIEnv } from '../../workers/envs/babyai/babyai.ts';
import { BabyAIOracle } from '../../workers/envs/babyai/oracle.ts';

describe('revealing the answer', () => {
  it('is offered only after a loss or running out of rounds', () => {
    expect(['success', 'failure', 'truncated', 'error', 'stopped', 'running', 'interrupted'].filter((r) => canReveal(r as never))).toEqual(['failure', 'truncated']);
  });

  it("shows Wordle's hidden word, and ends the episode so the word cannot be played after it", async () => {
    const env = await openLocalEnv('wordle');
    try {
      await env.reset(3);
      await env.step(AGENTGYM_VOCAB[0]);
      const detail = await env.hiddenState();
      const shown = describeDetail(requireEnv('wordle'), detail!);
      expect(shown.answer).toEqual([{ label: 'The word (last drawn)', text: detail!.hidden }]);
      expect(shown.answer[0].text).toMatch(/^[a-z]{5}$/);
      expect(shown.all.map((f) => f.key)).toContain('guesses');
      await expect(env.step(String(detail!.hidden))).rejects.toThrow(/finished/);
    } finally {
      env.close();
    }
  });

  it("gives a tool env's answers and falls back to the whole record where no field is known to answer", () => {
    expect(describeDetail(requireEnv('movie'), { goal: 'g', answer: ["'Heat'", '1995'] }).answer).toEqual([{ label: 'Answer', text: "'Heat', 1995" }]);
    const maze = describeDetail(requireEnv('maze'), { position: [1, 2], goal: [8, 6], done: false });
    expect(maze.answer).toEqual([]);
    expect(maze.all).toEqual([{ key: 'position', text: '[1,2]' }, { key: 'goal', text: '[8,6]' }, { key: 'done', text: 'false' }]);
  });

  it("shows BabyAI's mission with the parts done and the parts left undone", () => {
    const env = new BabyAIEnv();
    env.reset(14); // OpenRedBlueDoorsDebug, seed 0: the red door, then the blue one
    const spec = requireEnv('babyai');
    const mission = 'open the red door, and open the blue door';
    expect(describeDetail(spec, env.detail()).answer).toEqual([
      { label: 'Mission', text: mission },
      { label: 'Left undone', text: 'open the red door, open the blue door' },
    ]);
    // The oracle's first round opens the red door; the env's verifier remembers it.
    const r = env.step(new BabyAIOracle(20).next(env));
    expect(r.done).toBe(false);
    expect(describeDetail(spec, env.detail()).answer).toEqual([
      { label: 'Mission', text: mission },
      { label: 'Done', text: 'open the red door' },
      { label: 'Left undone', text: 'open the blue door' },
    ]);
  });
});
