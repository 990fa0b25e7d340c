/**
 * The matter family's oracle (families.ts picks a family's oracle per task). It plays from
 * observations as a person who knows the house's floor plan and textbook melting and boiling
 * points would: walk to the substance (opening
 * doors and the fridge, freezer or cupboard it may be in), focus on it, then heat it in the oven or
 * the blast furnace, or cool it in the freezer or the ultra-low freezer, watching the device's
 * contents (the substance's name says its state) to switch from one to the other.
 */
import { startRoom, walk } from './oracle-walk.ts';

/** Textbook facts the oracle uses: melting and boiling points, names by state, where it is. */
interface Facts {
  melt: number;
  boil: number;
  /** Burns at this temperature (boiling then counts), if below the boiling point. */
  burns?: number;
  names: [solid: string, liquid: string, gas: string];
  room: 'kitchen' | 'workshop';
  /** Where it starts: a closed device or cupboard to open first. */
  inside?: string;
  /** Liquids come in a cup; solids can be carried bare. */
  inCup: boolean;
  /** Solid where it is found (ice cream sits in the freezer below its melting point). */
  solid: boolean;
}

const metal = (melt: number, boil: number, names: [string, string, string]): Facts => ({ melt, boil, names, room: 'workshop', inCup: true, solid: melt > 25 });
const FACTS: Record<string, Facts> = {
  water: { melt: 0, boil: 100, names: ['ice', 'water', 'steam'], room: 'kitchen', inCup: true, solid: false },
  ice: { melt: 0, boil: 100, names: ['ice', 'water', 'steam'], room: 'kitchen', inside: 'freezer', inCup: false, solid: true },
  'orange juice': { melt: 0, boil: 100, names: ['solid orange juice', 'orange juice', 'gaseous orange juice'], room: 'kitchen', inside: 'fridge', inCup: true, solid: false },
  'apple juice': { melt: -2, boil: 160, names: ['solid apple juice', 'apple juice', 'gaseous apple juice'], room: 'kitchen', inside: 'fridge', inCup: true, solid: false },
  chocolate: { melt: 30, boil: 100000, burns: 95, names: ['chocolate', 'liquid chocolate', 'gaseous chocolate'], room: 'kitchen', inside: 'fridge', inCup: false, solid: true },
  marshmallow: { melt: 36, boil: 100000, burns: 350, names: ['marshmallow', 'liquid marshmallow', 'gaseous marshmallow'], room: 'kitchen', inside: 'cupboard', inCup: false, solid: true },
  'ice cream': { melt: -10, boil: 101, names: ['ice cream', 'liquid ice cream', 'gaseous ice cream'], room: 'kitchen', inside: 'freezer', inCup: true, solid: true },
  soap: { melt: 140, boil: 100000, burns: 537, names: ['soap', 'liquid soap', 'gaseous soap'], room: 'kitchen', inside: 'cupboard', inCup: false, solid: true },
  rubber: { melt: 180, boil: 10001, burns: 260, names: ['rubber', 'liquid rubber', 'gaseous rubber'], room: 'workshop', inCup: false, solid: true },
  lead: metal(327, 1740, ['lead', 'liquid lead', 'gaseous lead']),
  tin: metal(232, 2602, ['tin', 'liquid tin', 'gaseous tin']),
  mercury: metal(-39, 357, ['solid mercury', 'mercury', 'gaseous mercury']),
  gallium: metal(30, 2400, ['gallium', 'liquid gallium', 'gaseous gallium']),
  caesium: metal(29, 671, ['solid caesium', 'liquid caesium', 'gaseous caesium']),
};

/** Where each cup melts or catches fire (its material's melting or combustion point). */
const CUP_LIMIT: Record<string, number> = { 'tin cup': 232, 'plastic cup': 200, jug: 200, 'paper cup': 210, 'wood cup': 350 };

type Mode = 'boil' | 'melt' | 'freeze' | 'change';
const OVEN_MAX = 540;
const FREEZER_MIN = -18;

class Script {
  room = '';
  opened = new Set<string>();
  carried: string | null = null;
  /** Where the carried thing is now (inventory, a device): referring to it there is unambiguous. */
  at = '';
  obs = '';
  constructor(readonly mode: Mode, readonly substance: string) {}
}

/** "a <cup> (containing ... <substance> ...)" in a look-around: the cup's name. */
function cupHolding(obs: string, name: string): string | null {
  const m = new RegExp(`an? ([a-z ]+?) \\(containing (?:a substance called )?${name}\\)`).exec(obs);
  return m ? m[1] : null;
}

function* script(s: Script, f: Facts): Generator<string, void, string> {
  const sub = s.substance;
  yield* walk(s, f.room);
  // The thing to carry: the substance itself or the cup it is in.
  let thing = sub;
  let focusRef = sub;
  if (sub === 'water') {
    yield* fetchWater(s);
    thing = 'metal pot';
    focusRef = 'water in metal pot';
  } else {
    if (f.inside) yield `open ${f.inside}`;
    s.obs = yield 'look around';
    if (f.inCup) {
      const view = s.obs;
      const cup = cupHolding(view, sub) ?? cupHolding(view, f.names[0]) ?? cupHolding(view, f.names[1]);
      if (!cup) throw new Error(`oracle: no cup holding ${sub} in: ${view}`);
      thing = cup;
      focusRef = `${sub} in ${cup}`;
    } else if (sub === 'soap') {
      // The kitchen has a bar of soap of its own beside the task's: either is "soap".
      focusRef = thing = 'soap in kitchen';
    }
  }
  yield `focus on ${focusRef}`;
  const where = sub === 'water' || !f.inCup ? '' : f.inside ?? 'table';
  yield `pick up ${thing}${where && !thing.includes(' in ') ? ` in ${where}` : ''}`;
  s.carried = thing.replace(/ in kitchen$/, '');
  s.at = 'inventory';
  // Ceramic passes heat a hundred times slower than metal: pour into the metal pot. So too when a
  // solid is to be melted and carried on (to freeze it): a bare one, to heat gently, or one in a
  // cup that would melt or burn first.
  const meltThenCarry = s.mode === 'freeze' && f.solid;
  const cup = thing.replace(/ in .*$/, '');
  if (cup === 'ceramic cup') yield* intoPot(s, true);
  else if (meltThenCarry && !f.inCup) yield* intoPot(s, false);
  else if (meltThenCarry && (CUP_LIMIT[cup] ?? Infinity) < f.melt + 60) yield* intoPot(s, true);

  const heatTo = s.mode === 'boil' ? f.boil : f.melt;
  const needFurnace = s.mode === 'boil' && Math.min(f.boil, f.burns ?? Infinity) > OVEN_MAX - 60;
  const needUltraCold = f.melt <= FREEZER_MIN + 5;
  if (s.mode === 'boil' || s.mode === 'change') {
    if (s.mode === 'change' || !needFurnace) yield* heatIn(s, 'oven', 'kitchen');
    else yield* heatIn(s, 'blast furnace', 'foundry');
    void heatTo;
    for (;;) yield 'wait';
  }
  if (s.mode === 'melt') {
    if (!f.solid) {
      // A liquid: freeze it first, watching for its solid name.
      yield* coolIn(s, needUltraCold ? 'ultra low temperature freezer' : 'freezer', needUltraCold ? 'workshop' : 'kitchen');
      yield* watch(needUltraCold ? 'ultra low temperature freezer' : 'freezer', f.names[0], true);
      yield* pickUp(s);
    }
    yield* heatIn(s, 'oven', 'kitchen');
    for (;;) yield 'wait';
  }
  // Freeze: a solid is melted first (gently, in a pot if it is bare), then cooled.
  if (f.solid) {
    yield* heatIn(s, 'oven', 'kitchen');
    // A wide liquid range can't be overshot in ten steps; a narrow one is watched every step.
    // A narrow one far above room temperature is first left to warm for ten steps.
    const wide = Math.min(f.boil, f.burns ?? Infinity) - f.melt > 150 && f.melt > 100;
    if (!wide && f.melt > 125) yield 'wait';
    yield* watch('oven', f.names[1], wide);
    yield* pickUp(s);
  }
  yield* coolIn(s, needUltraCold ? 'ultra low temperature freezer' : 'freezer', needUltraCold ? 'workshop' : 'kitchen');
  for (;;) yield 'wait';
}

/** Fill the metal pot from the kitchen sink (or the bathroom's, if the kitchen's is broken). */
function* fetchWater(s: Script): Generator<string, void, string> {
  yield 'open cupboard';
  yield 'pick up metal pot';
  let reply = yield 'move metal pot to sink';
  reply = yield 'activate sink';
  if (/broken/.test(reply)) {
    yield 'pick up metal pot';
    yield* walk(s, 'bathroom');
    yield 'move metal pot to sink';
    yield 'activate sink';
  }
  yield 'deactivate sink';
}

/** Walk to the device, open it (once), put the carried thing in. */
function* putIn(s: Script, device: string, room: string): Generator<string, void, string> {
  yield* walk(s, room);
  yield* openOnce(s, device);
  yield `move ${s.carried} in ${s.at} to ${device}`;
  s.at = device;
}

function* heatIn(s: Script, device: string, room: string): Generator<string, void, string> {
  yield* putIn(s, device, room);
  yield `activate ${device}`;
}

const coolIn = putIn;

function* openOnce(s: Script, thing: string): Generator<string, void, string> {
  if (s.opened.has(`device:${thing}`)) return;
  yield `open ${thing}`;
  s.opened.add(`device:${thing}`);
}

function* intoPot(s: Script, pour: boolean): Generator<string, void, string> {
  yield* walk(s, 'kitchen');
  yield* openOnce(s, 'cupboard');
  yield pour ? `pour ${s.carried} in ${s.at} into metal pot` : `move ${s.carried} in ${s.at} to metal pot`;
  s.carried = 'metal pot';
  s.at = 'cupboard';
  yield* pickUp(s);
}

function* pickUp(s: Script): Generator<string, void, string> {
  yield `pick up ${s.carried} in ${s.at}`;
  s.at = 'inventory';
}

/**
 * Look at the device until the substance shows its `name`. Cooling can't overshoot, so it waits ten
 * steps between looks; heating towards a melt is watched every step, not to boil or burn past it.
 */
function* watch(device: string, name: string, patient: boolean): Generator<string, void, string> {
  for (let i = 0; i < 40; i++) {
    if (patient) yield 'wait';
    const seen = yield `look at ${device}`;
    if (new RegExp(`(called |\\(containing |: |, )${name}(?=[),.\\n]|$)`).test(seen)) return;
  }
}

/** The matter family's script for a task's first observation, or null if it is another task. */
export function matterScriptFor(observation: string): Generator<string, void, string> | null {
  const m = /^Your task is to (boil|melt|freeze|change the state of matter of) (.+?)\. /.exec(observation);
  if (!m) return null;
  const mode: Mode = m[1] === 'change the state of matter of' ? 'change' : (m[1] as Mode);
  const s = new Script(mode, m[2]);
  s.room = startRoom(observation);
  return script(s, FACTS[m[2]]);
}
