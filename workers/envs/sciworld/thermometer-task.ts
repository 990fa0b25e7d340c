/**
 * The thermometer family (tasks/specifictasks/TaskUseInstrumentThermometer{,2,3}.scala):
 * 2-1 measure an object's temperature and put it in the box for above or below a point;
 * 2-2 / 2-3 find whether a known / unknown substance's melting point is above or below a point and
 * focus on that box. A variation is one of the class's combinations (object x point x box pair),
 * the objects sorted by name and the whole subsampled as subsampleWithinTrainDevTest does. The
 * objects' temperatures (2-1) and random cups (2-2, 2-3) are the class's draws from the shared
 * load stream; only the variation's own object and boxes are made.
 */
import { things } from './chemistry.ts';
import { moveToLocation, moveToNewLocation } from './find-task.ts';
import { JavaRandom } from './java-random.ts';
import { drawRandTemp, drawUnknownThermal, streamBefore, UNKNOWN_LETTERS, UNKNOWN_MELTING_POINTS } from './load-stream.ts';
import { answerBox } from './living.ts';
import { MATERIALS } from './materials.ts';
import type { SwObject } from './objects.ts';
import { activated, aloneInContainer, directlyIn, find, GoalSequence, inCup, inRoomWith, objectIn, onFire, place, randomCup, tempChange, type BuiltTask, type Goal } from './tasks.ts';
import type { House, Maker } from './world.ts';

/** One entry of a class's objectToTest list, in creation order. */
interface Candidate {
  name: string;
  location: string;
  /** 2-2 / 2-3: the melting point the goal compares (the material's, as made). */
  meltingPoint?: number;
  /** Replays this object's load-time draws; the value feeds `make` (2-1 a temperature, else a cup index or -1). */
  draw: (rng: JavaRandom) => number;
  /** Makes the object as the Scala constructor did; null when nothing is generated (2-2's water, orange juice). */
  make: ((m: Maker, drawn: number) => SwObject) | null;
  /** The TaskObject's sub-containers of the room (2-2's chocolate goes in the fridge), else the room itself. */
  containers?: string[];
  forceAdd?: boolean;
}

interface Spec {
  className: string;
  points: number[];
  boxRooms: string[];
  proportion: number;
  /** In creation order. */
  candidates: Candidate[];
}

const COLOURS = ['red', 'green', 'blue', 'orange', 'yellow', 'purple'];
const noDraw = () => 0;

function withTemp(o: SwObject, t: number): SwObject {
  o.material!.temperatureC = t;
  return o;
}

/** TaskUseInstrumentThermometer: three rooms x five points x (salt, metal fork, wood, wire, 20 x unknown substance B). */
function useThermometerSpec(): Spec {
  const points = [-50, 0, 50, 100, 200];
  const makers: [string, (m: Maker) => SwObject, boolean][] = [
    ['sodium chloride', things.sodiumChloride, true],
    ['metal fork', (m) => m.obj('metal fork', 'fork', { mat: 'SteelProp', refs: ['steel fork'] }), false],
    ['wood', (m) => m.substance('wood', 'WoodProp'), false],
    ['wire', (m) => m.obj('wire', 'wire', { mat: 'MetalProp', refs: ['component'] }), false],
  ];
  const unknown: (typeof makers)[number] = ['unknown substance B', (m) => m.obj('unknown substance B', 'bare', { mat: 'MetalProp', refs: ['unknown substance'] }), false];
  const candidates: Candidate[] = [];
  for (const location of ['living room', 'bedroom', 'bathroom']) {
    for (const point of points) {
      for (const [name, make, forceAdd] of [...makers, ...Array<typeof unknown>(20).fill(unknown)]) {
        candidates.push({ name, location, forceAdd, draw: (rng) => drawRandTemp(rng, point), make: (m, t) => withTemp(make(m), t) });
      }
    }
  }
  return { className: 'TaskUseInstrumentThermometer', points, boxRooms: ['living room', 'bedroom', 'bathroom'], proportion: 0.02, candidates };
}

/** ContainerMaker.mkRandomLiquidCup over a substance made first. */
const poured = (make: (m: Maker) => SwObject) => (m: Maker, cup: number) => {
  const s = make(m);
  return inCup(randomCup(m, cup), s);
};
const cupDraw = (rng: JavaRandom) => rng.nextInt(7);

/** TaskUseInstrumentThermometer2: five points x (water, orange juice, chocolate, mercury, gallium, tin, lead), all in the kitchen. */
function knownSubstanceSpec(): Spec {
  const points = [-10, 10, 50, 150, 200];
  const mp = (mat: string) => MATERIALS[mat].meltingPoint;
  const candidates: Candidate[] = [];
  for (let i = 0; i < points.length; i++) {
    const at = { location: 'kitchen' };
    candidates.push({ ...at, name: 'water', meltingPoint: mp('WaterProp'), draw: noDraw, make: null });
    // The kitchen's fridge already holds orange juice, so its random cup is drawn but never placed.
    candidates.push({ ...at, name: 'orange juice', meltingPoint: mp('OrangeJuiceProp'), draw: cupDraw, make: null });
    candidates.push({ ...at, name: 'chocolate', meltingPoint: mp('ChocolateProp'), draw: noDraw, make: things.chocolate, containers: ['fridge'] });
    for (const metal of ['mercury', 'gallium', 'tin', 'lead']) {
      const mat = `${metal[0].toUpperCase()}${metal.slice(1)}Prop`;
      candidates.push({ ...at, name: metal, meltingPoint: mp(mat), draw: cupDraw, make: poured((m) => m.substance(metal, mat)) });
    }
  }
  return { className: 'TaskUseInstrumentThermometer2', points, boxRooms: ['kitchen'], proportion: 0.5, candidates };
}

/** UnknownSubstanceThermal.mkRandomSubstanceMeltingPoint: MetalProp (10 C) with the letter's melting point, named by its state. */
function unknownThermal(m: Maker, letter: string): SwObject {
  const name = `unknown substance ${letter}`;
  const o = m.obj(name, 'bare', { mat: 'MetalProp', refs: ['unknown substance'] });
  const mat = o.material!;
  mat.meltingPoint = UNKNOWN_MELTING_POINTS[letter];
  mat.substanceName = name;
  mat.nameInStateOfMatter = { solid: `solid ${name}`, liquid: `liquid ${name}`, gas: `gaseous ${name}` };
  mat.stateOfMatter = mat.temperatureC < mat.meltingPoint ? 'solid' : mat.temperatureC > mat.boilingPoint ? 'gas' : 'liquid';
  o.name = mat.nameInStateOfMatter[mat.stateOfMatter];
  return o;
}

/** TaskUseInstrumentThermometer3: 5 x 5 points x 24 letters; those melting below 15 C come in a random cup. */
function unknownSubstanceSpec(): Spec {
  const points = [-10, 10, 50, 150, 200];
  const base = MATERIALS.MetalProp;
  const candidates: Candidate[] = [];
  for (let i = 0; i < points.length * points.length; i++) {
    for (const letter of UNKNOWN_LETTERS) {
      const meltingPoint = UNKNOWN_MELTING_POINTS[letter];
      const inCupToo = meltingPoint < 15;
      const state = base.temperatureC < meltingPoint ? 'solid' : 'liquid';
      candidates.push({
        name: `${state} unknown substance ${letter}`,
        location: 'kitchen',
        meltingPoint,
        forceAdd: true,
        draw: (rng) => drawUnknownThermal(rng, inCupToo),
        make: inCupToo ? poured((m) => unknownThermal(m, letter)) : (m) => unknownThermal(m, letter),
      });
    }
  }
  return { className: 'TaskUseInstrumentThermometer3', points, boxRooms: ['kitchen'], proportion: 0.02, candidates };
}

const SPECS: Record<string, () => Spec> = { '2-1': useThermometerSpec, '2-2': knownSubstanceSpec, '2-3': unknownSubstanceSpec };
export const THERMOMETER_TYPES: ReadonlySet<string> = new Set(Object.keys(SPECS));

/** subsampleWithinTrainDevTest: train/dev/test halves-quarters, each shuffled by Random(5) and cut to `proportion`. */
function subsample(n: number, proportion: number): number[] {
  const r = new JavaRandom(5);
  const cuts = [0, Math.floor(n * 0.5), Math.floor(n * 0.75), Math.floor(n * 1.0)];
  const out: number[] = [];
  for (let s = 0; s < 3; s++) {
    const part = Array.from({ length: cuts[s + 1] - cuts[s] }, (_, i) => cuts[s] + i);
    out.push(...r.shuffle(part).slice(0, Math.trunc(part.length * proportion)));
  }
  return out;
}

interface Table {
  spec: Spec;
  /** Creation indices sorted by object name (a stable sort, as Scala's sortBy). */
  sorted: number[];
  /** Variation -> combination index. */
  combos: number[];
}

const tables = new Map<string, Table>();
/** The class's combinations are the same for every variation: worked out once per type. */
function tableOf(typeId: string): Table {
  let t = tables.get(typeId);
  if (!t) {
    const spec = SPECS[typeId]();
    const c = spec.candidates;
    const sorted = c.map((_, i) => i).sort((a, b) => (c[a].name < c[b].name ? -1 : c[a].name > c[b].name ? 1 : a - b));
    const boxes = spec.boxRooms.length * (COLOURS.length - 1);
    t = { spec, sorted, combos: subsample(c.length * spec.points.length * boxes, spec.proportion) };
    tables.set(typeId, t);
  }
  return t;
}

export function thermometerVariations(typeId: string): number {
  return tableOf(typeId).combos.length;
}

export interface ThermometerSetup {
  candidate: Candidate;
  /** Null when nothing is generated: the kitchen's sink gives the water, its fridge holds orange juice. */
  object: SwObject | null;
  point: number;
  boxAbove: SwObject;
  boxBelow: SwObject;
  boxRoom: string;
}

/** The variation's object and answer boxes, made in ScienceWorld's creation order (before the house). */
export function makeThermometerObjects(m: Maker, typeId: string, variation: number): ThermometerSetup {
  const { spec, sorted, combos } = tableOf(typeId);
  const combo = combos[variation];
  if (combo === undefined) throw new Error(`SciWorld ${typeId} has no variation ${variation}`);
  const boxPairs = spec.boxRooms.length * (COLOURS.length - 1);
  const created = sorted[Math.floor(combo / (spec.points.length * boxPairs))];
  const point = spec.points[Math.floor(combo / boxPairs) % spec.points.length];
  const pair = combo % boxPairs;
  const rng = streamBefore(spec.className, variation);
  let drawn = 0;
  for (let i = 0; i <= created; i++) drawn = spec.candidates[i].draw(rng);
  const candidate = spec.candidates[created];
  const object = candidate.make ? candidate.make(m, drawn) : null;
  const colour = pair % (COLOURS.length - 1);
  return {
    candidate,
    object,
    point,
    boxAbove: answerBox(m, COLOURS[colour]),
    boxBelow: answerBox(m, COLOURS[colour + 1]),
    boxRoom: spec.boxRooms[Math.floor(pair / (COLOURS.length - 1))],
  };
}

/** A Scala Double as string concatenation prints it ("50.0"). */
const scalaDouble = (x: number) => (Number.isInteger(x) ? x.toFixed(1) : String(x));

const isAnswerBox = (o: SwObject) => o.kind === 'container' && COLOURS.some((c) => o.name === `${c} box`);

/** GoalFindAnswerBox: focus on the right answer box (another answer box fails; anything else is ignored). */
const focusOnBox = (name: string): Goal => ({
  description: 'focus on correct answer box',
  check: (obj) => (!obj || !isAnswerBox(obj) ? null : obj.name.toLowerCase() === name.toLowerCase() ? 'ok' : 'fail'),
});

/** GoalContainerByTemperature: the focused object in the box for its current temperature (the other box fails). */
const boxByTemperature = (point: number, above: string, below: string): Goal => ({
  description: 'move object to correct answer box',
  check: (obj, ctx) => {
    if (!obj || (ctx.lastSatisfied && ctx.lastSatisfied !== obj) || !obj.material) return null;
    const box = obj.container?.name;
    if (box !== above && box !== below) return null;
    const t = obj.material.temperatureC;
    if ((box === above && t >= point) || (box === below && t <= point)) return 'ok';
    return 'fail';
  },
});

/** GoalPastActionUseObjectOnObject: a "use" since the goal was first checked, of the device or on the patient. */
function usedOn(device: string, patient: string, description: string, after?: string[]): Goal {
  let since = -1;
  return {
    description,
    after,
    check: (_o, ctx) => {
      if (since === -1) since = ctx.uses.length;
      return ctx.uses.slice(since).some((u) => u.device.toLowerCase() === device || u.patient.toLowerCase() === patient.toLowerCase()) ? 'ok' : null;
    },
  };
}

/** setupCombination (TaskObject modifiers) then setupGoals. */
export function setupThermometer(typeId: string, variation: number, house: House, s: ThermometerSetup): BuiltTask {
  const { candidate: c, object, point } = s;
  if (object) {
    const room = house.rooms.get(c.location)!;
    if (c.containers) place(house, { name: c.name, room: c.location, containers: c.containers, forceAdd: c.forceAdd }, object, new JavaRandom(variation));
    else if (c.forceAdd || !room.holdsNamed(c.name)) room.add(object);
  }
  const boxRoom = house.rooms.get(s.boxRoom)!;
  boxRoom.add(s.boxAbove);
  boxRoom.add(s.boxBelow);
  const name = c.name;
  const above = s.boxAbove.name;
  const below = s.boxBelow.name;
  const where = `which is located around the ${c.location}. First, focus on the thermometer. Next, focus on the ${name}. `;
  const boxes = `The boxes are located around the ${s.boxRoom}.`;
  const p = scalaDouble(point);
  if (typeId === '2-1') {
    const ordered = [find('thermometer', 'focus on instrument', true), find(name, 'focus on object'), boxByTemperature(point, above, below)];
    const unordered = [
      inRoomWith('thermometer'),
      directlyIn('inventory', ['thermometer'], 'have thermometer in inventory'),
      moveToNewLocation('move to a new location'),
      moveToLocation(c.location, 'move to the location asked by the task (object location)', 'move1'),
      moveToLocation(s.boxRoom, 'move to the location asked by the task (answer box location)', 'move2', ['move1']),
      directlyIn('inventory', [name], 'have task object in inventory'),
      usedOn('thermometer', name, 'use instrument on object'),
      usedOn('thermometer', name, 'use instrument on object (in answer box location)', ['move2']),
    ];
    return {
      name: 'use-thermometer',
      description:
        `Your task is to measure the temperature of ${name}, ${where}` +
        `If the ${name} temperature is above ${p} degrees celsius, place it in the ${above}. If the ${name} temperature is below ${p} degrees celsius, place it in the ${below}. ${boxes}`,
      goals: new GoalSequence(ordered, unordered, house.agent),
    };
  }
  const correct = c.meltingPoint! >= point ? above : below;
  const ordered = [find('thermometer', 'focus on thermometer', true), { ...find(name, 'focus on substance'), key: 'focusObject' }, focusOnBox(correct)];
  const afterFocus = (g: Goal): Goal => ({ ...g, after: ['focusObject'] });
  const heaters = ['stove', 'blast furnace', 'oven', 'hot plate'];
  const unordered = [
    inRoomWith('thermometer'),
    directlyIn('inventory', ['thermometer'], 'have thermometer in inventory'),
    moveToNewLocation('move to a new location'),
    moveToLocation(c.location, 'move to the location asked by the task (substance location)', 'move1'),
    moveToLocation(s.boxRoom, 'move to the location asked by the task (answer box location)', 'move1'),
    ...(['kitchen', 'outside', 'foundry'] as const).map((r, i) => moveToLocation(r, `move to a location with a heating device (${r})`, `move2${'abc'[i]}`, ['move1'])),
    directlyIn('inventory', [name], 'have task object in inventory'),
    usedOn('thermometer', name, 'use thermometer on substance'),
    usedOn('thermometer', name, 'use thermometer on substance (after it has been heated)', ['heatObject']),
    aloneInContainer([name]),
    ...heaters.map((d) => activated(d)),
    directlyIn('inventory', ['lighter'], 'have lighter in inventory'),
    directlyIn('fire pit', ['wood'], 'move wood into fire pit', 'wood1'),
    onFire('wood'),
    ...[...heaters, 'fire pit'].map((d) => afterFocus(objectIn(d, `have substance on heater (${d})`))),
    { ...afterFocus(tempChange(20, 'heat substance by at least 20C')), key: 'heatObject' },
  ];
  return {
    name: typeId === '2-2' ? 'measure-melting-point-known-substance' : 'measure-melting-point-unknown-substance',
    description:
      `Your task is to measure the melting point of ${name}, ${where}` +
      `If the melting point of ${name} is above ${p} degrees celsius, focus on the ${above}. If the melting point of ${name} is below ${p} degrees celsius, focus on the ${below}. ${boxes}`,
    goals: new GoalSequence(ordered, unordered, house.agent),
  };
}
