import { describe, expect, it } from 'vitest';
import { solve, walkTo } from '../../../testing/sciworld.ts';
import { unknownConducts } from './electric-task.ts';
import { SciWorldEnv } from './sciworld.ts';
import { firstIndex, TASK_TYPES } from './tasks.ts';

const P1 = firstIndex('3-1');
const P2 = firstIndex('3-2');
const C1 = firstIndex('3-3');
const C2 = firstIndex('3-4');

/** Resets `item`, walks to `room` (opening doors) and returns the env and the look-around there. */
function at(item: number, room = 'workshop') {
  const env = new SciWorldEnv();
  const first = env.reset(item);
  walkTo(env, first, room);
  const seen = env.step('look around').observation;
  const wires = [...seen.matchAll(/\ba ([a-z]+ wire)\b/g)].map((m) => m[1]);
  return { env, first, seen, wires, obs: (action: string) => env.step(action).observation };
}

const lit = (look: string) => /, which is on/.test(look);

describe('electricity: circuits', () => {
  it('lights a bulb only when the circuit is closed (through the switch, with every wire in place)', () => {
    // 3-1 variation 0: the workshop table holds a battery, a black, a blue and an orange wire, a switch.
    const { obs } = at(P1);
    for (const a of ['connect battery anode to black wire terminal 1', 'connect black wire terminal 2 to red light bulb cathode', 'connect red light bulb anode to blue wire terminal 1', 'connect blue wire terminal 2 to switch anode', 'connect switch cathode to orange wire terminal 1']) obs(a);
    obs('wait1');
    expect(lit(obs('look at red light bulb')), 'open: a wire missing').toBe(false);
    obs('connect orange wire terminal 2 to battery cathode');
    obs('wait1');
    expect(lit(obs('look at red light bulb')), 'open: the switch is off').toBe(false);
    obs('activate switch');
    obs('wait1');
    expect(obs('look at red light bulb')).toBe('a red light bulb, which is on. its anode is connected to: a terminal 1 on blue wire. its cathode is connected to: a terminal 2 on black wire.');
    obs('deactivate switch');
    obs('wait1');
    expect(lit(obs('look at red light bulb')), 'switched off again').toBe(false);
    obs('activate switch');
    obs('disconnect orange wire');
    obs('wait1');
    expect(lit(obs('look at red light bulb')), 'a wire disconnected').toBe(false);
  });

  it('passes a circuit through a conductive thing and not through an insulator', () => {
    // 3-3 variations 300 and 525: the metal fork and the plastic fork, both in the workshop.
    for (const [item, thing, conducts] of [
      [C1 + 300, 'metal fork', true],
      [C1 + 525, 'plastic fork', false],
    ] as const) {
      const { obs, wires, first } = at(item);
      expect(first).toContain(`determine if ${thing} is electrically conductive`);
      const [w1, w2] = wires;
      for (const a of [`pick up ${thing}`, `connect battery anode to ${w1} terminal 1`, `connect ${w1} terminal 2 to red light bulb cathode`, `connect red light bulb anode to ${w2} terminal 1`, `connect ${w2} terminal 2 to ${thing}`, `connect ${thing} to battery cathode`]) obs(a);
      obs('wait1');
      expect(lit(obs('look at red light bulb')), thing).toBe(conducts);
      expect(obs(`look at ${thing}`)).toBe(`A ${thing}`);
    }
  });

  it('runs a solar panel only outside, and a nuclear generator only when switched on', () => {
    // 3-2 variation 0: power the red light bulb from the solar panel; variation 1: from the nuclear generator.
    const wireTo = (obs: (a: string) => string, source: string, [w1, w2]: string[]) => {
      for (const a of [`connect ${source} anode to ${w1} terminal 1`, `connect ${source} cathode to ${w2} terminal 1`, `connect ${w1} terminal 2 to red light bulb cathode`, `connect ${w2} terminal 2 to red light bulb anode`]) obs(a);
    };
    const solar = at(P2);
    wireTo(solar.obs, 'solar panel', solar.wires);
    solar.obs('wait1');
    expect(solar.obs('look at solar panel')).toMatch(/^a solar panel, which is off\. /);
    expect(lit(solar.obs('look at red light bulb'))).toBe(false);
    expect(solar.obs('activate solar panel')).toBe('The solar panel is not something that can be activated.');
    solar.obs('pick up solar panel');
    for (const a of ['go to hallway', 'open door to kitchen', 'go to kitchen', 'open door to outside', 'go to outside', 'drop solar panel', 'wait1']) solar.obs(a);
    expect(solar.obs('look at solar panel')).toMatch(/^a solar panel, which is on\. its anode is connected to: a terminal 1 on /);

    const gas = at(P2 + 1);
    expect(gas.first.split('\n')[0]).toBe('Your task is to turn on the red light bulb by powering it using a nonrenewable power source. First, focus on the red light bulb. Then, create an electrical circuit that powers it on.');
    wireTo(gas.obs, 'nuclear generator', gas.wires);
    gas.obs('wait1');
    expect(lit(gas.obs('look at red light bulb'))).toBe(false);
    expect(gas.obs('activate nuclear generator')).toBe('The nuclear generator is now activated.');
    gas.obs('wait1');
    expect(lit(gas.obs('look at red light bulb'))).toBe(true);
  });
});

describe('electricity: texts', () => {
  it("answers connect and disconnect with ScienceWorld's replies", () => {
    const { obs } = at(P1);
    expect(['connect battery anode to black wire terminal 1', 'connect battery anode to blue wire terminal 1', 'connect battery to blue wire', 'connect blue wire to switch anode', 'connect switch cathode to switch cathode', 'disconnect battery anode', 'disconnect battery', 'connect table to table', 'connect table to blue wire terminal 1'].map(obs)).toEqual([
      'anode on battery is now connected to terminal 1 on black wire',
      'anode on battery is already connected, and must be disconnected before it can be connected to something else',
      'Connections must specify specific points of contact on polarized electrical components (e.g. anode, cathode)',
      'Connections must specify specific points of contact on unpolarized electrical components (e.g. terminal 1, terminal 2)',
      "Something can't be connected to itself.",
      'You must disconnect entire objects (such as battery) instead of just single terminals',
      'battery has been disconnected',
      "Something can't be connected to itself.",
      'terminal 1 on table is now connected to terminal 1 on blue wire',
    ]);
    // A wire's description runs its name into its terminals, as UnpolarizedElectricalComponent's does.
    expect(obs('look at blue wire')).toBe('a blue wireits terminal 1 is connected to: a terminal 1 on table. its terminal 2 is connected to: nothing.');
    expect(obs('look at blue wire terminal 2')).toBe('a terminal 2. it is connected to: nothing.');
    expect(obs('look at battery')).toBe('a battery. its anode is connected to: nothing. its cathode is connected to: nothing.');
  });

  it('places the task objects where TaskObject puts them and states the tasks as ScienceWorld does', () => {
    const power = at(P1);
    expect(power.first.split('\n')[0]).toBe('Your task is to turn on the red light bulb. First, focus on the red light bulb. Then, create an electrical circuit that powers it on.');
    // Parts, one renewable and one nonrenewable generator on the floor; the table's own bulbs stay.
    expect(power.seen.split('\n').slice(3, 9)).toEqual(['\ta blue light bulb, which is off', '\ta electric buzzer, which is off', '\ta electric motor, which is off', '\ta gas generator, which is off', '\ta red light bulb, which is off', '\ta solar panel, which is off']);
    expect(power.seen).toContain('a table. On the table is: a battery, a black wire, a blue wire, a green light bulb, which is off, a orange wire, a switch, which is off, a violet light bulb, which is off, a yellow light bulb, which is off.');
    const book = at(C1 + 2 * 75 + 25, 'kitchen');
    expect(book.first.split('\n')[0]).toBe(
      'Your task is to determine if book (The Foundations of the Origin of Species) is electrically conductive. The book (The Foundations of the Origin of Species) is located around the kitchen. First, focus on the book (The Foundations of the Origin of Species). If it is electrically conductive, place it in the red box. If it is electrically nonconductive, place it in the green box.',
    );
    expect(book.seen).toContain('\tA book (The Foundations of the Origin of Species) titled The Foundations of the Origin of Species by Charles Darwin\n');
    const unknown = at(C2 + 24 * 25 - 1);
    expect(unknown.first.split('\n')[0]).toBe('Your task is to determine if unknown substance Z is electrically conductive. The unknown substance Z is located around the workshop. First, focus on the unknown substance Z. If it is electrically conductive, place it in the yellow box. If it is electrically nonconductive, place it in the purple box.');
    expect(unknown.seen).toContain('\tunknown substance Z\n');
    expect(unknown.seen).toContain('\ta electric buzzer, which is off\n');
    expect(unknown.seen).toContain('\ta purple box (containing nothing)\n');
  });

  it("draws the unknown substances' conductivity from the shared stream (checked against java.util.Random)", () => {
    const bits = (v: number) => unknownConducts(v).map((c) => (c ? '1' : '0')).join('');
    expect([0, 1, 7, 123, 599].map(bits)).toEqual(['001000111101111110101111', '100101011010011011000011', '110101110100110110100111', '011110000101010000001000', '111001000110010111100100']);
  });
});

describe('electricity: scoring', () => {
  it('fails at -100 on a focus on anything but the task object', () => {
    expect(at(P1).env.step('focus on battery')).toMatchObject({ observation: 'You focus on the battery.', reward: -100, done: true });
    const { env } = at(C1 + 300);
    expect(env.step('focus on plastic fork').observation).toBe('No known action matches that input.');
    expect(env.step('focus on battery')).toMatchObject({ reward: -100, done: true });
  });

  it('fails at -100 when a part is powered by the wrong kind of source, or a thing is put in the wrong box', () => {
    // 3-2 variation 0 asks for the renewable source: the battery powers the bulb, and the task fails.
    const { env, wires } = at(P2);
    const [w1, w2] = wires;
    for (const a of ['focus on red light bulb', `connect battery anode to ${w1} terminal 1`, `connect battery cathode to ${w2} terminal 1`, `connect ${w1} terminal 2 to red light bulb cathode`, `connect ${w2} terminal 2 to red light bulb anode`]) env.step(a);
    expect(env.step('wait1')).toMatchObject({ reward: -100, done: true });
    // The metal fork conducts: the green box is the wrong answer.
    const fork = at(C1 + 300);
    fork.obs('focus on metal fork');
    expect(fork.env.step('move metal fork to green box')).toMatchObject({ reward: -100, done: true });
  });

  it('scores focus, then power (then the right source), with the wiring as optional subgoals', () => {
    const { env, wires } = at(P1);
    const [w1, w2] = wires;
    const rewards = ['focus on red light bulb', `connect battery anode to ${w1} terminal 1`, `connect battery cathode to ${w2} terminal 1`, `connect ${w1} terminal 2 to red light bulb cathode`, `connect ${w2} terminal 2 to red light bulb anode`, 'wait1'].map((a) => env.step(a).reward);
    expect(rewards).toEqual([63, 63, 63, 77, 83, 100]);
  });

  it('is solved by the oracle within 30 rounds on every power task and the conductivity split candidates', () => {
    const items: number[] = [];
    for (const id of ['3-1', '3-2', '3-3', '3-4']) {
      const f = firstIndex(id);
      const n = TASK_TYPES.find((t) => t.id === id)!.variations;
      for (let k = 0; k < 25; k++) items.push(f + Math.floor((k * n) / 25));
      // And a sample across each type's variations off that grid.
      for (let k = 0; k < 10; k++) items.push(f + ((k * 97 + 13) % n));
    }
    const failed = [...new Set(items)].map((i) => ({ i, ...solve(i) })).filter((r) => r.reward !== 100);
    expect(failed).toEqual([]);
  });
});
