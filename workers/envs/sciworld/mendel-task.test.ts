import { describe, expect, it } from 'vitest';
import { solve, walkTo } from '../../../testing/sciworld.ts';
import { SciWorldEnv } from './sciworld.ts';
import { firstIndex } from './tasks.ts';

const at = (variation: number) => firstIndex('10-1') + variation;

/** Resets a variation and walks to the greenhouse; the env and what a look there shows. */
function greenhouse(variation: number) {
  const env = new SciWorldEnv();
  walkTo(env, env.reset(at(variation)), 'greenhouse');
  return { env, look: env.step('look around').observation };
}

describe('Mendelian genetics, known plant (10-1): texts and variations', () => {
  it("states the task as ScienceWorld's template does", () => {
    const first = (v: number) => new SciWorldEnv().reset(at(v)).split('\n')[0];
    expect(first(0)).toBe(
      'Your task is to determine whether tall plant height is a dominant or recessive trait in the pea plant. If the trait is dominant, focus on the red box. If the trait is recessive, focus on the green box.',
    );
    expect(first(15 + 4)).toContain('whether short plant height is a dominant or recessive trait in the pea plant. If the trait is dominant, focus on the green box. If the trait is recessive, focus on the blue box.');
    expect(first(30)).toContain('whether round seed shape is');
    expect(first(45 + 2)).toContain('whether wrinkly seed shape is a dominant or recessive trait in the pea plant. If the trait is dominant, focus on the blue box. If the trait is recessive, focus on the orange box.');
    expect(first(60)).toContain('whether green seed color is');
    expect(first(75)).toContain('whether orange seed color is');
    expect(first(105)).toContain('whether wrinkly seed shape is');
  });

  it('puts six soil-filled pots of nine, the answer boxes and a jar of a pure-dominant and a pure-recessive pea seed in the greenhouse', () => {
    const { look } = greenhouse(30);
    const pots = [...look.matchAll(/\ta flower pot (\d) \(containing soil\)/g)].map((m) => Number(m[1]));
    expect(pots).toHaveLength(6);
    expect(new Set(pots).size).toBe(6);
    expect(look).toMatch(/\ta seed jar \(containing a round (green|orange) pea seed, a wrinkly (green|orange) pea seed\)/);
    expect(look).toContain('\ta red box (containing nothing)\n');
    expect(look).toContain('\ta green box (containing nothing)\n');
    // The five pot sets differ.
    const sets = new Set([0, 3, 6, 9, 12].map((v) => [...greenhouse(v).look.matchAll(/flower pot (\d)/g)].map((m) => m[1]).join(',')));
    expect(sets.size).toBe(5);
  });
});

describe('Mendelian genetics, known plant (10-1): the cross and scoring', () => {
  it('grows the two parents, and the bees cross them: every offspring pea shows the dominant seed shape', () => {
    const { env, look } = greenhouse(30);
    const pots = [...look.matchAll(/\ta flower pot (\d) \(containing soil\)/g)].map((m) => m[1]);
    const seeds = [...look.matchAll(/a ([a-z]+ [a-z]+) pea seed/g)].map((m) => m[1]);
    for (const a of [`move ${seeds[0]} pea seed to flower pot ${pots[0]}`, `move ${seeds[1]} pea seed to flower pot ${pots[1]}`, `move flower pot ${pots[0]} to sink`, `move flower pot ${pots[1]} to sink`, 'activate sink', 'close door to hallway']) env.step(a);
    for (let i = 0; i < 4; i++) env.step('wait');
    const parents = env.step('look at sink').observation;
    expect(parents.match(/a pea plant in the (adult|reproducing) stage with a (tall|short) height/g)).toHaveLength(2);
    env.step('open bee hive');
    for (let i = 0; i < 8; i++) env.step('wait');
    const offspring = [...env.step('look at sink').observation.matchAll(/a ([a-z]+) [a-z]+ pea seed/g)].map((m) => m[1]);
    expect(offspring.length).toBeGreaterThan(0);
    expect(new Set(offspring)).toEqual(new Set(['round']));
  });

  it('fails at -100 on the other box', () => {
    const { env } = greenhouse(0);
    expect(env.step('focus on green box')).toMatchObject({ reward: -100, done: true });
  });

  it('scores 100 within 30 rounds on the split candidates and every 7th variation', () => {
    const variations = new Set([...Array.from({ length: 25 }, (_, k) => Math.floor((k * 120) / 25)), ...Array.from({ length: 18 }, (_, i) => i * 7)]);
    for (const v of variations) expect(solve(at(v)), `10-1 variation ${v}`).toMatchObject({ reward: 100, done: true });
  });
});
