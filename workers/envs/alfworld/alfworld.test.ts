import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alfworld } from './manifest.ts';
import { game, meta, newEnv, play } from './testing.ts';
import { introActions } from './texts.ts';

const obs = (r: { steps: { observation: string }[] }) => r.steps.map((s) => s.observation);

describe('ALFWorld texts (2.1.1 grammar, as AgentGym sends them)', () => {
  it('pick and place (2618): intro, arrival, take, put, look and inventory', async () => {
    const r = await play(2618, ['look', 'go to coffeetable 1', 'take keychain 2 from coffeetable 1', 'inventory', 'go to sofa 1', 'put keychain 2 in/on sofa 1']);
    expect(r.first).toBe(
      'You are in the middle of a room. Looking quickly around you, you see a armchair 1, a coffeetable 1, a drawer 4, a drawer 3, a drawer 2, a drawer 1, a dresser 1, a garbagecan 1, a sidetable 3, a sidetable 2, a sidetable 1, and a sofa 1.\nYour task is to: put a keychain in sofa.',
    );
    expect(obs(r)).toEqual([
      'You are in the middle of a room. Looking quickly around you, you see nothing.',
      'On the coffeetable 1, you see a box 1, a cellphone 1, a creditcard 2, a keychain 2, a pencil 2, a statue 1, a tissuebox 3, and a tissuebox 2.',
      'You pick up the keychain 2 from the coffeetable 1.',
      'You are carrying: a keychain 2.',
      'On the sofa 1, you see a cellphone 2, and a pillow 1.',
      'You put the keychain 2 in/on the sofa 1.',
    ]);
    expect(r.steps.map((s) => s.reward)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(r.steps.at(-1)!.done).toBe(true);
  });

  it('cool (2420): closed fridge, open and close, cooling needs no open door, a receptacle object examined, shared spots', async () => {
    const r = await play(2420, ['go to fridge 1', 'open fridge 1', 'close fridge 1', 'go to coffeemachine 1', 'take mug 2 from countertop 1', 'go to fridge 1', 'cool mug 2 with fridge 1', 'examine mug 2', 'go to coffeemachine 1', 'put mug 2 in/on coffeemachine 1', 'look']);
    const o = obs(r);
    expect(o[0]).toBe('The fridge 1 is closed.');
    expect(o[1]).toMatch(/^You open the fridge 1\. The fridge 1 is open\. In it, you see (nothing|a .+)\.$/);
    expect(o[2]).toBe('You close the fridge 1.');
    expect(o[3]).toBe('On the coffeemachine 1, you see nothing.');
    expect(o[6]).toBe('You cool the mug 2 using the fridge 1.');
    expect(o[7]).toBe('This is a normal mug 2. In it, you see nothing.');
    expect(o[9]).toBe('You put the mug 2 in/on the coffeemachine 1.');
    // Taken from the countertop and put in the coffee machine at the same spot: "next to it".
    expect(o[10]).toBe('You are facing the coffeemachine 1, and countertop 1. Next to it, you see a mug 2.');
    expect(r.steps[9].reward).toBe(1);
  });

  it('clean (2422), heat (2424) and examine texts', async () => {
    const clean = await play(2422, ['go to shelf 3', 'take soapbar 3 from shelf 3', 'examine soapbar 3', 'go to sinkbasin 1', 'clean soapbar 3 with sinkbasin 1', 'examine soapbar 3']);
    expect(obs(clean).slice(2)).toEqual([
      "There's nothing special about soapbar 3.",
      'On the sinkbasin 1, you see nothing.',
      'You clean the soapbar 3 using the sinkbasin 1.',
      'This is a clean soapbar 3.',
    ]);
    const heat = await play(2424, ['go to diningtable 2', 'take apple 1 from diningtable 2', 'go to microwave 1', 'heat apple 1 with microwave 1', 'examine apple 1']);
    expect(obs(heat).slice(3)).toEqual(['You heat the apple 1 using the microwave 1.', 'This is a hot apple 1.']);
  });

  it('look at in light (2427): a lamp is "nothing special" until used, then always "turn on"', async () => {
    const r = await play(2427, ['go to sidetable 2', 'examine desklamp 1', 'use desklamp 1', 'examine desklamp 1', 'use desklamp 1', 'go to bed 1', 'take book 1 from bed 1', 'go to sidetable 2']);
    expect(obs(r).slice(1, 5)).toEqual(["There's nothing special about desklamp 1.", 'You turn on the desklamp 1.', 'This desklamp 1 is on.', 'You turn on the desklamp 1.']);
    expect(r.steps.map((s) => s.reward)).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('answers "Nothing happens." to anything not admissible, case and punctuation included', async () => {
    const r = await play(2618, ['Look', 'look.', 'help', 'move keychain 2 to sofa 1', 'go to coffeetable 1', 'go to coffeetable 1', '  inventory \n']);
    expect(obs(r)).toEqual(['Nothing happens.', 'Nothing happens.', 'Nothing happens.', 'Nothing happens.', expect.stringMatching(/^On the coffeetable 1/), 'Nothing happens.', 'You are not carrying anything.']);
    expect(r.steps.map((s) => s.info.valid)).toEqual([false, false, false, false, true, false, true]);
  });
});

describe('ALFWorld admissible commands', () => {
  it('are sorted by code point, with no "go to" for receptacles at the agent\'s spot', async () => {
    const { env } = await play(2420, ['go to coffeemachine 1']);
    const cmds = env.availableActions();
    expect(cmds).toEqual([...cmds].sort());
    expect(cmds).not.toContain('go to coffeemachine 1');
    expect(cmds).not.toContain('go to countertop 1');
    expect(cmds).toContain('take mug 2 from countertop 1');
    expect(cmds).toContain('examine countertop 1');
    const cabinets = cmds.filter((c) => /^go to cabinet 1\d?$/.test(c));
    expect(cabinets.slice(0, 2)).toEqual(['go to cabinet 1', 'go to cabinet 10']);
  });

  it('list take only from open receptacles, put only where canContain allows, cool at a closed fridge', async () => {
    const { env } = await play(2420, ['go to coffeemachine 1', 'take mug 2 from countertop 1', 'go to fridge 1']);
    let cmds = env.availableActions();
    expect(cmds).toContain('cool mug 2 with fridge 1');
    expect(cmds).toContain('open fridge 1');
    expect(cmds.some((c) => c.startsWith('put '))).toBe(false);
    expect(cmds.some((c) => c.startsWith('take '))).toBe(false);
    env.step('open fridge 1');
    cmds = env.availableActions();
    expect(cmds).toContain('put mug 2 in/on fridge 1');
    expect(cmds).toContain('close fridge 1');
    expect(cmds).toContain('examine mug 2');
  });

  it('at reset are "go to" every receptacle, inventory and look, which the intro alone tells (every test game)', async () => {
    const env = await newEnv();
    for (const item of alfworld.evalItems) {
      const first = await env.reset(item);
      expect(introActions(first), `item ${item}`).toEqual(env.availableActions());
    }
  });
});

describe('ALFWorld goals and limits', () => {
  it('a placed object without the asked state does not win, nor one of two', async () => {
    const cold = await play(2424, ['go to diningtable 2', 'take apple 1 from diningtable 2', 'go to sidetable 1', 'put apple 1 in/on sidetable 1']);
    expect(cold.steps.at(-1)).toMatchObject({ reward: 0, done: false });
    const one = await play(2421, ['go to dresser 1', 'take tissuebox 3 from dresser 1', 'go to coffeetable 1', 'put tissuebox 3 in/on coffeetable 1']);
    expect(one.steps.at(-1)).toMatchObject({ reward: 0, done: false });
  });

  it('a lit lamp without the object in hand does not win', async () => {
    const r = await play(2427, ['go to sidetable 2', 'use desklamp 1']);
    expect(r.steps.at(-1)).toMatchObject({ reward: 0, done: false });
  });

  it('ends at the 50th step, valid or not, as a truncation with reward 0', async () => {
    const r = await play(2618, Array.from({ length: 50 }, (_, i) => (i % 2 ? 'look' : 'jump')));
    expect(r.steps[48]).toMatchObject({ done: false, truncated: false });
    expect(r.steps[49]).toMatchObject({ reward: 0, done: false, truncated: true });
  });

  it("every available game (train and test) is won by its own walkthrough, within AgentGym's 30 rounds", async () => {
    const { missing } = await meta();
    const env = await newEnv();
    let won = 0;
    for (let item = 0; item < alfworld.itemCount; item++) {
      if (missing.includes(item)) continue;
      const { walkthrough } = await game(item);
      expect(walkthrough.length).toBeLessThanOrEqual(alfworld.maxRounds);
      const { steps } = await play(item, walkthrough, env);
      expect(steps.at(-1), `item ${item}`).toMatchObject({ reward: 1, done: true });
      won++;
    }
    expect(won).toBe(2381);
  });

  it('names its one first-use download with its true size', () => {
    for (const d of alfworld.downloads) expect(statSync(new URL(`../../../static-data/${d.path}`, import.meta.url)).size, d.path).toBe(d.bytes);
  });

  it('a missing training game is refused with a message saying so', async () => {
    const { missing } = await meta();
    expect(missing).toHaveLength(239);
    expect(missing.every((i) => i < 2420)).toBe(true);
    await expect((await newEnv()).reset(missing[0])).rejects.toThrow(/training game missing/);
  });
});

describe('ALFWorld room picture', () => {
  it("shows the agent's spot, open receptacles and what is held, never contents", async () => {
    const { env } = await play(2420, ['go to coffeemachine 1', 'take mug 2 from countertop 1', 'go to fridge 1', 'open fridge 1']);
    const pic = env.picture()!;
    expect(pic.title).toBe('Holding: mug 2');
    expect(pic.body).toContain('▶ fridge 1 (open)');
    expect(pic.body).toContain('  microwave 1 (closed)');
    expect(pic.body).not.toContain('middle');
    const start = await play(2420, []);
    expect(start.env.picture()!.body.startsWith('▶ the middle of the room\n')).toBe(true);
  });
});

describe('ALFWorld eval split', () => {
  it("is AgentGym's 200 test games, items 2420-2619, with all six task types", async () => {
    expect(alfworld.evalItems).toEqual(Array.from({ length: 200 }, (_, i) => 2420 + i));
    const types = new Map<string, number>();
    for (const item of alfworld.evalItems) {
      const kind = (await game(item)).task.split('-')[0];
      types.set(kind, (types.get(kind) ?? 0) + 1);
    }
    expect(Object.fromEntries(types)).toEqual({
      pick_and_place_simple: 46,
      pick_clean_then_place_in_recep: 37,
      pick_cool_then_place_in_recep: 28,
      pick_two_obj_and_place: 45,
      pick_heat_then_place_in_recep: 25,
      look_at_obj_in_light: 19,
    });
  });
});
