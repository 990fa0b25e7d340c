import { describe, expect, it } from 'vitest';
import { loadGoldens, replayGolden } from '../../../testing/agentgym-goldens.ts';
import { nodeDataSource } from '../../node-data-source.ts';
import { module as wordle } from './index.ts';
import { WordleEnv } from './wordle.ts';

const goldens = loadGoldens('wordle');

interface Replay {
  drawn_words: (string | null)[];
  filtered_vocab_final: string[];
}

describe('Wordle replays AgentGym goldens', () => {
  it('has all 90 recorded episodes', () => {
    expect(goldens).toHaveLength(90);
  });

  for (const [n, g] of goldens.entries()) {
    it(`episode ${n}: seed ${g.item} (${g.extra.kind})`, async () => {
      const env = (wordle.create(nodeDataSource) as WordleEnv);
      expect(await replayGolden(env, g)).toBeNull();
      // The words LMRL-Gym drew (recorded in-process beside the HTTP run) and the final candidates.
      const replay = g.extra.inprocess_replay as Replay;
      const detail = (env as WordleEnv).detail();
      expect(detail.drawn).toEqual(replay.drawn_words);
      expect((env as WordleEnv).filteredVocab()).toEqual(replay.filtered_vocab_final);
    });
  }

  it('the filtered vocabulary after each step is the server\'s', async () => {
    for (const g of goldens) {
      const env = wordle.create(nodeDataSource) as WordleEnv;
      await env.reset(g.item);
      expect(env.filteredVocab()).toEqual(g.extra.filtered_vocab_after_reset);
      const after = g.extra.filtered_vocab_after_step as unknown[];
      for (let i = 0; i < g.actions.length; i++) {
        await env.step(g.actions[i]);
        // After the final step the server only answers "has finished".
        if (Array.isArray(after[i])) expect(env.filteredVocab(), `seed ${g.item} step ${i}`).toEqual(after[i]);
      }
    }
  });

  it('after done the env stays done and unchanged (AgentGym answers "has finished", as our HTTP layer does)', async () => {
    for (const g of goldens) {
      expect((g.extra.post_done_step as { response: unknown }).response).toEqual({ error: expect.stringMatching(/^The task with environment \d+ has finished\.$/) });
      const env = (wordle.create(nodeDataSource) as WordleEnv);
      await replayGolden(env, g);
      const after = await env.step('p a n i c');
      expect(after).toMatchObject({ observation: g.observations.at(-1), reward: 0, done: true });
    }
  });
});

// 500 more games recorded in-process with LMRL-Gym's own classes (testdata/lmrl-inprocess.gen.py):
// random seeds and guesses in every form a model writes (bare, upper case, tabs, Python-only
// whitespace such as \x1c, full-width letters), played one after another on one env like a server.
describe('Wordle replays LMRL-Gym games in-process', () => {
  const games = loadGoldens('wordle', 'lmrl-inprocess');

  it('all 500, with the same final candidates', async () => {
    expect(games).toHaveLength(500);
    const env = wordle.create(nodeDataSource) as WordleEnv;
    for (const g of games) {
      expect(await replayGolden(env, g), `seed ${g.item}`).toBeNull();
      expect(env.filteredVocab(), `seed ${g.item}`).toEqual(g.extra.filtered_vocab_final);
    }
  });
});
