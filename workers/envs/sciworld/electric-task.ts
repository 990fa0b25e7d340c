/**
 * The electricity family: power a component (tasks/specifictasks/TaskElectricCircuit.scala, 3-1
 * and 3-2, the latter with a renewable or a nonrenewable generator) and test whether a thing
 * conducts (TaskElectricalConductivity.scala, 3-3, twelve named things; TaskElectricalConductivity2.scala,
 * 3-4, 24 unknown substances whose conductivity the shared random stream draws at load).
 *
 * Variations follow each class's combination order; task objects go where TaskObject puts them:
 * in the room itself, unless a thing of that name is already somewhere in the room (the
 * conductivity task's named things are added regardless).
 */
import { isGenerator, sideOnWire, wiredToNamed, wireEnds } from './electric.ts';
import type { TaskFamily } from './families.ts';
import { moveToNewLocation } from './find-task.ts';
import { JavaRandom } from './java-random.ts';
import { answerBox } from './living.ts';
import { streamBefore } from './load-stream.ts';
import { device, type SwObject } from './objects.ts';
import { agentRoomObjects, GoalSequence, inRoomWith, isNamed, roomHasNamed, type BuiltTask, type Goal, type GoalContext } from './tasks.ts';
import { buildHouse, electrical, type House, type Maker } from './world.ts';
import { electricScriptFor } from './oracle-electric.ts';

export const ELECTRIC_TYPES = new Set(['3-1', '3-2', '3-3', '3-4']);

export const electricFamily: TaskFamily = {
  types: ELECTRIC_TYPES,
  build(maker, typeId, variation) {
    const objects = makeElectricObjects(maker, typeId, variation);
    const house = buildHouse(maker, new JavaRandom(variation));
    return { house, task: setupElectric(typeId, variation, house, objects) };
  },
  script: electricScriptFor,
};

const WORKSHOP = 'workshop';

// ---------------------------------------------------------------- objects

const component = (m: Maker, name: string, kind: string, refs: string[], activable = false) => {
  const o = electrical(m, name, kind, refs);
  o.deviceProp = device(activable, false);
  return o;
};
const lightBulb = (m: Maker, colour: string) => component(m, `${colour} light bulb`, 'light bulb', ['light', 'light bulb']);
/** Solar panels and wind generators switch themselves on outside; gas and nuclear ones are switched on. */
const generator = (m: Maker, name: string, renewable: boolean) => {
  const o = component(m, name, 'generator', ['generator'], !renewable);
  if (renewable) o.extra.renewable = 1;
  return o;
};

/** The parts to power, in the order the tasks make them (the battery they also make is always already in the workshop). */
const PARTS = ['red light bulb', 'green light bulb', 'blue light bulb', 'electric motor', 'electric buzzer'];
function part(m: Maker, name: string): SwObject {
  if (name === 'electric motor') return component(m, name, 'motor', ['motor', 'electric motor']);
  if (name === 'electric buzzer') return component(m, name, 'buzzer', ['buzzer', 'electric buzzer']);
  return lightBulb(m, name.split(' ')[0]);
}

/** The named things of 3-3 with their makers, sorted by name as the task sorts them (water is found, not made). */
const THINGS: [string, ((m: Maker) => SwObject) | null][] = [
  ['aluminum foil', (m) => m.obj('aluminum foil', 'misc', { mat: 'AluminumProp' })],
  [
    'apricot',
    (m) => {
      const o = m.obj('apricot', 'apple', { mat: 'PlantMatterProp' });
      Object.assign(o.extra, { fruit: 'apricot', color: 'orange', edible: 1 });
      return o;
    },
  ],
  [
    'book (The Foundations of the Origin of Species)',
    (m) => {
      const o = m.obj('book (The Foundations of the Origin of Species)', 'book', { mat: 'PaperProp' });
      Object.assign(o.extra, { title: 'The Foundations of the Origin of Species', author: 'Charles Darwin' });
      return o;
    },
  ],
  ['glass jar', (m) => m.glassJar()],
  ['metal fork', (m) => m.obj('metal fork', 'misc', { mat: 'SteelProp', refs: ['steel fork'] })],
  ['metal pot', (m) => m.metalPot()],
  ['paper clip', (m) => m.obj('paper clip', 'misc', { mat: 'SteelProp', refs: ['steel paper clip'] })],
  ['plastic fork', (m) => m.obj('plastic fork', 'misc', { mat: 'PlasticProp', refs: ['plastic fork'] })],
  ['shovel', (m) => m.shovel()],
  ['sodium chloride', (m) => m.substance('sodium chloride', 'SodiumChlorideProp')],
  ['water', null],
  ['wood block', (m) => m.obj('wood block', 'thing', { mat: 'WoodProp', refs: ['block'] })],
];
const THING_LOCATIONS = ['workshop', 'kitchen', 'living room'];
/** WaterProp's conductivity (the water is not made, so its material is not at hand). */
const WATER_CONDUCTS = false;

/** 3-4's unknown substances, B to Z without I. */
const LETTERS = 'BCDEFGHJKLMNOPQRSTUVWXYZ'.split('');

/** Whether each unknown substance conducts: a nextFloat each at load, at least 0.5 conducts. */
export function unknownConducts(variation: number): boolean[] {
  const rng = streamBefore('TaskElectricalConductivity2', variation);
  return LETTERS.map(() => rng.nextFloat() >= 0.5);
}

const BOX_COLOURS = ['red', 'green', 'blue', 'orange', 'yellow', 'purple'];

// ---------------------------------------------------------------- goals (GoalElectricallyConnected.scala and kin)

const called = (o: SwObject, name: string) => isNamed(o, name.toLowerCase());
const sameAsLast = (obj: SwObject, ctx: GoalContext) => !ctx.lastSatisfied || ctx.lastSatisfied === obj;

/** GoalFind: focusing on anything else fails the task. */
const focusOn = (name: string): Goal => ({
  description: 'focus on task object',
  check: (obj) => (!obj ? null : obj.name.toLowerCase() === name.toLowerCase() ? 'ok' : 'fail'),
});

/** GoalActivateDevice. */
const powered = (name: string): Goal => ({
  description: 'power task object',
  check: (obj) => (obj?.deviceProp && obj.name === name && obj.deviceProp.isActivated ? 'ok' : null),
});

/** GoalElectricallyConnected (fails the task when the powered part is wired to anything else). */
const poweredBy = (source: string): Goal => ({
  description: 'use correct power source',
  check: (obj, ctx) => (!obj || !sameAsLast(obj, ctx) ? null : wiredToNamed(obj, source) ? 'ok' : 'fail'),
});

/** GoalObjectInContainerByName: in the right box (at any depth), or failure in the wrong one. */
const inBox = (box: string, wrong: string): Goal => ({
  description: 'put object in correct container',
  check: (obj, ctx) => {
    if (!obj || !sameAsLast(obj, ctx)) return null;
    const chain: SwObject[] = [];
    for (let c = obj.container; c && chain.length < 20; c = c.container) chain.push(c);
    if (chain.some((c) => c.name === wrong)) return 'fail';
    return chain.some((c) => c.name.toLowerCase() === box.toLowerCase()) ? 'ok' : null;
  },
});

/** GoalObjectConnectedToWire on one side (0: terminal 1 / anode, 1: terminal 2 / cathode). */
const sideWired = (name: string, side: 0 | 1, description: string): Goal => ({
  description,
  check: (_o, ctx) => (roomHasNamed(ctx, name.toLowerCase(), (o) => sideOnWire(o, side)) ? 'ok' : null),
});

/** GoalWireConnects...: some wire in the room joins a part passing `a` to one passing `b`. */
const wireJoins = (a: (o: SwObject) => boolean, b: (o: SwObject) => boolean, description: string): Goal => ({
  description,
  check: (_o, ctx) =>
    agentRoomObjects(ctx).some((w) => {
      if (w.kind !== 'wire') return false;
      const ends = wireEnds(w);
      return ends.some(a) && ends.some(b);
    })
      ? 'ok'
      : null,
});
const isBulb = (o: SwObject) => o.kind === 'light bulb';
const source = (name: string) => (o: SwObject) => isGenerator(o) && (name === '' || called(o, name));

// ---------------------------------------------------------------- set-up

/** TaskObject: into the room, unless something of that name is already in it (or `force`). */
function place(house: House, roomName: string, obj: SwObject, force = false): void {
  const r = house.rooms.get(roomName)!;
  if (!force && r.holdsNamed(obj.name)) return;
  r.add(obj);
}

interface ElectricObjects {
  parts: SwObject[];
  extra: SwObject[];
  thing: SwObject | null;
  boxes: SwObject[];
}

/** The variation's task objects, in the order the task class makes them (so in its uuid order). */
export function makeElectricObjects(m: Maker, typeId: string, variation: number): ElectricObjects {
  if (typeId === '3-1' || typeId === '3-2') {
    const parts = PARTS.map((p) => part(m, p));
    const renewable = [generator(m, 'solar panel', true), generator(m, 'wind generator', true)][Math.floor(variation / 2) % 2];
    const nonrenewable = [generator(m, 'gas generator', false), generator(m, 'nuclear generator', false)][variation % 2];
    return { parts, extra: [renewable, nonrenewable], thing: null, boxes: [] };
  }
  const parts = [part(m, PARTS[Math.floor(variation / 5) % 5])];
  let thing: SwObject | null;
  if (typeId === '3-3') {
    const make = THINGS[Math.floor(variation / 75)][1];
    thing = make ? make(m) : null;
  } else {
    const i = Math.floor(variation / 25);
    thing = m.obj(`unknown substance ${LETTERS[i]}`, 'bare', { mat: 'MetalProp', refs: ['unknown substance'] });
    thing.material!.electricallyConductive = unknownConducts(variation)[i];
  }
  const k = variation % 5;
  return { parts, extra: [], thing, boxes: [answerBox(m, BOX_COLOURS[k]), answerBox(m, BOX_COLOURS[k + 1])] };
}

/** setupCombination then setupGoals. */
export function setupElectric(typeId: string, variation: number, house: House, objs: ElectricObjects): BuiltTask {
  for (const p of objs.parts) place(house, WORKSHOP, p);
  for (const g of objs.extra) place(house, WORKSHOP, g);
  if (typeId === '3-1' || typeId === '3-2') return circuitTask(typeId, variation, house);
  return conductivityTask(typeId, variation, house, objs);
}

function circuitTask(typeId: string, variation: number, house: House): BuiltTask {
  const target = PARTS[Math.floor(variation / 4)];
  const renewable = typeId === '3-2';
  const lower = (s: string) => (renewable ? s[0].toLowerCase() + s.slice(1) : s);
  const ordered = [focusOn(target), powered(target)];
  let description = `Your task is to turn on the ${target}. First, focus on the ${target}. Then, create an electrical circuit that powers it on.`;
  let sourceName = '';
  if (renewable) {
    const useRenewable = variation % 2 === 0;
    sourceName = useRenewable ? ['solar panel', 'wind generator'][Math.floor(variation / 2) % 2] : ['gas generator', 'nuclear generator'][variation % 2];
    ordered.push(poweredBy(sourceName));
    description = `Your task is to turn on the ${target} by powering it using a ${useRenewable ? 'renewable' : 'nonrenewable'} power source. First, focus on the ${target}. Then, create an electrical circuit that powers it on.`;
  }
  const unordered = [
    moveToNewLocation('move to a new location'),
    inRoomWith(target, 'be in same location as part to power'),
    sideWired(target, 0, lower("Connect the task object's (terminal1/anode) to a wire")),
    sideWired(target, 1, lower("Connect the task object's (terminal2/cathode) to a wire")),
    wireJoins((o) => called(o, target), source(sourceName), lower('Task object is at least partially connected to power source through wire')),
  ];
  return { name: renewable ? 'power-component-renewable-vs-nonrenewable-energy' : 'power-component', description, goals: new GoalSequence(ordered, unordered, house.agent) };
}

function conductivityTask(typeId: string, variation: number, house: House, objs: ElectricObjects): BuiltTask {
  const [boxC, boxNC] = objs.boxes;
  let name: string;
  let location: string;
  let conducts: boolean;
  if (typeId === '3-3') {
    const n = Math.floor(variation / 25);
    name = THINGS[Math.floor(n / 3)][0];
    location = THING_LOCATIONS[n % 3];
    conducts = objs.thing ? objs.thing.material!.electricallyConductive : WATER_CONDUCTS;
    place(house, WORKSHOP, boxC);
    place(house, WORKSHOP, boxNC);
    if (objs.thing) place(house, location, objs.thing, true);
  } else {
    name = objs.thing!.name;
    location = WORKSHOP;
    conducts = objs.thing!.material!.electricallyConductive;
    place(house, WORKSHOP, objs.thing!);
    place(house, WORKSHOP, boxC);
    place(house, WORKSHOP, boxNC);
  }
  const [right, wrong] = conducts ? [boxC.name, boxNC.name] : [boxNC.name, boxC.name];
  const ordered = [focusOn(name), inBox(right, wrong)];
  const unordered = [
    moveToNewLocation('move to a new location'),
    inRoomWith(name, 'be in same location as part to power'),
    sideWired(name, 0, "connect the task object's (terminal1/anode) to a wire"),
    sideWired(name, 1, "connect the task object's (terminal2/cathode) to a wire"),
    wireJoins((o) => called(o, name), source(''), 'task object is at least partially connected to power source through wire'),
    wireJoins((o) => called(o, name), isBulb, 'task object is at least partially connected to a light bulb through wire'),
    wireJoins(source(''), isBulb, 'light bulb is at least partially connected to a power source through wire'),
  ];
  const description =
    `Your task is to determine if ${name} is electrically conductive. The ${name} is located around the ${location}. First, focus on the ${name}. ` +
    `If it is electrically conductive, place it in the ${boxC.name}. If it is electrically nonconductive, place it in the ${boxNC.name}.`;
  return { name: typeId === '3-3' ? 'test-conductivity' : 'test-conductivity-of-unknown-substances', description, goals: new GoalSequence(ordered, unordered, house.agent) };
}
