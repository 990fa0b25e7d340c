/**
 * The chemistry family: make a substance by mixing (tasks/specifictasks/TaskChemistryMix.scala,
 * 6-1) or make a secondary or tertiary paint colour (TaskChemistryMixPaint.scala, 6-2 and 6-3),
 * then focus on the result; focusing on anything else fails the task.
 *
 * 6-1, variation v: 32 recipes in ScienceWorld's order (train, dev, test sets, each for the
 * kitchen then the workshop); the ingredients the room lacks and a recipe are put on its floor
 * (water and paint are to be found elsewhere).
 * 6-2/6-3, variation v: colour floor(v / 6) (green-blue, yellow-green, red-orange, yellow-orange,
 * violet-red, blue-violet), extra paint set v % 6 (a paint cupboard, paint closet or desk of
 * paint cups in the art studio, then the same in the workshop with a mixing container).
 */
import { things } from './chemistry.ts';
import type { TaskFamily } from './families.ts';
import { moveToLocation, moveToNewLocation } from './find-task.ts';
import { JavaRandom } from './java-random.ts';
import { streamBefore } from './load-stream.ts';
import type { SwObject } from './objects.ts';
import { chemistryScriptFor } from './oracle-chemistry.ts';
import { aloneInContainer, find, GoalSequence, inRoomWith, type BuiltTask, type Goal } from './tasks.ts';
import { buildHouse, type House, type Maker } from './world.ts';

// ---------------------------------------------------------------- 6-1: chemistry mix

type Make = (m: Maker) => SwObject;
/** An ingredient: its name and how it is made, or null when the task leaves it to be found. */
type Ingredient = [string, Make | null];
interface Recipe {
  result: string;
  inputs: Ingredient[];
}

const WATER: Ingredient = ['water', null];
const recipe = (result: string, ...inputs: Ingredient[]): Recipe => ({ result, inputs });

const TRAIN: Recipe[] = [
  recipe('salt water', ['sodium chloride', things.sodiumChloride], WATER),
  recipe('soapy water', ['soap', things.soap], WATER),
  recipe('mixed nuts', ['peanut', things.peanut], ['almond', things.almond], ['cashew', things.cashew]),
  recipe('sodium acetate', ['acetic acid', things.aceticAcid], ['sodium bicarbonate', things.sodiumBicarbonate]),
  recipe('banana sandwich', ['banana', things.banana], ['bread', things.bread]),
  recipe('blue paper', ['paper', things.paper], ['blue paint', null]),
  recipe('peanut butter sandwich', ['peanut', things.peanut], ['bread', things.bread]),
  recipe('peanut butter with jam sandwich', ['peanut', things.peanut], ['jam', things.jam], ['bread', things.bread]),
];
const DEV: Recipe[] = [
  recipe('smores', ['chocolate', things.chocolate], ['marshmallow', things.marshmallow]),
  recipe('dough', ['flour', things.flour], WATER),
  recipe('fruit salad', ['apple', things.apple], ['orange', things.orange], ['banana', things.banana]),
  recipe('jam sandwich', ['jam', things.jam], ['bread', things.bread]),
];
const TEST: Recipe[] = [
  recipe('sugar water', ['sugar', things.sugar], WATER),
  recipe('peanut butter with banana sandwich', ['peanut', things.peanut], ['banana', things.banana], ['bread', things.bread]),
  recipe('rust', ['iron block', things.ironBlock], WATER),
  recipe('red paper', ['paper', things.paper], ['red paint', null]),
];
const MIX_LOCATIONS = ['kitchen', 'workshop'];
/** The variations in ScienceWorld's order: each set once per location. */
const MIX_VARIATIONS: [Recipe, string][] = [TRAIN, DEV, TEST].flatMap((set) => MIX_LOCATIONS.flatMap((loc) => set.map((r): [Recipe, string] => [r, loc])));

interface MixObjects {
  recipe: Recipe;
  location: string;
  /** The ingredients made (in creation order), then the recipe. */
  made: SwObject[];
}

function makeMixObjects(m: Maker, variation: number): MixObjects {
  const [r, location] = MIX_VARIATIONS[variation];
  const made = r.inputs.flatMap(([, make]) => (make ? [make(m)] : []));
  made.push(things.recipe(m, r.result, r.inputs.map(([name]) => name)));
  return { recipe: r, location, made };
}

/** TaskObject with no container names: on the room's floor, unless the room already holds one so named. */
function addUnlessPresent(room: SwObject, obj: SwObject): void {
  if (room.holdsNamed(obj.name)) return;
  room.add(obj);
}

/** GoalPastActionReadObject: a document so named has been read. */
const readObject = (name: string, description: string): Goal => ({
  description,
  check: (_o, ctx) => (ctx.read.some((d) => d.name.toLowerCase() === name || d.descriptName().toLowerCase() === name) ? 'ok' : null),
});

function setupMix(house: House, objs: MixObjects): BuiltTask {
  const room = house.rooms.get(objs.location)!;
  for (const o of objs.made) addUnlessPresent(room, o);
  const { result } = objs.recipe;
  const inputs = objs.recipe.inputs.map(([name]) => name);
  const unordered = [
    moveToNewLocation('move to a new location'),
    ...inputs.map((i) => inRoomWith(i)),
    aloneInContainer(inputs, 'have all ingredients alone in a single container'),
    inRoomWith(result),
    readObject('recipe', 'read recipe'),
  ];
  return {
    name: 'chemistry-mix',
    description: `Your task is to use chemistry to create the substance '${result}'. A recipe and some of the ingredients might be found near the ${objs.location}. When you are done, focus on the ${result}.`,
    goals: new GoalSequence([find(result, `focus on result chemical (${result})`)], unordered, house.agent),
  };
}

// ---------------------------------------------------------------- 6-2, 6-3: paint mixing

interface PaintColour {
  secondaryInputs: string[];
  tertiaryInputs: string[];
  secondary: string;
  tertiary: string;
}
const colour = (secondary: string, secondaryInputs: string, tertiary: string, tertiaryInputs: string): PaintColour => ({
  secondary: `${secondary} paint`,
  tertiary: `${tertiary} paint`,
  secondaryInputs: secondaryInputs.split(',').map((c) => `${c} paint`),
  tertiaryInputs: tertiaryInputs.split(',').map((c) => `${c} paint`),
});
const COLOURS: PaintColour[] = [
  colour('green', 'blue,yellow', 'green-blue', 'green,blue'),
  colour('green', 'blue,yellow', 'yellow-green', 'green,yellow'),
  colour('orange', 'red,yellow', 'red-orange', 'orange,red'),
  colour('orange', 'red,yellow', 'yellow-orange', 'orange,yellow'),
  colour('violet', 'red,blue', 'violet-red', 'violet,red'),
  colour('violet', 'red,blue', 'blue-violet', 'violet,blue'),
];
const PAINT_LOCATIONS = ['art studio', 'workshop'];

interface PaintObjects {
  location: string;
  /** What goes on the location's floor: the paint furniture, then (away from the art studio) a mixing container. */
  placed: SwObject[];
}

/**
 * The mode's objects: the three mixing containers (shuffled from the shared stream), then per
 * location a paint cupboard of wood cups, a paint closet of glass cups and a desk of tin cups. The
 * location's three paints go into each set's cups in turn, so only the desk's cups keep them.
 */
function makePaintObjects(m: Maker, typeId: string, variation: number): PaintObjects {
  const rng = streamBefore('TaskChemistryMixPaint', variation);
  const containers = [m.glassCup(), m.woodBowl(), m.jug()];
  // 6-2's instance is made first: 6-3's shuffle draws after 6-2's.
  if (typeId === '6-3') rng.shuffle(containers);
  const mixing = rng.shuffle(containers);
  const set = variation % 6;
  const loc = Math.floor(set / 3);
  // Only this location's set is made: the other's would take uuids but nothing here sees them.
  const paints = ['red', 'blue', 'yellow'].map((c) => m.paint(c));
  const furnished = (furniture: SwObject, name: string | null, cup: () => SwObject) => {
    for (const p of paints) {
      const c = cup();
      c.add(p);
      furniture.add(c);
    }
    if (name) furniture.name = name;
    return furniture;
  };
  const sets = [furnished(m.cupboard(), 'paint cupboard', () => m.woodCup()), furnished(m.closet(), 'paint closet', () => m.glassCup()), furnished(m.desk(), null, () => m.tinCup())];
  const location = PAINT_LOCATIONS[loc];
  const placed = [sets[set % 3]];
  if (location !== 'art studio') placed.push(mixing[set % 3]);
  return { location, placed };
}

function setupPaint(typeId: string, variation: number, house: House, objs: PaintObjects): BuiltTask {
  const room = house.rooms.get(objs.location)!;
  for (const o of objs.placed) addUnlessPresent(room, o);
  const c = COLOURS[Math.floor(variation / 6)];
  if (typeId === '6-2') {
    const unordered = [
      moveToNewLocation('move to a new location'),
      ...c.secondaryInputs.map((i) => inRoomWith(i)),
      aloneInContainer(c.secondaryInputs, 'have all ingredients alone in a single container'),
      inRoomWith(c.secondary),
    ];
    return {
      name: 'chemistry-mix-paint-secondary-color',
      description: `Your task is to use chemistry to create ${c.secondary}. When you are done, focus on the ${c.secondary}.`,
      goals: new GoalSequence([find(c.secondary, `focus on the mixing result (${c.secondary})`)], unordered, house.agent),
    };
  }
  const ordered = [find(c.secondary, `focus on the intermediate mixing result (${c.secondary})`, true), find(c.tertiary, `focus on the final mixing result (${c.tertiary})`)];
  const unordered = [
    moveToNewLocation('move to a new location (unless starting in task location)', objs.location),
    moveToLocation(objs.location, 'move to the location of the paint'),
    ...c.secondaryInputs.map((i) => inRoomWith(i)),
    aloneInContainer(c.secondaryInputs, 'have all ingredients (secondary) alone in a single container'),
    inRoomWith(c.secondary, `be in same location as (secondary) ${c.secondary}`, 'secondary'),
    ...c.tertiaryInputs.map((i) => inRoomWith(i, `be in same location as (tertiary) ${i}`, `tertiary_${i}`, ['secondary'])),
    aloneInContainer(c.tertiaryInputs, 'have all ingredients (tertiary) alone in a single container'),
    inRoomWith(c.tertiary),
  ];
  return {
    name: 'chemistry-mix-paint-tertiary-color',
    // ScienceWorld's text names the secondary colour as the final focus.
    description: `Your task is to use chemistry to create ${c.tertiary}. When you are part-way done, focus on the intermediate (secondary color) paint you created.  When you are completely done, focus on the ${c.secondary}.`,
    goals: new GoalSequence(ordered, unordered, house.agent),
  };
}

// ---------------------------------------------------------------- the family

export const chemistry: TaskFamily = {
  types: new Set(['6-1', '6-2', '6-3']),
  build(maker, typeId, variation) {
    if (typeId === '6-1') {
      const objs = makeMixObjects(maker, variation);
      const house = buildHouse(maker, new JavaRandom(variation));
      return { house, task: setupMix(house, objs) };
    }
    const objs = makePaintObjects(maker, typeId, variation);
    const house = buildHouse(maker, new JavaRandom(variation));
    return { house, task: setupPaint(typeId, variation, house, objs) };
  },
  script: chemistryScriptFor,
};
