/**
 * The life family: lifespans (tasks/specifictasks/TaskLifeSpan.scala: focus on the animal that
 * lives longest, shortest, or longest then shortest, among three outside) and life stages 1
 * (TaskIdentifyLifeStages1.scala: focus on one animal's life stages in order while it grows,
 * among up to five other species) and 2 (TaskIdentifyLifeStages2.scala: focus on a fruit tree's
 * life stages in order, one tree potted in each stage, among one species' animals in each of theirs).
 */
import { moveToLocation, moveToNewLocation } from './find-task.ts';
import { JavaRandom } from './java-random.ts';
import { drawPotNumbers, streamBefore } from './load-stream.ts';
import { animal, animalAtEachStage, ANIMALS, lifeCycleOf, PLANT_STAGES, selfWateringPot, soil, tree } from './living.ts';
import type { SwObject } from './objects.ts';
import { GoalSequence, type BuiltTask, type Goal } from './tasks.ts';
import type { House, Maker } from './world.ts';

const LOCATION = 'outside';

// ---------------------------------------------------------------- lifespans (7-1, 7-2, 7-3)

type SpanMode = 'longest' | 'shortest' | 'longest then shortest';
const SPAN_MODES: Record<string, SpanMode> = { '7-1': 'longest', '7-2': 'shortest', '7-3': 'longest then shortest' };
export const LIFESPAN_TYPES = new Set(Object.keys(SPAN_MODES));

/** TaskLifeSpan's long-, medium- and short-lived examples, in its order. */
const LONG = ['giant tortoise', 'parrot', 'elephant', 'crocodile', 'brown bear'];
const MEDIUM = ['beaver', 'wolf', 'chipmunk', 'common toad', 'rabbit'];
const SHORT = ['hedgehog', 'mouse', 'chameleon', 'dragonfly', 'ant'];

/** The 125 (long, medium, short) combinations, long-major, shuffled by Random(0) as TaskLifeSpan does. */
const SPAN_COMBINATIONS: readonly [number, number, number][] = new JavaRandom(0).shuffle(
  Array.from({ length: 125 }, (_, n): [number, number, number] => [Math.floor(n / 25), Math.floor(n / 5) % 5, n % 5]),
);

export interface LifeObjects {
  /** The task's animals in the order the task adds them outside. */
  animals: SwObject[];
  /** The names the goals ask for. */
  names: Record<string, string>;
}

/** The variation's three animals (made at load, long-lived first, so in that uuid order). */
export function makeSpanObjects(m: Maker, variation: number): LifeObjects {
  const [i, j, k] = SPAN_COMBINATIONS[variation];
  const names = { long: LONG[i], medium: MEDIUM[j], short: SHORT[k] };
  const animals = [names.long, names.medium, names.short].map((n) => animal(m, n, lifeCycleOf(n)));
  return { animals, names };
}

/** GoalFind: the focus must carry the name (any other focus fails the task). */
const focusNamed = (name: string, description: string, defocus = false): Goal => ({
  description,
  defocus,
  check: (obj) => (!obj ? null : obj.name.toLowerCase() === name.toLowerCase() ? 'ok' : 'fail'),
});

/** Both life families' first two optional goals. */
const toLocation = (unless: string): Goal[] => [
  moveToNewLocation('Move to a new location (unless starting in task location)', unless),
  moveToLocation(LOCATION, 'Move to the location asked by the task'),
];

/** setupCombination (the animals straight into the outside, no draws) then setupGoals. */
export function setupSpan(typeId: string, house: House, objs: LifeObjects): BuiltTask {
  const mode = SPAN_MODES[typeId];
  for (const a of objs.animals) house.rooms.get(LOCATION)!.add(a);
  const { long, short } = objs.names;
  const longest = 'focus on animal with longest life span';
  const shortest = 'focus on animal with shortest life span';
  const ordered =
    mode === 'longest' ? [focusNamed(long, longest)] : mode === 'shortest' ? [focusNamed(short, shortest)] : [focusNamed(long, longest, true), focusNamed(short, shortest)];
  const where = `The animals are in the '${LOCATION}' location.`;
  // AgentInterface.getTaskDescription trims the task's text.
  const description =
    mode === 'longest then shortest'
      ? `Your task is to find the animal with the longest life span, then the shortest life span. First, focus on the animal with the longest life span.  Then, focus on the animal with the shortest life span. ${where}`
      : `Your task is to find the animal with the ${mode} life span.  ${where}  Focus on the animal with the ${mode} life span.`;
  return {
    name: `lifespan-${mode === 'longest then shortest' ? 'longest-lived-then-shortest-lived' : `${mode}-lived`}`,
    description,
    goals: new GoalSequence(ordered, toLocation(LOCATION), house.agent),
  };
}

// ---------------------------------------------------------------- life stages of an animal (8-1)

export const STAGES1_TYPES = new Set(['8-1']);

/** TaskIdentifyLifeStages1's fourteen species (the find list's order), shuffled by Random(1). */
const STAGES1_ORDER: readonly number[] = new JavaRandom(1).shuffle(ANIMALS.map((_, i) => i));
const DISTRACTORS = 5;

export interface StagesObjects {
  target: SwObject;
  distractors: SwObject[];
}

/**
 * The variation's animal, then (mkDistractorAnimals) all fourteen species made afresh, shuffled by
 * Random(species index), the first five; one of the task's own species is not added (TaskObject
 * finds that name outside already).
 */
export function makeStagesObjects(m: Maker, variation: number): StagesObjects {
  const s = STAGES1_ORDER[variation];
  const target = animal(m, ANIMALS[s][0], ANIMALS[s][1]);
  const all = ANIMALS.map(([name, stages]) => animal(m, name, stages));
  const distractors = new JavaRandom(s).shuffle(all).slice(0, DISTRACTORS).filter((a) => a.name !== target.name);
  return { target, distractors };
}

/** GoalFindLivingThingStage: a living thing of that type in that stage; any other focus fails. */
const focusStage = (type: string, stage: string, description: string): Goal => ({
  description,
  defocus: true,
  check: (obj) => {
    if (!obj) return null;
    const l = obj.life;
    return l && l.type === type.toLowerCase() && l.stages[l.cur].name === stage ? 'ok' : 'fail';
  },
});

/** GoalStayInLocation: counts each check made while the agent is there (restarts when it leaves). */
function stayIn(location: string, minSteps: number): Goal {
  let ticks = 0;
  return {
    description: `Stay in goal location for ${minSteps} steps`,
    check: (_o, ctx) => {
      if (ctx.agent.container?.name !== location) {
        ticks = 0;
        return null;
      }
      ticks++;
      return ticks >= minSteps ? 'ok' : null;
    },
  };
}

/** The life-stage tasks' optional goals: get there, then stay 10, 20 and 30 steps. */
export const stagesUnordered = (unless: string): Goal[] => [...toLocation(unless), ...[10, 20, 30].map((n) => stayIn(LOCATION, n))];

/** A life cycle's stage names but the last (usually death), which the task does not ask for. */
export const stagesToFind = (o: SwObject): string[] => o.life!.stages.slice(0, -1).map((s) => s.name);

export function setupStages1(house: House, objs: StagesObjects): BuiltTask {
  const outside = house.rooms.get(LOCATION)!;
  outside.add(objs.target);
  for (const a of objs.distractors) outside.add(a);
  const type = objs.target.name;
  const ordered = stagesToFind(objs.target).map((st, i) => focusStage(type, st, `focus on animal in life stage ${i + 1}`));
  return {
    name: 'identify-life-stages-1',
    description: `Your task is to focus on the ${ordered.length} life stages of the ${type}, starting from earliest to latest.`,
    goals: new GoalSequence(ordered, stagesUnordered(LOCATION), house.agent),
  };
}

// ---------------------------------------------------------------- life stages of a plant (8-2)

export const STAGES2_TYPES = new Set(['8-2']);

/** TaskIdentifyLifeStages2's fruit trees in its order, each with the seed of its distractor draw. */
const STAGES2_TREES: readonly [string, number][] = [
  ['apple', 0],
  ['apricot', 6],
  ['avocado', 1],
  ['banana', 2],
  ['cherry', 3],
  ['grapefruit', 6],
  ['lemon', 4],
  ['orange', 5],
  ['peach', 6],
  ['pear', 6],
];

export interface PlantStagesObjects {
  type: string;
  pots: SwObject[];
  animals: SwObject[];
}

/**
 * The variation's tree in each life stage (seed to dead), each potted with soil in a self-watering
 * pot numbered from the shared stream; then one species' animals in each of their stages
 * (mkDistractorAnimals: the fourteen species shuffled by Random(seed), the first).
 */
export function makeStages2Objects(m: Maker, variation: number): PlantStagesObjects {
  const rng = streamBefore('TaskIdentifyLifeStages2', variation);
  for (let v = 0; v < variation; v++) drawPotNumbers(rng);
  const [type, seed] = STAGES2_TREES[variation];
  const trees = PLANT_STAGES.map((_, i) => tree(m, type, i));
  const numbers = drawPotNumbers(rng);
  const pots = trees.map((t, i) => {
    const pot = selfWateringPot(m);
    pot.add(soil(m));
    pot.add(t);
    pot.name = `self watering flower pot ${numbers[i]}`;
    return pot;
  });
  const [species] = new JavaRandom(seed).shuffle(ANIMALS)[0];
  return { type, pots, animals: animalAtEachStage(m, species) };
}

export function setupStages2(house: House, objs: PlantStagesObjects): BuiltTask {
  const outside = house.rooms.get(LOCATION)!;
  for (const o of [...objs.pots, ...objs.animals]) outside.add(o);
  const stages = PLANT_STAGES.slice(0, -1);
  const ordered = stages.map((st, i) => focusStage(objs.type, st, `focus on plant in life stage ${i + 1}`));
  return {
    name: 'identify-life-stages-2',
    description: `Your task is to focus on the life stages of the ${objs.type} plant, starting from earliest to latest. The plants are located ${LOCATION}.`,
    // ScienceWorld passes the plant's name as the location the first goal spares (no room has it).
    goals: new GoalSequence(ordered, stagesUnordered(objs.type), house.agent),
  };
}
