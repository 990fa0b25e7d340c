/**
 * The inclined-plane family (tasks/specifictasks/TaskInclinedPlane3.scala: 9-1, which of two planes
 * is steeper or shallower; TaskInclinedPlane1.scala: 9-2, which of two planes with named surfaces
 * has more or less friction; TaskInclinedPlane2.scala: 9-3, the same with unknown surfaces). Each
 * variation puts two planes, a block (wood block, steel block or brick) and a stopwatch in the
 * workshop; the task is done when the agent focuses on the right plane (any other focus fails it).
 *
 * Variations follow the Scala's combinations: plane 1 x plane 2 x block, dropping pairs whose
 * angles (within 5 degrees) or frictions (within 0.05) are too alike, the mode alternating between
 * kept combinations. The description's two plane names come from Random.shuffle on the shared
 * stream, which doTaskSetup reseeds with the variation (the placements draw nothing).
 */
import type { TaskFamily } from './families.ts';
import { moveToLocation, moveToNewLocation } from './find-task.ts';
import { block, DEFAULT_SURFACE, inclinedPlane, surfaceFrom, type Surface } from './incline.ts';
import { JavaRandom } from './java-random.ts';
import type { SwObject } from './objects.ts';
import { inclineScriptFor } from './oracle-incline.ts';
import { directlyIn, GoalSequence, namedInRoom, type BuiltTask, type Goal } from './tasks.ts';
import { buildHouse, type Maker } from './world.ts';

export const INCLINE_TYPES = new Set(['9-1', '9-2', '9-3']);

/** One plane of a task's set: its angle and surface, and the label the task names it by. */
interface PlaneSpec {
  angle: number;
  surface: Surface;
  additionalName: string;
  /** The angle or the friction the task compares. */
  value: number;
  label: string;
}

const angled = (angle: number, additionalName: string): PlaneSpec => ({ angle, surface: DEFAULT_SURFACE, additionalName, value: angle, label: additionalName });
const surfaced = (surface: Surface): PlaneSpec => ({ angle: 45, surface, additionalName: '', value: surface.friction, label: surface.name! });

/** TaskInclinedPlane1.mkInclinedPlaneSet: metal then non-metal surfaces, shuffled by Random(3). GenericPaintProp's name lacks its space. */
const NAMED_SURFACES = (): PlaneSpec[] =>
  new JavaRandom(3).shuffle(
    [
      ...['Aluminum', 'Brass', 'Bronze', 'Caesium', 'Copper', 'Iron', 'Lead', 'Platinum', 'Steel', 'Tin', 'Titanium', 'Zinc'],
      ...['Glass', 'Plastic', 'Ceramic', 'Wood', 'Paper', 'Sandpaper', 'CottonCloth', 'Rubber', 'Chocolate', 'SoapyWater'],
    ]
      .map((c) => surfaced(surfaceFrom(`${c}Prop`)))
      .concat(surfaced({ name: 'greenpaint', friction: 0.3 })),
  );
/** TaskInclinedPlane2.mkInclinedPlaneSet: unknown materials B-J (A left out), shuffled by Random(4). */
const UNKNOWN_SURFACES = (): PlaneSpec[] => new JavaRandom(4).shuffle('BCDEFGHJ'.split('').map((l) => surfaced(surfaceFrom(`UnknownFrictionMaterial${l}`))));
/** TaskInclinedPlane3.mkInclinedPlaneSet: eight angles named B-J. */
const ANGLES = (): PlaneSpec[] => (
  [
    [70, 'B'], [80, 'C'], [20, 'D'], [10, 'E'], [60, 'F'], [40, 'G'], [30, 'H'], [50, 'J'],
  ] as const
).map(([a, n]) => angled(a, n));

const BLOCKS = ['wood block', 'steel block', 'brick'] as const;

interface Kind {
  planes: () => PlaneSpec[];
  threshold: number;
  /** The mode of even and odd kept combinations, and the word after it. */
  modes: [string, string];
  quantity: 'angle' | 'friction';
  taskName: string;
  /** The focus goal's description (empty in 9-1 and 9-3, as in ScienceWorld). */
  focusDescription: string;
  /** 9-2's unordered goals say which plane they are about. */
  planeSuffix: boolean;
}

const KINDS: Record<string, Kind> = {
  '9-1': { planes: ANGLES, threshold: 5, modes: ['shallowest', 'steepest'], quantity: 'angle', taskName: 'inclined-plane-determine-angle', focusDescription: '', planeSuffix: false },
  '9-2': { planes: NAMED_SURFACES, threshold: 0.05, modes: ['most', 'least'], quantity: 'friction', taskName: 'inclined-plane-friction-named-surfaces', focusDescription: 'focus on correct inclined plane', planeSuffix: true },
  '9-3': { planes: UNKNOWN_SURFACES, threshold: 0.05, modes: ['most', 'least'], quantity: 'friction', taskName: 'inclined-plane-friction-unnamed-surfaces', focusDescription: '', planeSuffix: false },
};

interface Combination {
  plane1: PlaneSpec;
  plane2: PlaneSpec;
  block: (typeof BLOCKS)[number];
  mode: string;
  /** The smallest and the largest value's labels (least/most friction, shallowest/steepest angle). */
  low: string;
  high: string;
}

/** filterDuplicatesAndAddMostLeast over plane 1 x plane 2 x block. */
function combinations(kind: Kind): Combination[] {
  const planes = kind.planes();
  const out: Combination[] = [];
  for (const plane1 of planes) {
    for (const plane2 of planes) {
      if (Math.abs(plane1.value - plane2.value) <= kind.threshold) continue;
      const [low, high] = plane1.value < plane2.value ? [plane1, plane2] : [plane2, plane1];
      for (const b of BLOCKS) out.push({ plane1, plane2, block: b, mode: kind.modes[out.length % 2], low: low.label, high: high.label });
    }
  }
  return out;
}

const cache = new Map<string, Combination[]>();
export function combinationOf(typeId: string, variation: number): Combination {
  let list = cache.get(typeId);
  if (!list) cache.set(typeId, (list = combinations(KINDS[typeId])));
  const c = list[variation];
  if (!c) throw new Error(`SciWorld: task ${typeId} has no variation ${variation}`);
  return c;
}
export const variationCount = (typeId: string) => (combinationOf(typeId, 0), cache.get(typeId)!.length);

const makePlane = (m: Maker, p: PlaneSpec) => inclinedPlane(m, p.angle, p.surface, p.additionalName);

// ---------------------------------------------------------------- goals

/** GoalFindInclinedPlane(Named): the plane with that surface (or extra name); any other focus fails. */
const focusPlane = (kind: Kind, target: string): Goal => ({
  description: kind.focusDescription,
  label: 'focus on the inclined plane asked for',
  defocus: true,
  check: (obj) => {
    if (!obj) return null;
    const key = kind.quantity === 'angle' ? 'additionalName' : 'surface';
    return obj.kind === 'inclined plane' && obj.name.toLowerCase() === 'inclined plane' && obj.extra[key] === target ? 'ok' : 'fail';
  },
});


/** GoalActivateDeviceWithName / GoalDeactivateDeviceWithName: a device so named in the agent's room is on (off). */
const deviceIs = (name: string, on: boolean, description: string, key: string, after: string[]): Goal => ({
  description,
  key,
  after,
  check: (_o, ctx) => (namedInRoom(ctx, name).some((o) => o.deviceProp && o.deviceProp.isActivated === on) ? 'ok' : null),
});

/** GoalPastActionExamineObject: a "look at" the thing after the goal's prerequisites were first met. */
function examined(name: string, description: string, key: string, after: string[]): Goal {
  let since = -1;
  return {
    description,
    key,
    after,
    check: (_o, ctx) => {
      if (since === -1) since = ctx.history.length;
      return ctx.history.slice(since).some((o) => o && (o.name.toLowerCase() === name || o.descriptName().toLowerCase() === name)) ? 'ok' : null;
    },
  };
}

function measure(planeName: string, blockName: string, n: 1 | 2, suffix: boolean): Goal[] {
  const s = suffix ? ` (plane ${n})` : '';
  return [
    directlyIn(planeName, [blockName], `move block to plane ${n}`, `b${n}`),
    deviceIs('stopwatch', true, `activate time keeping device${s}`, `aTime${n}`, [`b${n}`]),
    deviceIs('stopwatch', false, `deactivate time keeping device${s}`, `dTime${n}`, [`aTime${n}`]),
    examined('stopwatch', `read time keeping device${s}`, `readTime${n}`, [`dTime${n}`]),
  ];
}

// ---------------------------------------------------------------- the family

export const inclineFamily: TaskFamily = {
  types: INCLINE_TYPES,
  build(maker, typeId, variation) {
    const kind = KINDS[typeId];
    const c = combinationOf(typeId, variation);
    // The task's objects first (TaskMaker1 makes them before the house): plane 1, plane 2, block, stopwatch.
    const objects: SwObject[] = [makePlane(maker, c.plane1), makePlane(maker, c.plane2), block(maker, c.block), maker.stopwatch()];
    const house = buildHouse(maker, new JavaRandom(variation));
    const workshop = house.rooms.get('workshop')!;
    for (const o of objects) workshop.add(o);
    const [p1, p2] = objects.map((o) => o.descriptName());
    const target = c.mode === 'steepest' || c.mode === 'most' ? c.high : c.low;
    const names = new JavaRandom(variation).shuffle(kind.quantity === 'angle' ? [c.high, c.low] : [c.low, c.high]);
    const unordered = [
      moveToNewLocation('move to a new location (unless starting in task location)', 'workshop'),
      moveToLocation('workshop', 'move to the location asked by the task'),
      ...measure(p1, c.block, 1, kind.planeSuffix),
      ...measure(p2, c.block, 2, kind.planeSuffix),
    ];
    const task: BuiltTask = {
      name: kind.taskName,
      description: `Your task is to determine which of the two inclined planes (${names.join(', ')}) has the ${c.mode} ${kind.quantity}. After completing your experiment, focus on the inclined plane with the ${c.mode} ${kind.quantity}.`,
      goals: new GoalSequence([focusPlane(kind, target)], unordered, house.agent),
    };
    return { house, task };
  },
  script: inclineScriptFor,
};
