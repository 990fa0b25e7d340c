/**
 * AgentGym's data_idx table (agentenv-sciworld: ScienceWorld's tasks in task-id order, skipping
 * 5-1, 5-2, 9-x and 10-x, every variation in turn), the goals (tasks/goals/**), and the matter
 * family (tasks/specifictasks/TaskChangeOfState.scala) with its variations, placements and goals.
 * The find family is in find-task.ts.
 */
import { JavaRandom } from './java-random.ts';
import { Uuids, type SwObject } from './objects.ts';
import { Maker, type House } from './world.ts';

export interface TaskType {
  id: string;
  name: string;
  variations: number;
}

export const TASK_TYPES: readonly TaskType[] = [
  { id: '1-1', name: 'boil', variations: 30 },
  { id: '1-2', name: 'melt', variations: 30 },
  { id: '1-3', name: 'freeze', variations: 30 },
  { id: '1-4', name: 'change-the-state-of-matter-of', variations: 30 },
  { id: '2-1', name: 'use-thermometer', variations: 540 },
  { id: '2-2', name: 'measure-melting-point-known-substance', variations: 436 },
  { id: '2-3', name: 'measure-melting-point-unknown-substance', variations: 300 },
  { id: '3-1', name: 'power-component', variations: 20 },
  { id: '3-2', name: 'power-component-renewable-vs-nonrenewable-energy', variations: 20 },
  { id: '3-3', name: 'test-conductivity', variations: 900 },
  { id: '3-4', name: 'test-conductivity-of-unknown-substances', variations: 600 },
  { id: '4-1', name: 'find-living-thing', variations: 300 },
  { id: '4-2', name: 'find-non-living-thing', variations: 300 },
  { id: '4-3', name: 'find-plant', variations: 300 },
  { id: '4-4', name: 'find-animal', variations: 300 },
  { id: '6-1', name: 'chemistry-mix', variations: 32 },
  { id: '6-2', name: 'chemistry-mix-paint-secondary-color', variations: 36 },
  { id: '6-3', name: 'chemistry-mix-paint-tertiary-color', variations: 36 },
  { id: '7-1', name: 'lifespan-longest-lived', variations: 125 },
  { id: '7-2', name: 'lifespan-shortest-lived', variations: 125 },
  { id: '7-3', name: 'lifespan-longest-lived-then-shortest-lived', variations: 125 },
  { id: '8-1', name: 'identify-life-stages-1', variations: 14 },
  { id: '8-2', name: 'identify-life-stages-2', variations: 10 },
];

/**
 * The seven task types AgentGym leaves out (its data_idx table skips them), offered here as extra
 * items after AgentGym's 4,639, in ScienceWorld's task order. They are not in AgentGym: an agent
 * or a script comparing with AgentGym must stay below AGENTGYM_ITEM_COUNT.
 */
export const EXTRA_TYPES: readonly TaskType[] = [
  { id: '5-1', name: 'grow-plant', variations: 126 },
  { id: '5-2', name: 'grow-fruit', variations: 126 },
  { id: '9-1', name: 'inclined-plane-determine-angle', variations: 168 },
  { id: '9-2', name: 'inclined-plane-friction-named-surfaces', variations: 1386 },
  { id: '9-3', name: 'inclined-plane-friction-unnamed-surfaces', variations: 162 },
  { id: '10-1', name: 'mendelian-genetics-known-plant', variations: 120 },
  { id: '10-2', name: 'mendelian-genetics-unknown-plant', variations: 480 },
];

/** Every task type in item order: AgentGym's 23, then the extras. */
export const ALL_TYPES: readonly TaskType[] = [...TASK_TYPES, ...EXTRA_TYPES];

const count = (types: readonly TaskType[]) => types.reduce((n, t) => n + t.variations, 0);
export const AGENTGYM_ITEM_COUNT = count(TASK_TYPES);
export const ITEM_COUNT = count(ALL_TYPES);

/** The task type and variation of an item (a data_idx below AGENTGYM_ITEM_COUNT). */
export function taskOf(index: number): { type: TaskType; variation: number } {
  let v = index;
  for (const type of ALL_TYPES) {
    if (v < type.variations) return { type, variation: v };
    v -= type.variations;
  }
  throw new Error(`data_idx ${index} out of range`);
}

/** First item of a task type. */
export function firstIndex(typeId: string): number {
  let n = 0;
  for (const t of ALL_TYPES) {
    if (t.id === typeId) return n;
    n += t.variations;
  }
  throw new Error(`Unknown task type ${typeId}`);
}

// ---------------------------------------------------------------- goals (tasks/goals/**)

export interface GoalContext {
  agent: SwObject;
  /** The focused object (ObjMonitor holds at most one). */
  focus: SwObject | null;
  keys: Map<string, string>;
  completedKeys: Set<string>;
  lastSatisfied: SwObject | null;
  /** What the agent's room holds, gathered once per goal check (the world is still meanwhile). */
  roomObjects: SwObject[] | null;
  /** roomObjects' names and description names in lower case, by index, made when a goal first compares names. */
  roomNames: { names: string[]; descripts: string[] } | null;
  /** The documents the agent has read (the ActionRead entries of its action history). */
  read: SwObject[];
  /** Every "use X on Y" run so far (ActionUseDevice in the agent's action history): device name, patient descriptName. */
  uses: { device: string; patient: string }[];
  /** The agent's action history, one entry per action run: the object a "look at" examined, else null. */
  history: (SwObject | null)[];
}

export interface Goal {
  /** ScienceWorld's own description (empty for some goals, as in ScienceWorld). */
  description: string;
  /** What the UI shows where the description is empty. */
  label?: string;
  key?: string;
  after?: string[];
  /** Clear the focus once met (Goal.defocusOnSuccess). */
  defocus?: boolean;
  /** Returns 'ok', 'fail' (task failure) or null; `obj` is the focused object or null. */
  check(obj: SwObject | null, ctx: GoalContext): 'ok' | 'fail' | null;
}

const sameAsLast = (obj: SwObject, ctx: GoalContext) => !ctx.lastSatisfied || ctx.lastSatisfied === obj;
/** What the agent's room shows (getContainedObjectsAndPortalsRecursive), gathered once per check. */
export const agentRoomObjects = (ctx: GoalContext) => (ctx.roomObjects ??= ctx.agent.container?.visibleRecursive() ?? []);
/** Whether `o` is called `lower` (already lower case) by its name or its description name. */
export const isNamed = (o: SwObject, lower: string) => o.name.toLowerCase() === lower || o.descriptName().toLowerCase() === lower;

function roomNames(ctx: GoalContext): { names: string[]; descripts: string[] } {
  if (ctx.roomNames) return ctx.roomNames;
  const objects = agentRoomObjects(ctx);
  return (ctx.roomNames = { names: objects.map((o) => o.name.toLowerCase()), descripts: objects.map((o) => o.descriptName().toLowerCase()) });
}

/**
 * What in the agent's room is called `name` by its lower-case name, or by its lower-case description
 * name (`descript`, `name` unless given): goals ask this many times per check, so the names are worked out once.
 */
export function namedInRoom(ctx: GoalContext, name: string, descript = name): SwObject[] {
  const objects = agentRoomObjects(ctx);
  const { names, descripts } = roomNames(ctx);
  const out: SwObject[] = [];
  for (let i = 0; i < objects.length; i++) if (names[i] === name || descripts[i] === descript) out.push(objects[i]);
  return out;
}

/** Whether the agent's room shows something called `lower` (lower case) that passes `test`. */
export function roomHasNamed(ctx: GoalContext, lower: string, test: (o: SwObject) => unknown): boolean {
  const objects = agentRoomObjects(ctx);
  const { names, descripts } = roomNames(ctx);
  for (let i = 0; i < objects.length; i++) if ((names[i] === lower || descripts[i] === lower) && test(objects[i])) return true;
  return false;
}

/** GoalFind with failIfWrong: focusing on anything not so named fails the task. */
export const find = (objectName: string, description = 'focus on substance', defocus = false): Goal => ({
  description,
  defocus,
  check: (obj) => (!obj ? null : obj.name.toLowerCase() === objectName.toLowerCase() ? 'ok' : 'fail'),
});
const stateIs = (state: string, description: string, combustionAllowed = false): Goal => ({
  description,
  check: (obj, ctx) => {
    if (!obj?.material || !sameAsLast(obj, ctx)) return null;
    if (obj.material.stateOfMatter === state) return 'ok';
    return combustionAllowed && obj.material.isCombusting ? 'ok' : null;
  },
});
const anyState = (): Goal => ({
  description: '',
  label: 'the state of matter is noted',
  check: (obj, ctx) => {
    if (!obj?.material || !sameAsLast(obj, ctx)) return null;
    ctx.keys.set('stateOfMatter', obj.material.stateOfMatter);
    return 'ok';
  },
});
const differentState = (): Goal => ({
  description: '',
  label: 'the state of matter changed',
  check: (obj, ctx) => (obj?.material && sameAsLast(obj, ctx) && obj.material.stateOfMatter !== (ctx.keys.get('stateOfMatter') ?? '') ? 'ok' : null),
});
export const inRoomWith = (name: string, description = `be in same location as ${name}`, key?: string, after?: string[]): Goal => ({
  description,
  key,
  after,
  check: (_o, ctx) => (namedInRoom(ctx, name.toLowerCase(), name).length > 0 ? 'ok' : null),
});
export const aloneInContainer = (names: string[], description = 'have substance alone in a single container'): Goal => ({
  description,
  check: (_o, ctx) =>
    agentRoomObjects(ctx).some((o) => {
      const c = o.children(false);
      return c.length === names.length && c.every((x) => names.includes(x.name) || names.includes(x.descriptName()));
    })
      ? 'ok'
      : null,
});
const isActivated = (o: SwObject) => o.deviceProp?.isActivated;
const isCombusting = (o: SwObject) => o.material?.isCombusting;
export const activated = (device: string): Goal => {
  const lower = device.toLowerCase();
  return { description: `activate heater (${device})`, check: (_o, ctx) => (roomHasNamed(ctx, lower, isActivated) ? 'ok' : null) };
};
export const directlyIn = (container: string, valid: string[], description: string, key?: string): Goal => {
  const lower = container.toLowerCase();
  const holdsValid = (o: SwObject) => o.children(false).some((c) => valid.includes(c.name) || valid.includes(c.descriptName()));
  return { description, key, check: (_o, ctx) => (roomHasNamed(ctx, lower, holdsValid) ? 'ok' : null) };
};
export const onFire = (name: string): Goal => {
  const lower = name.toLowerCase();
  return { description: 'ignite wood', key: 'ignite', after: ['wood1'], check: (_o, ctx) => (roomHasNamed(ctx, lower, isCombusting) ? 'ok' : null) };
};
export const objectIn = (container: string, description: string): Goal => ({
  description,
  check: (obj, ctx) => {
    if (!obj || !sameAsLast(obj, ctx)) return null;
    let c = obj.container;
    for (let n = 0; c && n < 20; n++, c = c.container) if (c.name.toLowerCase() === container) return 'ok';
    return null;
  },
});
export function tempChange(delta: number, description: string): Goal {
  let initial: number | null = null;
  return {
    description,
    check: (obj) => {
      if (!obj?.material) return null;
      const t = obj.material.temperatureC;
      if (initial === null) initial = t;
      return delta > 0 ? (t >= initial + delta ? 'ok' : null) : t <= initial + delta ? 'ok' : null;
    },
  };
}

const NO_KEYS: readonly string[] = [];

/** GoalSequence: ordered subgoals, optional unordered ones, the score and failure. */
export class GoalSequence {
  cur = 0;
  failed = false;
  readonly unorderedDone: boolean[];
  readonly ctx: GoalContext;

  constructor(
    readonly ordered: Goal[],
    readonly unordered: Goal[],
    agent: SwObject,
  ) {
    this.unorderedDone = unordered.map(() => false);
    this.ctx = { agent, focus: null, keys: new Map(), completedKeys: new Set(), lastSatisfied: null, roomObjects: null, roomNames: null, read: [], uses: [], history: [] };
  }

  get completed(): boolean {
    return this.cur >= this.ordered.length;
  }

  score(): number {
    if (this.failed) return -1;
    const ordered = this.cur / this.ordered.length;
    const unit = 1 / (this.ordered.length + 1) / this.unordered.length;
    const unorderedScore = this.unorderedDone.reduce((s, d) => (d ? s + unit : s), 0);
    return Math.min(1, ordered + unorderedScore);
  }

  // Loops, not closures: these run for every goal on every check.
  private prereqs(g: Goal): boolean {
    for (const k of g.after ?? NO_KEYS) if (!this.ctx.completedKeys.has(k)) return false;
    return true;
  }

  /** `stillWorld`: nothing moved since the last check, so what the room shows is still known. */
  tick(stillWorld = false): void {
    if (!stillWorld) {
      this.ctx.roomObjects = null;
      this.ctx.roomNames = null;
    }
    this.tickOrdered();
    this.tickUnordered();
  }

  private tickOrdered(): void {
    const first = this.cur;
    while (!this.completed) {
      const goal = this.ordered[this.cur];
      let result: 'ok' | 'fail' | null = null;
      if (this.prereqs(goal) && this.ctx.focus) {
        result = goal.check(this.ctx.focus, this.ctx);
        if (result === 'ok') {
          this.ctx.lastSatisfied = this.ctx.focus;
          if (goal.defocus) this.ctx.focus = null;
          if (goal.key) this.ctx.completedKeys.add(goal.key);
        }
      }
      if (result === 'fail') this.failed = true;
      if (result !== 'ok') return;
      this.cur++;
      if (first === this.cur) return;
    }
  }

  private tickUnordered(): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (let i = 0; i < this.unordered.length; i++) {
        const goal = this.unordered[i];
        if (this.unorderedDone[i] || !this.prereqs(goal)) continue;
        const hit = goal.check(null, this.ctx) === 'ok' || (this.ctx.focus !== null && goal.check(this.ctx.focus, this.ctx) === 'ok');
        if (hit) {
          this.unorderedDone[i] = true;
          if (goal.key) this.ctx.completedKeys.add(goal.key);
          changed = true;
        }
      }
    }
  }
}

// ---------------------------------------------------------------- the matter family

type Mode = 'changestate' | 'melt' | 'boil' | 'freeze';
const MODES: Record<string, Mode> = { '1-1': 'boil', '1-2': 'melt', '1-3': 'freeze', '1-4': 'changestate' };
/** TaskMaker1 registers change-state, melt, boil, freeze in that order; each draws 8 cups. */
const MODE_ORDER: Mode[] = ['changestate', 'melt', 'boil', 'freeze'];

export interface Placement {
  name: string;
  make?: (m: Maker, cup: () => SwObject) => SwObject;
  room?: string;
  containers?: string[];
  forceAdd?: boolean;
  disableSink?: boolean;
}

export const SUBSTANCES: readonly Placement[] = [
  { name: 'water' },
  { name: 'water', disableSink: true },
  { name: 'ice', make: (m) => iceCube(m), room: 'kitchen', containers: ['freezer'] },
  { name: 'orange juice', make: (m, cup) => inCup(cup(), m.orangeJuice()), room: 'kitchen', containers: ['fridge'] },
  { name: 'apple juice', make: (m, cup) => inCup(cup(), m.food('apple juice', 'bare', 'AppleJuiceProp')), room: 'kitchen', containers: ['fridge'] },
  { name: 'chocolate', make: (m) => m.food('chocolate', 'bare', 'ChocolateProp'), room: 'kitchen', containers: ['fridge'] },
  { name: 'marshmallow', make: (m) => m.food('marshmallow', 'bare', 'MarshmallowProp'), room: 'kitchen', containers: ['cupboard', 'table', 'desk'] },
  { name: 'ice cream', make: (m, cup) => inCup(cup(), m.food('ice cream', 'bare', 'IceCreamProp')), room: 'kitchen', containers: ['freezer'] },
  { name: 'soap', make: (m) => m.substance('soap', 'SoapProp'), room: 'kitchen', containers: ['cupboard', 'table', 'desk'] },
  { name: 'rubber', make: (m) => m.substance('rubber', 'RubberProp'), room: 'workshop', containers: ['table', 'desk'] },
  ...(['lead', 'tin', 'mercury', 'gallium', 'caesium'] as const).map(
    (metal): Placement => ({
      name: metal,
      make: (m, cup) => inCup(cup(), m.substance(metal, `${metal[0].toUpperCase()}${metal.slice(1)}Prop`)),
      room: 'workshop',
      containers: ['table', 'desk'],
      forceAdd: true,
    }),
  ),
];

function iceCube(m: Maker): SwObject {
  // Ice is water at -10 C, named by its liquid name until the first tick renames it.
  const ice = m.substance('water', 'WaterProp', -10);
  return ice;
}

/** ContainerMaker.mkRandomLiquidCup's container for the index it draws (a wood cup is made, then dropped). */
export function randomCup(m: Maker, idx: number): SwObject {
  m.woodCup();
  return m[(['metalPot', 'glassCup', 'plasticCup', 'tinCup', 'paperCup', 'ceramicCup', 'jug'] as const)[idx]]();
}

/** ContainerMaker.mkRandomLiquidCup: the liquid's container takes its temperature and is open. */
export function inCup(cup: SwObject, liquid: SwObject): SwObject {
  if (cup.material && liquid.material) cup.material.temperatureC = liquid.material.temperatureC;
  cup.add(liquid);
  return cup;
}

export interface BuiltTask {
  name: string;
  description: string;
  goals: GoalSequence;
}

/** How many uuids making something takes, found by making it in a scratch world. */
function uuidsTaken(make: (m: Maker) => unknown): number {
  const scratch = new Maker(new Uuids());
  make(scratch);
  return scratch.ids.taken;
}

/** What making a placement's object costs: the uuids it takes and the cups it draws (a Random draw each). */
interface MakeCost {
  uuids: number;
  cups: number;
}
const COSTS = new Map<Placement, MakeCost>();

/** Worked out once per placement; every cup a draw can pick takes the same uuids (a test checks). */
function makeCost(s: Placement): MakeCost {
  let cost = COSTS.get(s);
  if (!cost) {
    let cups = 0;
    const uuids = uuidsTaken((m) =>
      s.make?.(m, () => {
        cups++;
        return randomCup(m, 0);
      }),
    );
    COSTS.set(s, (cost = { uuids, cups }));
  }
  return cost;
}

/** The stove TaskMaker1 makes after each mode's objects (and drops). */
const makeStove = (m: Maker) => m.heater('stove', 'stove', 260, ['stove']);
const STOVE_UUIDS = uuidsTaken(makeStove);

/**
 * The task objects TaskMaker1 creates (before the house, so with lower uuids) for one mode. It makes
 * every mode's objects; the other modes' are dropped unseen, so only their uuids and cup draws are taken.
 */
export function makeTaskObjects(m: Maker, variation: number, mode: Mode): (SwObject | null)[] {
  const rng = new JavaRandom(variation);
  const out: (SwObject | null)[] = [];
  for (const md of MODE_ORDER) {
    const cup = () => randomCup(m, rng.nextInt(7));
    for (const s of SUBSTANCES) {
      if (md === mode) out.push(s.make ? s.make(m, cup) : null);
      else {
        const cost = makeCost(s);
        for (let i = 0; i < cost.cups; i++) rng.nextInt(7);
        m.ids.skip(cost.uuids);
      }
    }
    m.ids.skip(STOVE_UUIDS);
  }
  return out;
}

export function modeOf(typeId: string): Mode {
  return MODES[typeId];
}

/** setupCombination then setupGoals for TaskChangeOfState. */
export function setupChangeOfState(typeId: string, variation: number, house: House, taskObjects: (SwObject | null)[], m: Maker): BuiltTask {
  const mode = MODES[typeId];
  const s = SUBSTANCES[Math.floor(variation / 2)];
  const stoveBroken = variation % 2 === 1;
  const rng = new JavaRandom(variation);
  const obj = taskObjects[Math.floor(variation / 2)];
  if (obj && s.room) place(house, s, obj, rng);
  const disable = (name: string) => {
    for (const o of house.rooms.get('kitchen')!.descendants()) if (o.name === name && o.deviceProp) o.deviceProp.isBroken = true;
  };
  if (s.disableSink) disable('sink');
  if (stoveBroken) disable('stove');
  void m;

  const name = s.name;
  const ordered: Goal[] = [find(name)];
  const unordered: Goal[] = [inRoomWith(name), aloneInContainer([name])];
  const heaters = () => {
    for (const d of ['stove', 'blast furnace', 'oven', 'hot plate']) unordered.push(activated(d));
    unordered.push(directlyIn('inventory', ['lighter'], 'have lighter in inventory'));
    unordered.push(directlyIn('fire pit', ['wood'], 'move wood into fire pit', 'wood1'));
    unordered.push(onFire('wood'));
    for (const d of ['stove', 'blast furnace', 'oven', 'hot plate', 'fire pit']) unordered.push(objectIn(d, `have object on heater (${d})`));
  };
  let subTask: string;
  if (mode === 'changestate') {
    subTask = 'change the state of matter of';
    ordered.push(anyState(), differentState());
    heaters();
    unordered.push(objectIn('fridge', 'have object in cooler (fridge)'), objectIn('freezer', 'have object in cooler (freezer)'));
    unordered.push(tempChange(10, 'heat object by at least 10C'), tempChange(-10, 'cool object by at least 10C'));
  } else if (mode === 'melt') {
    subTask = 'melt';
    ordered.push(stateIs('solid', 'substance is in a solid state'), stateIs('liquid', 'substance is in a liquid state'));
    heaters();
    unordered.push(tempChange(20, 'heat object by at least 20C'));
  } else if (mode === 'boil') {
    subTask = 'boil';
    ordered.push(stateIs('liquid', 'substance is in a liquid state'), stateIs('gas', 'substance is in a gaseous state (or combusting)', true));
    heaters();
    unordered.push(tempChange(20, 'heat object by at least 20C'));
  } else {
    subTask = 'freeze';
    ordered.push(stateIs('liquid', 'substance is in a liquid state'), stateIs('solid', 'substance is in a solid state'));
    unordered.push(objectIn('fridge', 'have object in cooler (fridge)'), objectIn('freezer', 'have object in cooler (freezer)'));
    unordered.push(tempChange(-5, 'cool object by at least 5C'));
  }
  let description = `Your task is to ${subTask} ${name}. `;
  if (mode === 'boil') description += 'For compounds without a boiling point, combusting the substance is also acceptable. ';
  description += 'First, focus on the substance. Then, take actions that will cause it to change its state of matter. ';
  const taskName = { changestate: 'change-the-state-of-matter-of', melt: 'melt', boil: 'boil', freeze: 'freeze' }[mode];
  return { name: taskName, description: description.trim(), goals: new GoalSequence(ordered, unordered, house.agent) };
}

/** TaskObject.runModifier: skip if the room already holds one (unless forced), else shuffle-place. */
export function place(house: House, s: Placement, obj: SwObject, rng: JavaRandom): void {
  const room = house.rooms.get(s.room!)!;
  const containers = s.containers ?? [];
  for (const c of room.children()) {
    if (containers.includes(c.name) && c.holdsNamed(s.name) && !s.forceAdd) return;
  }
  for (const c of rng.shuffle(room.descendants())) {
    if (containers.includes(c.name)) {
      c.add(obj);
      return;
    }
  }
}
