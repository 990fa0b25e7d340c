import { describe, expect, it } from 'vitest';
import { nodeDataSource } from '../../node-data-source.ts';
import { format, officialFormat } from './format.ts';
import { module, officialModule } from './index.ts';
import { wordle, wordleOfficial } from './manifest.ts';
import { consistent, feedback, spaced } from './feedback.ts';
import { OFFICIAL_GUESSES } from './guesses.ts';
import { AGENTGYM_VOCAB, OFFICIAL_ANSWERS } from './words.ts';
import { WordleEnv } from './wordle.ts';
import { requireEnv } from '../registry.ts';
import type { GridPicture } from '../contract.ts';

const START = "Let's start Wordle!";
const FEEDBACK_OBS = /^[bgy] [bgy] [bgy] [bgy] [bgy]\n$/;

function hidden(env: { detail?(): Record<string, unknown> }): string {
  return env.detail!().hidden as string;
}

describe('Wordle word lists', () => {
  it("uses LMRL-Gym's 40-word vocabulary and NYT's full lists", () => {
    expect(AGENTGYM_VOCAB).toHaveLength(40);
    expect(AGENTGYM_VOCAB.slice(0, 3)).toEqual(['panic', 'solar', 'shire']);
    expect(AGENTGYM_VOCAB.at(-1)).toBe('trove');
    expect(OFFICIAL_ANSWERS).toHaveLength(2309);
    expect(OFFICIAL_ANSWERS[0]).toBe('cigar');
    expect(OFFICIAL_GUESSES).toHaveLength(12947);
    expect(new Set(OFFICIAL_GUESSES).size).toBe(OFFICIAL_GUESSES.length);
    expect(OFFICIAL_GUESSES.every((w) => /^[a-z]{5}$/.test(w))).toBe(true);
  });
});

describe('feedback (LMRL-Gym rule)', () => {
  it('marks each letter g, y or b by position', () => {
    expect(feedback('those', 'those')).toBe('ggggg');
    expect(feedback('shire', 'those')).toBe('ygbbg');
    expect(feedback('crimp', 'those')).toBe('bbbbb');
  });

  it('does not count repeated letters: every copy of a present letter is y or g', () => {
    expect(feedback('geese', 'those')).toBe('byygg');
    expect(feedback('sells', 'those')).toBe('yybby');
    expect(feedback('civic', 'cigar')).toBe('ggbyy');
    expect(feedback('robot', 'proxy')).toBe('yybyb');
  });

  it('filters words that give the same feedback', () => {
    expect(consistent(AGENTGYM_VOCAB, 'mount', 'bybby')).toEqual(['those', 'other', 'trove']);
    expect(spaced('bybby')).toBe('b y b b y');
  });
});

describe('Wordle env (AgentGym)', () => {
  it('is registered with AgentGym metadata', () => {
    expect(requireEnv('wordle')).toBe(wordle);
    expect(requireEnv('wordle-official')).toBe(wordleOfficial);
    expect(wordle.agentgym).toBe(true);
    expect(wordleOfficial.agentgym).toBe(false);
    expect(wordle.itemCount).toBe(40);
    expect(wordleOfficial.itemCount).toBe(2309);
    expect(wordle.evalItems).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(wordle.maxRounds).toBe(8);
    expect(module.http.resetField).toBe('seed');
    for (const w of AGENTGYM_VOCAB) expect(format.instruction).toContain(`\n${w}\n`);
    expect(officialFormat.instruction).not.toContain('\npanic\n');
    expect(officialFormat.instruction).toContain('official Wordle list');
  });

  it('starts with AgentGym\'s reset text and answers a guess with spaced b/y/g and a newline', () => {
    const env = (module.create(nodeDataSource) as WordleEnv);
    expect(env.reset(0)).toBe(START);
    expect(env.observation()).toBe(START);
    const r = env.step('s h i r e');
    expect(r.observation).toMatch(FEEDBACK_OBS);
    expect(r.observation).toBe(`${spaced(feedback('shire', hidden(env)))}\n`);
    expect(env.observation()).toBe(r.observation);
    expect(r.info.valid).toBe(true);
  });

  it('re-draws the hidden word among the words consistent with all feedback so far', () => {
    for (const item of [0, 7, 19, 33]) {
      const env = (module.create(nodeDataSource) as WordleEnv);
      env.reset(item);
      const seen: [string, string][] = [];
      for (const guess of ['crimp', 'sugar', 'whack']) {
        const r = env.step(spaced(guess));
        if (r.done) break;
        seen.push([guess, r.observation.replaceAll(' ', '').trim()]);
        const word = hidden(env);
        for (const [g, fb] of seen) expect(feedback(g, word)).toBe(fb);
        const fits = AGENTGYM_VOCAB.filter((w) => seen.every(([g, fb]) => feedback(g, w) === fb));
        expect(env.filteredVocab()).toEqual(fits);
      }
    }
  });

  it('changes the hidden word between guesses in some games', () => {
    let changed = 0;
    for (let item = 0; item < 40; item++) {
      const env = (module.create(nodeDataSource) as WordleEnv);
      env.reset(item);
      const drawn: string[] = [];
      for (const guess of ['c r i m p', 'k n o l l']) {
        if (env.step(guess).done) break;
        drawn.push(hidden(env));
      }
      if (drawn.length === 2 && drawn[0] !== drawn[1]) changed++;
    }
    expect(changed).toBeGreaterThan(0);
  });

  it('serves the filtered vocabulary over HTTP, before and after reset', () => {
    const env = (module.create(nodeDataSource) as WordleEnv);
    const get = module.http.extraGets!.filtered_vocab;
    expect(get(env)).toEqual(AGENTGYM_VOCAB);
    env.reset(3);
    expect(get(env)).toEqual(AGENTGYM_VOCAB);
    env.step('p o i n t');
    const after = get(env) as string[];
    expect(after.length).toBeLessThan(40);
    expect(after).toContain(hidden(env));
  });

  it('gives 0 per guess, 1 on the win, and ends the game there', () => {
    const env = (module.create(nodeDataSource) as WordleEnv);
    env.reset(5);
    let r = env.step('c r i m p');
    while (!r.done) {
      const left = (env as WordleEnv).filteredVocab();
      r = env.step(spaced(left[0]));
      if (!r.done) expect(r.reward).toBe(0);
    }
    expect(r.reward).toBe(1);
    expect(r.observation).toBe('g g g g g\n');
    expect(env.step('p a n i c')).toEqual({ observation: 'g g g g g\n', reward: 0, done: true, info: { valid: false } });
  });

  it('ends after six attempts, invalid ones included', () => {
    const env = (module.create(nodeDataSource) as WordleEnv);
    env.reset(1);
    const guesses = ['zzzzz', 'panic', 'nonsense', 'solar', '', 'shire'];
    const results = guesses.map((g) => env.step(spaced(g)));
    expect(results.map((r) => r.done)).toEqual([false, false, false, false, false, true]);
    expect(results[0].observation).toBe('invalid word');
    const last = results[5];
    expect(last.reward).toBe(hidden(env) === 'shire' ? 1 : 0);
  });

  it('accepts a plain word and surrounding whitespace as AgentGym does', () => {
    for (const action of ['shire', 's h i r e', '  s h i r e \n', 'sh ire']) {
      const env = (module.create(nodeDataSource) as WordleEnv);
      env.reset(2);
      expect(env.step(action).info.valid, action).toBe(true);
    }
  });

  it('answers bad input with "invalid word", reward 0, and never throws', () => {
    const bad = ['', '   ', 'x'.repeat(100_000), '向左移动 🧭', 'ＳＨＩＲＥ', 'SHIRE', 'S H I R E', 's-h-i-r-e', 's\th i r e', 'shir', 'shires', 'zzzzz', 'abbey', '\u0000\u0000\u0000\u0000\u0000', 'é c l a t'];
    const env = (module.create(nodeDataSource) as WordleEnv);
    for (const action of bad) {
      env.reset(4);
      const r = env.step(action);
      expect(r, JSON.stringify(action.slice(0, 20))).toMatchObject({ observation: 'invalid word', reward: 0, done: false, info: { valid: false } });
      expect(r.info.hint).toEqual(expect.any(String));
      expect(env.picture?.()?.kind).toBe('grid');
    }
  });

  it('is deterministic: the same item and actions give the same transcript', () => {
    const play = (item: number) => {
      const env = (module.create(nodeDataSource) as WordleEnv);
      const out = [env.reset(item)];
      for (const g of ['p o i n t', 'bad', 's u g a r', 'w h a c k', 't h o s e', 'o t h e r']) {
        const r = env.step(g);
        out.push(`${r.observation}|${r.reward}|${r.done}`);
        if (r.done) break;
      }
      return out;
    };
    for (const item of [0, 1, 24, 39]) expect(play(item)).toEqual(play(item));
    const firsts = new Set(Array.from({ length: 40 }, (_, i) => play(i)[1]));
    expect(firsts.size).toBeGreaterThan(5);
  });

  it('draws a picture of the guesses so far', () => {
    const env = (module.create(nodeDataSource) as WordleEnv);
    env.reset(0);
    const fb = env.step('p a n i c').observation.replaceAll(' ', '').trim();
    env.step('NoPe');
    const pic = env.picture!() as GridPicture;
    expect(pic).toMatchObject({ kind: 'grid', rows: 6, cols: 5 });
    expect(pic.cells).toHaveLength(30);
    const fills = { g: '#16a34a', y: '#ca8a04', b: '#475569' } as Record<string, string>;
    expect(pic.cells.slice(0, 5)).toEqual([...'PANIC'].map((text, i) => ({ fill: fills[fb[i]], text, ink: '#ffffff' })));
    // Invalid rows show the text as typed: its capitals may be why it was invalid.
    expect(pic.cells.slice(5, 10).map((c) => c.text)).toEqual(['N', 'o', 'P', 'e', undefined]);
    expect(pic.cells.slice(10).every((c) => c.fill === '#f1f5f9' && c.text === undefined)).toBe(true);
    expect(pic.caption).toContain('4 guesses left');
  });
});

describe('Wordle env (official lists)', () => {
  it('hides answer #i for item i and scores with the LMRL-Gym rule', () => {
    const env = (officialModule.create(nodeDataSource) as WordleEnv);
    expect(env.reset(0)).toBe(START);
    expect(env.step('r e b u t')).toMatchObject({ observation: 'y b b b b\n', reward: 0, done: false });
    expect(env.step('civic')).toMatchObject({ observation: 'g g b y y\n', reward: 0, done: false });
    expect(env.step('abbey').info.valid).toBe(true);
    expect(env.step('c i g a r')).toEqual({ observation: 'g g g g g\n', reward: 1, done: true, info: { valid: true } });
    env.reset(1);
    expect(hidden(env)).toBe('rebut');
  });

  it('rejects an item without an answer', () => {
    expect(() => (officialModule.create(nodeDataSource) as WordleEnv).reset(OFFICIAL_ANSWERS.length)).toThrow();
  });
});

describe('Wordle action extraction', () => {
  it("keeps the text between the first and second \"Action:\", as AgentGym HEAD's client does", () => {
    const cases: [string, string][] = [
      ['Thought:\nsome thought\n\nAction:\nf r o w n', 'f r o w n'],
      // The client cuts five characters for a four-character "</s>": the last letter goes too.
      ['Thought: try it.\nAction: s h i r e</s>', 's h i r'],
      ['Thought: try it.\nAction: s h i r e </s>', 's h i r e'],
      ['Action: s h i r e</s>\n', 's h i r e</s>'],
      ['Action: s h i r e🙂</s>', 's h i r e'],
      // No spacing or lower-casing of a bare word: the server judges it.
      ['Action: ADIEU', 'ADIEU'],
      ['Action: shire', 'shire'],
      ['p a n i c', 'p a n i c'],
      ['Action: s h i r e\nbecause it fits', 's h i r e\nbecause it fits'],
      ['Action: p a n i c Action: s h i r e', 'p a n i c'],
      ['Action: p a n i c\nThought: or\nAction: s h i r e', 'p a n i c\nThought: or'],
      // Python's strip(): \x1c-\x1f are whitespace there, \ufeff is not.
      ['Action: \x1cs h i r e\x1f', 's h i r e'],
      ['Action: s h i r e\ufeff', 's h i r e\ufeff'],
      ['', ''],
    ];
    for (const [reply, action] of cases) expect(format.extractAction(reply), JSON.stringify(reply)).toEqual({ action });
  });

  it('a bare upper-case word is an invalid word, with a hint saying why', () => {
    const env = (module.create(nodeDataSource) as WordleEnv);
    env.reset(3);
    const parsed = format.extractAction('Thought: go.\nAction: SOLAR');
    if (!('action' in parsed)) throw new Error('no action');
    const r = env.step(parsed.action);
    expect(r).toMatchObject({ observation: 'invalid word', reward: 0, done: false, info: { valid: false } });
    expect(r.info.hint).toBe('The game reads lower-case letters only: "s o l a r" is a valid guess, "SOLAR" is not.');
    expect(env.step('solar')).toMatchObject({ info: { valid: true } });
    expect(env.step('ADIEU').info.hint).toBe('The game reads lower-case letters only, and "adieu" is not in its word list either.');
    expect(env.step('a d i e u').info.hint).toBe('"adieu" is not in the game\'s word list.');
    expect(env.step('s h i r').info.hint).toBe('A guess is five letters (spaces between them are optional); this one has 4 characters.');
    expect(env.step('s-h-i-r-e').info.hint).toBe('A guess is five letters (spaces between them are optional); this one has 9 characters.');
  });
});
