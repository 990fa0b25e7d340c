/**
 * The grow family (tasks/specifictasks/TaskGrowPlant.scala): grow a fruit tree from a seed to its
 * reproducing stage (5-1), or grow several and let the greenhouse's bees cross-pollinate them
 * until a fruit grows (5-2). Variation v: seed jar floor(v / 3) of the 42 (seven fruit trees by
 * six rooms, sorted by tree type, stable), flower-pot case v % 3 (three pots with soil; three empty
 * pots and soil beside them; three empty pots and no soil, which must be dug outside).
 */
import { moveToLocation, moveToNewLocation } from './find-task.ts';
import { flowerPot, soil, tree } from './living.ts';
import { openUnclosable, type SwObject } from './objects.ts';
import { directlyIn, find, GoalSequence, inRoomWith, type BuiltTask, type Goal, type GoalContext } from './tasks.ts';
import type { House, Maker } from './world.ts';

type GrowMode = 'grow plant' | 'grow fruit';
const MODES: Record<string, GrowMode> = { '5-1': 'grow plant', '5-2': 'grow fruit' };
export const GROW_TYPES = new Set(Object.keys(MODES));
/**
 * Built, but not marked playable: grow fruit needs two sown pots, so soil dug outside in two thirds
 * of its variations, then some 50 ticks of growing and the bees; its oracle takes 18-39 rounds, more
 * than AgentGym's 30 in about half of them.
 */
export const BEYOND_ROUND_CAP: ReadonlySet<string> = new Set(['5-2']);

/** TaskGrowPlant's seed rooms and (PlantReproduction's order) trees; the jars sort by tree type. */
const LOCATIONS = ['kitchen', 'bathroom', 'living room', 'bedroom', 'workshop', 'greenhouse'];
const SEEDS = ['apple', 'avocado', 'banana', 'cherry', 'lemon', 'orange', 'peach'];
const POTS = 3;
const SEEDS_PER_JAR = 5;

export interface GrowObjects {
  seedType: string;
  location: string;
  jar: SwObject;
  /** The greenhouse's things: three flower pots (with soil in case 0) and, in case 1, soil. */
  greenhouse: SwObject[];
}

/** TaskGrowPlant.mkSeedJar: a ceramic cup named "seed jar" holding five seeds of one tree. */
function seedJar(m: Maker, type: string): SwObject {
  const jar = m.ceramicCup();
  jar.name = 'seed jar';
  for (let i = 0; i < SEEDS_PER_JAR; i++) jar.add(tree(m, type, 0));
  return jar;
}

/** The variation's jar, then its pots (made in ScienceWorld's order, so in its uuid order). */
export function makeGrowObjects(m: Maker, _typeId: string, variation: number): GrowObjects {
  const seedType = SEEDS[Math.floor(variation / 3 / LOCATIONS.length)];
  const location = LOCATIONS[Math.floor(variation / 3) % LOCATIONS.length];
  const jar = seedJar(m, seedType);
  const potCase = variation % 3;
  const greenhouse: SwObject[] = [];
  for (let i = 0; i < POTS; i++) {
    const pot = flowerPot(m);
    pot.name = `flower pot ${i + 1}`;
    if (potCase === 0) pot.add(soil(m));
    greenhouse.push(pot);
    // Case 1 makes a soil per pot, but TaskObject adds only the first: the others find "soil" there.
    if (potCase === 1) {
      const s = soil(m);
      if (i === 0) greenhouse.push(s);
    }
  }
  return { seedType, location, jar, greenhouse };
}

/** GoalLifeStage: the focus (the same as the last goal's) is a living thing of that type in that stage. */
const lifeStage = (type: string, stage: string, description: string): Goal => ({
  description,
  check: (obj, ctx) => {
    if (!obj?.life || (ctx.lastSatisfied && ctx.lastSatisfied !== obj) || obj.life.type !== type) return null;
    return obj.life.stages[obj.life.cur].name === stage ? 'ok' : null;
  },
});

/** GoalLifeStageAnywhere: at least n living things of that type in that stage in the agent's room. */
const lifeStageAnywhere = (type: string, stage: string, n: number, description: string, key?: string): Goal => ({
  description,
  key,
  check: (_o, ctx) => {
    const found = (ctx.agent.container?.visibleRecursive() ?? []).filter((o) => o.life?.type === type && o.life.stages[o.life.cur].name === stage);
    return found.length >= n ? 'ok' : null;
  },
});

/** The grow and genetics tasks' optional goals: at least n plants as seeds, seedlings, adults, reproducing. */
export const plantCountGoals = (seedType: string, n: number): Goal[] => [
  lifeStageAnywhere(seedType, 'seed', n, `have at least ${n} plants as seeds`),
  lifeStageAnywhere(seedType, 'seedling', n, `have at least ${n} plants as seedlings`),
  lifeStageAnywhere(seedType, 'adult', n, `have at least ${n} plants as adult plants`),
  lifeStageAnywhere(seedType, 'reproducing', n, `have at least ${n} plants as reproducing plants`, `atLeast${n}Reproducing`),
];

/** GoalContainerOpen. */
export const containerOpen = (name: string, description: string, after?: string[]): Goal => ({
  description,
  after,
  check: (_o, ctx: GoalContext) => ((ctx.agent.container?.visibleRecursive() ?? []).some((o) => o.name === name && o.containerProp?.isOpen) ? 'ok' : null),
});

/** setupCombination (everything straight into its room) then setupGoals. */
export function setupGrow(typeId: string, house: House, objs: GrowObjects): BuiltTask {
  const mode = MODES[typeId];
  house.rooms.get(objs.location)!.add(objs.jar);
  for (const o of objs.greenhouse) house.rooms.get('greenhouse')!.add(o);
  const { seedType, location } = objs;
  const pots = objs.greenhouse.filter((o) => o.name.startsWith('flower pot')).map((p) => p.name);
  const unordered: Goal[] = [
    inRoomWith('seed jar', 'be in same location as seed jar'),
    directlyIn('inventory', ['seed jar'], 'have seed jar in inventory', 'haveSeedJar'),
    directlyIn('inventory', ['shovel'], 'have shovel in inventory'),
    directlyIn('inventory', ['soil'], 'have soil in inventory'),
    inRoomWith('soil', 'be in same location as soil'),
    moveToNewLocation('move to a new location'),
    moveToLocation('greenhouse', 'move to the greenhouse', 'move1'),
    moveToLocation('greenhouse', 'move to the greenhouse (after having seed jar)', 'move2', ['haveSeedJar']),
    ...pots.map((p, i) => directlyIn(p, ['soil'], `have soil in flower pot (${i + 1})`)),
    ...pots.map((p, i) => directlyIn(p, ['water'], `have water in flower pot (${i + 1})`)),
    ...pots.map((p, i) => directlyIn(p, [`${seedType} seed`], `have seed in flower pot (${i + 1})`)),
  ];
  let ordered: Goal[];
  let description: string;
  if (mode === 'grow plant') {
    ordered = [
      lifeStage(seedType, 'seed', 'focus plant is in seed stage'),
      lifeStage(seedType, 'seedling', 'focus plant is in seedling stage'),
      lifeStage(seedType, 'adult', 'focus plant is in adult stage'),
      lifeStage(seedType, 'reproducing', 'focus plant is in reproducing stage'),
    ];
    description = `Your task is to grow a ${seedType} plant from seed. Seeds can be found in the ${location}. First, focus on a seed. Then, make changes to the environment that grow the plant until it reaches the reproduction life stage.`;
  } else {
    // GoalFind (failIfWrong): a focus on anything but the fruit fails the task.
    ordered = [find(seedType, 'focus on the grown fruit')];
    description = `Your task is to grow a ${seedType}. This will require growing several plants, and them being crosspollinated to produce fruit.  Seeds can be found in the ${location}. To complete the task, focus on the grown ${seedType}.`;
    for (const n of [1, 2]) {
      unordered.push(...plantCountGoals(seedType, n));
    }
    unordered.push(
      containerOpen('bee hive', 'bee hive open (after reprod. life stage)'),
      inRoomWith('adult bee', 'be in same location as pollinator (after reprod. life stage)', undefined, ['atLeast2Reproducing']),
      inRoomWith(seedType, 'be in same location as fruit'),
    );
  }
  return {
    name: mode.replace(/ /g, '-'),
    description,
    goals: new GoalSequence(ordered, unordered, house.agent),
  };
}

/** Shovelling.doShovel: the ground gets a hole, and the soil dug from it lies beside it. */
export function shovel(patient: SwObject, m: Maker): string {
  const room = patient.container;
  if (patient.kind !== 'ground') return "It's not clear how to shovel that.";
  if (!room) return 'ERROR: The ground does not appear to be in a location.';
  const hole = m.obj('hole', 'hole', { refs: ['hole'] });
  hole.containerProp = openUnclosable();
  room.add(hole);
  room.add(soil(m));
  return 'You dig a hole in the ground, and place the soil nearby.';
}
