/**
 * The thermometer family's oracle, playing from observations and thermometer readings.
 * 2-1: fetch the thermometer from the kitchen, pick the object up (in the inventory it keeps its
 * temperature), carry it to the boxes, read it there and drop it in the box the reading picks.
 * 2-2 / 2-3: take the thermometer, find the substance in the kitchen (opening the fridge if need
 * be, filling a pot at the sink for water), focus on it and read it. Melting points are whole
 * degrees, so a solid read at R degrees melts at R or above and a liquid read at R melts at R or
 * below: a solid read at the point or above, or a liquid read below it, answers at once; otherwise
 * the substance goes in the metal pot onto the stove (heating a solid) or into the freezer (cooling
 * a liquid) and is read until one of those holds, renamed by its state as it melts or freezes.
 */
import { startRoom, walk, type Walker } from './oracle-walk.ts';

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

export function parseThermometerTask(observation: string): UseTask | MeltTask | null {
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

/** Answers an ambiguity prompt with its first choice (the same object reached two ways). */
function* act(command: string): Generator<string, string, string> {
  let obs = yield command;
  while (obs.startsWith('Ambiguous request')) obs = yield '0';
  return obs;
}

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
  const r = reading(yield* act(`use thermometer in inventory on ${t.object} in inventory`));
  if (r === null) throw new Error(`thermometer oracle: no reading of ${t.object}`);
  yield* act(`move ${t.object} in inventory to ${r >= t.point ? t.above : t.below}`);
  for (;;) yield 'look around';
}

/** Substances liquid at room temperature, as anyone would know them; unknown ones say their state. */
const LIQUIDS = new Set(['water', 'orange juice', 'mercury']);
const isLiquid = (name: string) => name.startsWith('liquid ') || LIQUIDS.has(name);

/** "a metal pot (containing a substance called X)" -> the container the substance sits in, if any. */
function containerOf(look: string, substance: string): string | null {
  const esc = substance.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?:an? )?([a-z ]+?) \\(containing (?:a substance called )?${esc}\\)`).exec(look);
  return m ? m[1] : null;
}

/** What a "look in" shows inside a container: its one substance's name. */
function contentName(obs: string): string | null {
  const m = /Inside the .+? is: \n\t(?:a substance called )?([^\n]+)/.exec(obs);
  return m ? m[1] : null;
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
    look = yield 'look around';
  } else if (!look.includes(name)) {
    yield* act('open fridge');
    look = yield 'look around';
  }
  yield* act(`focus on ${name}`);
  const read = function* (): Generator<string, number, string> {
    for (;;) {
      const obs = yield* act(`use thermometer in inventory on ${name}`);
      const r = reading(obs);
      if (r !== null) return r;
      if (obs !== NO_MATCH_TEXT) throw new Error(`thermometer oracle: cannot read ${name}: ${obs}`);
      // It melted or froze, and is called by its new state: see what the pot holds now.
      const inPot = contentName(yield* act('look in metal pot'));
      if (!inPot) throw new Error('thermometer oracle: lost the substance');
      name = inPot;
    }
  };
  let r = yield* read();
  const settled = () => (isLiquid(name) ? r < t.point : r >= t.point);
  if (!settled()) {
    const heat = !isLiquid(name);
    const holder = name === 'water' ? 'metal pot' : containerOf(look, name);
    if (holder !== 'metal pot') {
      yield* act('open cupboard');
      yield* act(heat ? `move ${name} to metal pot` : `pour ${name} into metal pot`);
    }
    if (heat) {
      yield* act('move metal pot to stove');
      yield* act('activate stove');
    } else {
      yield* act('open freezer');
      yield* act('move metal pot to freezer');
    }
    // The pot moves a tenth of the way to the device's setting each tick, the substance lagging it:
    // while the point is far off (more than ~11 ticks of that), wait ten ticks between readings.
    const setting = heat ? 260 : -18;
    for (let i = 0; i < 30 && !settled(); i++) {
      if (Math.abs(t.point - r) > 0.6 * Math.abs(setting - r)) yield* act('wait');
      r = yield* read();
    }
  }
  const meltsAbove = isLiquid(name) ? !(r < t.point) : r >= t.point;
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
