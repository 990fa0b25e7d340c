/**
 * The thermometer family's oracle, playing from observations and thermometer readings.
 * 2-1: fetch the thermometer from the kitchen, pick the object up, carry it to the boxes, set the
 * thermometer down (so nothing in the inventory changes the object's temperature any more), read
 * the object and drop it in the box the reading picks.
 * 2-2 / 2-3: take the thermometer, find the substance in the kitchen (opening the fridge if need
 * be, filling a pot at the sink for water), focus on it and read it. Melting points are whole
 * degrees, so a solid read at R degrees melts at R or above and a liquid read at R melts at R or
 * below: a solid read at the point or above, or a liquid read below it, answers at once; otherwise
 * the substance goes in the metal pot onto the stove (heating a solid) or into the freezer (cooling
 * a liquid) and is read until one of those holds, renamed by its state as it melts or freezes.
 */
import { act, startRoom, walk, type Walker } from './oracle-walk.ts';

type Script = Generator<string, void, string>;

const NO_MATCH_TEXT = 'No known action matches that input.';

interface UseTask {
  kind: 'use';
  object: string;
  location: string;
  point: number;
  above: string;
  below: string;
  boxRoom: string;
}
interface MeltTask {
  kind: 'melt';
  substance: string;
  location: string;
  point: number;
  above: string;
  below: string;
  boxRoom: string;
}

const NUM = '(-?\\d+(?:\\.\\d+)?)';
const USE = new RegExp(
  `^Your task is to measure the temperature of (.+?), which is located around the (.+?)\\. First, focus on the thermometer\\. Next, focus on the .+?\\. If the .+? temperature is above ${NUM} degrees celsius, place it in the (.+?)\\. If the .+? temperature is below .+? degrees celsius, place it in the (.+?)\\. The boxes are located around the (.+?)\\.`,
);
const MELT = new RegExp(
  `^Your task is to measure the melting point of (.+?), which is located around the (.+?)\\. First, focus on the thermometer\\. Next, focus on the .+?\\. If the melting point of .+? is above ${NUM} degrees celsius, focus on the (.+?)\\. If the melting point of .+? is below .+? degrees celsius, focus on the (.+?)\\. The boxes are located around the (.+?)\\.`,
);

function parseThermometerTask(observation: string): UseTask | MeltTask | null {
  const u = USE.exec(observation);
  if (u) return { kind: 'use', object: u[1], location: u[2], point: Number(u[3]), above: u[4], below: u[5], boxRoom: u[6] };
  const m = MELT.exec(observation);
  if (m) return { kind: 'melt', substance: m[1], location: m[2], point: Number(m[3]), above: m[4], below: m[5], boxRoom: m[6] };
  return null;
}

const reading = (obs: string): number | null => {
  const m = /measures a temperature of (-?\d+) degrees celsius/.exec(obs);
  return m ? Number(m[1]) : null;
};

function* fetchThermometer(s: Walker): Generator<string, void, string> {
  yield* walk(s, 'kitchen');
  yield* act('pick up thermometer');
  yield* act('focus on thermometer in inventory');
}

function* useScript(s: Walker, t: UseTask): Script {
  yield* fetchThermometer(s);
  yield* walk(s, t.location);
  yield* act(`pick up ${t.object}`);
  yield* act(`focus on ${t.object} in inventory`);
  yield* walk(s, t.boxRoom);
  // Things in one container trade heat each tick: with the thermometer set down, nothing warms or
  // cools the object in the inventory between the reading and the answer box.
  yield* act('put down thermometer');
  let r = reading(yield* act(`use thermometer on ${t.object} in inventory`));
  // A reading of the point itself could be either side of it: let the room warm or cool the object
  // a little (the box goal judges its temperature when it is put in), then read again.
  for (let i = 0; i < 5 && r === t.point; i++) {
    yield* act(`put down ${t.object}`);
    yield* act(`pick up ${t.object}`);
    r = reading(yield* act(`use thermometer on ${t.object} in inventory`));
  }
  if (r === null) throw new Error(`thermometer oracle: no reading of ${t.object}`);
  yield* act(`move ${t.object} in inventory to ${r >= t.point ? t.above : t.below}`);
  for (;;) yield 'look around';
}

/** Substances liquid at room temperature, as anyone would know them; unknown ones say their state. */
const LIQUIDS = new Set(['water', 'orange juice', 'mercury']);
const isLiquid = (name: string) => name.startsWith('liquid ') || LIQUIDS.has(name);

/** The name a substance takes in the other state ("liquid tin", "ice", "solid unknown substance C"). */
function otherStateName(name: string, heating: boolean): string {
  const base = name.replace(/^(solid|liquid) /, '');
  if (heating) return `liquid ${base}`;
  return base === 'water' ? 'ice' : `solid ${base}`;
}

/** Ticks until a thing at `from`, moved a tenth of the way to `setting` each tick, first reaches `point`. */
function ticksToReach(from: number, point: number, setting: number): number {
  const left = (setting - point) / (setting - from);
  return left <= 0 ? Infinity : Math.ceil(Math.log(left) / Math.log(0.9));
}

function* meltScript(s: Walker, t: MeltTask): Script {
  yield* fetchThermometer(s);
  yield* walk(s, t.location);
  let name = t.substance;
  let look = yield 'look around';
  if (name === 'water') {
    // Fill the cupboard's metal pot at the sink; the sink's own water drains once it is off.
    yield* act('open cupboard');
    yield* act('move metal pot to sink');
    yield* act('activate sink');
    yield* act('deactivate sink');
  } else if (!look.includes(name)) {
    yield* act('open fridge');
    look = yield 'look around';
  }
  yield* act(`focus on ${name}`);
  let liquid = isLiquid(name);
  const read = function* (): Generator<string, number, string> {
    const r = reading(yield* act(`use thermometer in inventory on ${name}`));
    if (r === null) throw new Error(`thermometer oracle: cannot read ${name}`);
    return r;
  };
  // A reading that also tells the state: first ask by the other state's name (no time passes if
  // nothing is called that), then by the current one.
  const sample = function* (): Generator<string, number, string> {
    const other = otherStateName(name, !liquid);
    const obs = yield* act(`use thermometer in inventory on ${other}`);
    const r = reading(obs);
    if (r === null && obs !== NO_MATCH_TEXT) throw new Error(`thermometer oracle: cannot read ${other}: ${obs}`);
    if (r === null) return yield* read();
    name = other;
    liquid = !liquid;
    return r;
  };
  let r = yield* read();
  const heat = !liquid;
  const settled = () => (liquid ? r < t.point : r >= t.point);
  if (!settled()) {
    // Straight onto the stove or into the freezer: each tick the thing moves a tenth of the way to
    // 260 or -18 C. A solid only a little below the point is warmed gently in the pot instead.
    const gentle = heat && t.point - r <= 15;
    const setting = heat ? 260 : -18;
    if (gentle) {
      yield* act('open cupboard');
      yield* act(`move ${name} to metal pot`);
      yield* act('move metal pot to stove');
      yield* act('activate stove');
    } else if (heat) {
      yield* act(`move ${name} to stove`);
      yield* act('activate stove');
    } else {
      yield* act('open freezer');
      yield* act(`pour ${name} into freezer`);
    }
    // Ticks of heating or cooling since the last reading (a reading shows the start of its tick).
    let ticks = gentle ? 0 : 1;
    let before: { r: number; liquid: boolean } | null = null;
    for (let i = 0; i < 20 && !settled(); i++) {
      // Read after the first tick (a low melting point shows at once, before anything could burn),
      // then let time pass until the tick before the point would be reached, and read each tick.
      const need = gentle || i === 0 ? 0 : ticksToReach(r, t.point, setting) - 1 - ticks;
      if (need >= 11) {
        yield* act('wait');
        ticks += 11;
        continue;
      }
      if (need >= 2) {
        yield* act('wait1');
        ticks += 2;
        continue;
      }
      before = { r, liquid };
      r = yield* sample();
      ticks = 1;
      // Crossed the point and the state at once: the melting point lies between the two readings.
      if (before && before.liquid !== liquid && (before.r < t.point) !== (r < t.point)) break;
    }
  }
  // Settled: a solid at or above the point melts above it; a liquid below it melts below. A state
  // change across the point leaves it between the readings: whole degrees make the point itself the
  // likelier (ScienceWorld counts an equal melting point as above).
  const meltsAbove = settled() ? !liquid : true;
  yield* act(`focus on ${meltsAbove ? t.above : t.below}`);
  for (;;) yield 'look around';
}

/** The thermometer family's script for a task's first observation, or null if it is not one of its tasks. */
export function thermometerScriptFor(observation: string): Script | null {
  const task = parseThermometerTask(observation);
  if (!task) return null;
  const s: Walker = { room: startRoom(observation), opened: new Set() };
  return task.kind === 'use' ? useScript(s, task) : meltScript(s, task);
}
