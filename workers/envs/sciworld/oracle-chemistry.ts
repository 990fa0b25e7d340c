/**
 * The chemistry family's oracle, playing from observations as a person who knows the floor plan
 * and the primary colours.
 * Mixing (6-1): take the metal pot from the kitchen cupboard, read the recipe where the task says,
 * put the ingredients found there in the pot (opening the salt jar if the salt is not in reach),
 * pour in paint from the art studio and water from the kitchen sink when the recipe asks, mix,
 * and focus on the result. Paint (6-2, 6-3): in the art studio pour one primary paint into the cup
 * of the other, mix, focus on the secondary colour; for a tertiary colour pour in one more primary
 * from the large cupboard, mix again, and focus on that.
 */
import { act, startRoom, walk, type Walker } from './oracle-walk.ts';

type Script = Generator<string, void, string>;

/** The primaries each secondary colour is mixed from. */
const PRIMARIES: Record<string, [string, string]> = {
  green: ['blue', 'yellow'],
  orange: ['red', 'yellow'],
  violet: ['red', 'blue'],
};

/** How a cup is named by what it holds (sorted, as its referents list them). */
const cupHolding = (...paints: string[]) => `cup containing ${paints.map((p) => `${p} paint`).sort().join(' and ')}`;

function* mixSubstance(s: Walker, result: string, location: string): Script {
  yield* walk(s, 'kitchen');
  yield 'open cupboard';
  yield 'pick up metal pot';
  yield* walk(s, location);
  const read = yield 'read recipe';
  const m = /you need to mix (.+)\.$/m.exec(read);
  if (!m) throw new Error(`chemistry oracle: no recipe to read (${read})`);
  const inputs = m[1].split(', ');
  for (const input of inputs.filter((i) => i !== 'water' && !i.endsWith(' paint'))) {
    const reply = yield* act(`move ${input} to metal pot`);
    if (reply === 'No known action matches that input.') {
      yield 'open glass jar';
      yield* act(`move ${input} to metal pot`);
    }
  }
  for (const paint of inputs.filter((i) => i.endsWith(' paint'))) {
    yield* walk(s, 'art studio');
    yield* act(`pour ${paint} in metal pot`);
  }
  if (inputs.includes('water')) {
    yield* walk(s, 'kitchen');
    yield 'move metal pot to sink';
    yield 'activate sink';
    yield 'deactivate sink';
  }
  yield 'mix metal pot';
  yield `focus on ${result}`;
}

function* mixPaint(s: Walker, secondary: string, tertiary: string | null): Script {
  const [a, b] = PRIMARIES[secondary];
  yield* walk(s, 'art studio');
  yield* act(`pour ${a} paint in ${cupHolding(b)}`);
  yield `mix ${cupHolding(a, b)}`;
  yield `focus on ${secondary} paint`;
  if (tertiary) {
    const extra = tertiary.split('-').find((c) => c !== secondary)!;
    yield 'open large cupboard';
    yield* act(`pour ${extra} paint in ${cupHolding(secondary)}`);
    yield `mix ${cupHolding(secondary, extra)}`;
    yield `focus on ${tertiary} paint`;
  }
}

/** The chemistry family's script for a task's first observation, or null if it is not one of its tasks. */
export function chemistryScriptFor(observation: string): Script | null {
  const s: Walker = { room: startRoom(observation), opened: new Set() };
  let m = /^Your task is to use chemistry to create the substance '(.+?)'\. A recipe and some of the ingredients might be found near the (.+?)\./.exec(observation);
  const forever = function* (play: Script): Script {
    yield* play;
    for (;;) yield 'look around';
  };
  if (m) return forever(mixSubstance(s, m[1], m[2]));
  m = /^Your task is to use chemistry to create ([a-z-]+) paint\. When you are (done|part-way done).*focus on the ([a-z]+) paint\.$/m.exec(observation);
  if (!m) return null;
  return forever(mixPaint(s, m[2] === 'done' ? m[1] : m[3], m[2] === 'done' ? null : m[1]));
}
