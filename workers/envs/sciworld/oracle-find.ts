/**
 * The find family's oracle, playing from observations as a person who knows the floor plan: for a
 * plant (or a living thing) walk to the greenhouse and take a potted plant, pot and all; for an
 * animal walk outside and take an animal, named as a look shows it (its name changes as it grows,
 * so it looks again before each use); for a non-living thing take the orange it carries. Then walk
 * to the answer box and put the thing in.
 */
import { startRoom, walk, type Walker } from './oracle-walk.ts';

export interface FindTask {
  mode: 'living thing' | 'non-living thing' | 'plant' | 'animal';
  box: string;
  location: string;
}

export function parseFindTask(observation: string): FindTask | null {
  const m = /^Your task is to find a\(n\) (living thing|non-living thing|plant|animal)\. First, focus on the thing\. Then, move it to the (.+?) in the (.+?)\./.exec(observation);
  return m ? { mode: m[1] as FindTask['mode'], box: m[2], location: m[3] } : null;
}

/** The things a look-around lists, one per line, without the article. */
export const listed = (obs: string) => [...obs.matchAll(/^\t(?:an?|the) (.+)$/gm)].map((m) => m[1]);
/** What is always outside: everything else there is an animal. */
const OUTSIDE = /^(agent|substance called|axe|fire pit|fountain|ground|shovel)/;

export function* findScript(s: Walker, task: FindTask): Generator<string, void, string> {
  let carried: string;
  if (task.mode === 'non-living thing') {
    carried = 'orange';
    yield 'focus on orange in inventory';
  } else if (task.mode === 'animal') {
    yield* walk(s, 'outside');
    const seen = listed(yield 'look around').filter((t) => !OUTSIDE.test(t));
    // Two animals can look alike (a moth's egg is a butterfly egg): take one that is alone.
    const animal = seen.find((t) => seen.filter((u) => u === t).length === 1);
    if (!animal) throw new Error('find oracle: no animal outside');
    yield `focus on ${animal}`;
    yield `pick up ${animal}`;
    carried = '';
  } else {
    yield* walk(s, 'greenhouse');
    const obs = yield 'look around';
    const m = /\ta (flower pot \d+) \(containing an? ((?:[a-z]+ tree)|pea plant) in the/.exec(obs);
    if (!m) throw new Error('find oracle: no potted plant in the greenhouse');
    yield `focus on ${m[2]}`;
    yield `pick up ${m[1]}`;
    carried = m[1];
  }
  yield* walk(s, task.location);
  if (!carried) {
    const held = listed(yield 'inventory').filter((t) => t !== 'orange');
    carried = held[0];
  }
  yield `move ${carried} in inventory to ${task.box}`;
  for (;;) yield 'look around';
}

/** The find family's script for a task's first observation, or null if it is not a find task. */
export function findScriptFor(observation: string): Generator<string, void, string> | null {
  const task = parseFindTask(observation);
  return task ? findScript({ room: startRoom(observation), opened: new Set() }, task) : null;
}
