/**
 * The find family (tasks/specifictasks/TaskFindLivingNonLiving.scala): find a living thing, a
 * non-living thing, a plant or an animal, focus on it and move it to a coloured answer box.
 * Variation v: living-things set floor(v / 30) (three animals outside, three potted plants and two
 * empty pots in the greenhouse), answer box v % 30 (five rooms by six colours).
 */
import { JavaRandom } from './java-random.ts';
import { drawFindGroup, FIND_GROUPS, streamBefore } from './load-stream.ts';
import { animal, ANIMALS, answerBox, flowerPot, peaPlant, soil, tree, TREE_TYPES } from './living.ts';
import type { SwObject } from './objects.ts';
import { GoalSequence, objectIn, type BuiltTask, type Goal, type GoalContext } from './tasks.ts';
import type { House, Maker } from './world.ts';

type FindMode = 'living thing' | 'non-living thing' | 'plant' | 'animal';
/** TaskFindLivingNonLiving.registerTasks' order, by task type. */
const MODES: [string, FindMode][] = [
  ['4-1', 'living thing'],
  ['4-2', 'non-living thing'],
  ['4-3', 'plant'],
  ['4-4', 'animal'],
];
export const FIND_TYPES = new Set(MODES.map(([id]) => id));

const COLOURS = ['red', 'green', 'blue', 'orange', 'yellow', 'purple'];
const LOCATIONS = ['kitchen', 'bathroom', 'living room', 'bedroom', 'workshop'];

/** The shared stream when living-things set `group` of find mode `mode` is made (load-stream.ts). */
function streamAt(variation: number, mode: number, group: number): JavaRandom {
  const rng = streamBefore('TaskFindLivingNonLiving', variation);
  for (let g = 0; g < mode * FIND_GROUPS + group; g++) drawFindGroup(rng);
  return rng;
}

export interface FindObjects {
  animals: SwObject[];
  pots: SwObject[];
  box: SwObject;
  location: string;
}

/** The variation's objects, made in ScienceWorld's creation order (so in its uuid order). */
export function makeFindObjects(m: Maker, typeId: string, variation: number): FindObjects {
  const mode = MODES.findIndex(([id]) => id === typeId);
  const group = Math.floor(variation / 30);
  const rng = streamAt(variation, mode, group);
  // mkRandomAnimals: all fourteen, shuffled by Random(group), the first three.
  const all = ANIMALS.map(([name, stages]) => animal(m, name, stages));
  const animals = new JavaRandom(group).shuffle(all).slice(0, 3);
  // mkRandomPlants: each plant made adult and potted with soil, shuffled by Random(group).
  const plants = [...TREE_TYPES.map((t) => tree(m, t)), peaPlant(m, rng)];
  const numbers = rng.shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const potted = plants.map((p) => {
    const pot = flowerPot(m);
    pot.add(p);
    pot.add(soil(m));
    return pot;
  });
  const pots = new JavaRandom(group).shuffle(potted).slice(0, 3);
  pots.push(flowerPot(m), flowerPot(m));
  pots.forEach((pot, i) => (pot.name = `flower pot ${numbers[i]}`));
  const box = variation % 30;
  return { animals, pots, box: answerBox(m, COLOURS[box % 6]), location: LOCATIONS[Math.floor(box / 6)] };
}

const focusGoal = (mode: FindMode): Goal => {
  const isAnimal = (o: SwObject) => o.kind === 'animal';
  const check: Record<FindMode, (o: SwObject) => 'ok' | 'fail' | null> = {
    'living thing': (o) => (o.life ? 'ok' : 'fail'),
    // A fixed non-living thing is not a failure, just no progress.
    'non-living thing': (o) => (o.life ? 'fail' : o.movable ? 'ok' : null),
    plant: (o) => (o.kind === 'plant' ? 'ok' : 'fail'),
    animal: (o) => (isAnimal(o) ? 'ok' : 'fail'),
  };
  const description = { 'living thing': 'focus on a living thing', 'non-living thing': 'focus on a non-living thing', plant: 'focus on a plant', animal: 'focus on an animal' }[mode];
  return { description, check: (obj) => (obj ? check[mode](obj) : null) };
};

const room = (ctx: GoalContext) => ctx.agent.container;

const inRoomWithOpenDoor = (): Goal => ({
  description: 'Be in a room with an open door',
  check: (_o, ctx) => (room(ctx)?.portalList().some((p) => p.kind === 'door' && p.portal!.isOpen) ? 'ok' : null),
});

/** GoalMoveToNewLocation: the first check notes where the agent starts; being in `unlessIn` counts at once. */
export function moveToNewLocation(description = 'Move to a new location', unlessIn = ''): Goal {
  let start: string | null = null;
  return {
    description,
    check: (_o, ctx) => {
      const here = room(ctx)?.name;
      if (here === undefined) return null;
      if (here === unlessIn) return 'ok';
      if (start === null) {
        start = here;
        return null;
      }
      return here !== start ? 'ok' : null;
    },
  };
}

export const moveToLocation = (location: string, description = 'Move to the location of the answer box', key?: string, after?: string[]): Goal => ({
  description,
  key,
  after,
  check: (_o, ctx) => (room(ctx)?.name === location ? 'ok' : null),
});

/** setupCombination (every object added straight to its room, no draws) then setupGoals. */
export function setupFind(typeId: string, house: House, objs: FindObjects): BuiltTask {
  const mode = MODES.find(([id]) => id === typeId)![1];
  for (const a of objs.animals) house.rooms.get('outside')!.add(a);
  for (const p of objs.pots) house.rooms.get('greenhouse')!.add(p);
  house.rooms.get(objs.location)!.add(objs.box);
  const box = objs.box.name;
  const ordered = [focusGoal(mode), objectIn(box, 'move living thing to answer box')];
  const unordered = [objectIn('inventory', 'Pick up object'), inRoomWithOpenDoor(), moveToNewLocation(), moveToLocation(objs.location)];
  return {
    name: `find-${mode.replace(/ /g, '-')}`,
    description: `Your task is to find a(n) ${mode}. First, focus on the thing. Then, move it to the ${box} in the ${objs.location}.`,
    goals: new GoalSequence(ordered, unordered, house.agent),
  };
}
