/**
 * The electricity family's oracle, playing from observations. To power a part it wires the power
 * source's anode through one wire to the part's cathode and the part's anode through another back
 * to the source's cathode (a solar panel or wind generator is then carried outside, a gas or
 * nuclear generator switched on) and waits. To test a thing it fetches it (water in a glass cup
 * filled at the kitchen sink), puts it in a circuit with the workshop's battery and a light bulb,
 * and answers by whether the bulb lights.
 */
import { act, startRoom, walk, type Walker } from './oracle-walk.ts';

type Script = Generator<string, void, string>;

export type ElectricTask =
  | { kind: 'power'; part: string; source: 'battery' | 'renewable' | 'nonrenewable' }
  | { kind: 'conductivity'; thing: string; location: string; yes: string; no: string };

export function parseElectricTask(observation: string): ElectricTask | null {
  const power = /^Your task is to turn on the (.+?)(?: by powering it using a (renewable|nonrenewable) power source)?\. First, focus on the /.exec(observation);
  if (power) return { kind: 'power', part: power[1], source: (power[2] as 'renewable' | 'nonrenewable' | undefined) ?? 'battery' };
  const test = /^Your task is to determine if (.+?) is electrically conductive\. The .+? is located around the (.+?)\. First, focus on the .+?\. If it is electrically conductive, place it in the (.+?)\. If it is electrically nonconductive, place it in the (.+?)\./.exec(observation);
  return test ? { kind: 'conductivity', thing: test[1], location: test[2], yes: test[3], no: test[4] } : null;
}

/** The workshop's wires and light bulbs as a look-around lists them. */
const wiresIn = (obs: string) => [...obs.matchAll(/\ba ([a-z]+ wire)\b/g)].map((m) => m[1]);
const bulbIn = (obs: string) => /\ba ([a-z]+ light bulb), which is/.exec(obs)?.[1];

/** Source anode -> wire 1 -> part cathode; part anode -> wire 2 -> source cathode (the gold agent's wiring). */
function* wireUp(source: string, part: string, [w1, w2]: string[]): Script {
  yield* act(`connect ${source} anode to ${w1} terminal 1`);
  yield* act(`connect ${source} cathode to ${w2} terminal 1`);
  yield* act(`connect ${w1} terminal 2 to ${part} cathode`);
  yield* act(`connect ${w2} terminal 2 to ${part} anode`);
}

function* power(s: Walker, task: Extract<ElectricTask, { kind: 'power' }>): Script {
  yield* walk(s, 'workshop');
  const seen = yield 'look around';
  const wires = wiresIn(seen);
  const source =
    task.source === 'battery' ? 'battery' : (task.source === 'renewable' ? /solar panel|wind generator/ : /gas generator|nuclear generator/).exec(seen)?.[0];
  if (!source || wires.length < 2) throw new Error('electric oracle: no power source or wires in the workshop');
  yield* act(`focus on ${task.part}`);
  yield* wireUp(source, task.part, wires);
  if (task.source === 'nonrenewable') yield `activate ${source}`;
  if (task.source === 'renewable') {
    // Wind and sunlight are outside: the wires stay connected on the way.
    yield `pick up ${source}`;
    yield* walk(s, 'outside');
    yield `drop ${source}`;
  }
  for (;;) yield 'wait1';
}

/** Water is found, not placed: a glass cup filled at the kitchen sink. Returns what to carry. */
function* fetch(s: Walker, thing: string, location: string): Generator<string, string, string> {
  if (thing === 'water') {
    yield* walk(s, 'kitchen');
    yield 'move glass cup to sink';
    yield 'activate sink';
    yield 'focus on water in glass cup';
    yield 'pick up glass cup';
    return 'glass cup';
  }
  yield* walk(s, location);
  yield* act(`focus on ${thing}`);
  yield* act(`pick up ${thing}`);
  return thing;
}

function* conductivity(s: Walker, task: Extract<ElectricTask, { kind: 'conductivity' }>): Script {
  const carried = yield* fetch(s, task.thing, task.location);
  yield* walk(s, 'workshop');
  const seen = yield 'look around';
  const [w1, w2] = wiresIn(seen);
  const bulb = bulbIn(seen);
  if (!w2 || !bulb) throw new Error('electric oracle: no wires or light bulb in the workshop');
  // battery anode -> wire 1 -> bulb cathode; bulb anode -> wire 2 -> the thing -> battery cathode.
  yield* act(`connect battery anode to ${w1} terminal 1`);
  yield* act(`connect ${w1} terminal 2 to ${bulb} cathode`);
  yield* act(`connect ${bulb} anode to ${w2} terminal 1`);
  yield* act(`connect ${w2} terminal 2 to ${task.thing}`);
  yield* act(`connect ${task.thing} to battery cathode`);
  yield 'wait1';
  const lit = /, which is on/.test(yield `look at ${bulb}`);
  yield `move ${carried} in inventory to ${lit ? task.yes : task.no}`;
  for (;;) yield 'look around';
}

/** The electricity family's script for a task's first observation, or null if it is another task. */
export function electricScriptFor(observation: string): Script | null {
  const task = parseElectricTask(observation);
  if (!task) return null;
  const s: Walker = { room: startRoom(observation), opened: new Set() };
  return task.kind === 'power' ? power(s, task) : conductivity(s, task);
}
