/**
 * One ALFWorld game in play: the ALFRED PDDL domain's actions over the game's facts. Each step
 * the admissible commands are the groundings whose preconditions hold (as Fast Downward grounds
 * them for TextWorld), each mapped to its effect; anything else is "Nothing happens.".
 */
import { FLAG, type GameRecord, type Goal } from './record.ts';
import * as text from './texts.ts';

/** Dynamic object state bits. */
const S = { clean: 1, hot: 2, cool: 4, toggled: 8, on: 16, sliced: 32 } as const;

const CLEANERS = new Set(['sinkbasin', 'sink']);
const KNIVES = new Set(['knife', 'butterknife']);

type Effect = () => string;

export class World {
  loc: number;
  held: number | null = null;
  readonly opened: boolean[];
  /** inReceptacle facts per object (an object may be in two receptacles, or none). */
  readonly inside: Set<number>[];
  /**
   * not_inreceptacle facts per object: TextWorld records "take O from R"'s negative effect as a
   * fact, and "look" lists objects here that have one for a receptacle here.
   */
  readonly takenFrom: Set<number>[];
  /** objectAtLocation facts per object. */
  readonly at: Set<number>[];
  readonly state: number[];
  private admissible: Map<string, Effect> | null = null;

  constructor(
    readonly game: GameRecord,
    private readonly canContain: ReadonlyMap<string, ReadonlySet<string>>,
  ) {
    this.loc = game.start;
    this.opened = game.receptacles.map(() => false);
    this.inside = game.objects.map((o) => new Set(o[3]));
    this.takenFrom = game.objects.map(() => new Set());
    this.at = game.objects.map((o) => new Set(o[4]));
    this.state = game.objects.map((o) => (o[2] & FLAG.isCool ? S.cool : 0));
  }

  intro(): string {
    return text.intro(this.game.receptacles.map((r) => r[0]), this.game.goalText);
  }

  /** The admissible commands, sorted by code point as TextWorld sorts them. */
  commands(): string[] {
    return [...this.effects().keys()].sort();
  }

  /** Runs a command; null when it is not admissible (the state is then unchanged). */
  run(command: string): string | null {
    const effect = this.effects().get(command);
    if (!effect) return null;
    this.admissible = null;
    return effect();
  }

  won(): boolean {
    return goalHolds(this, this.game.goal);
  }

  private has(o: number, flag: number): boolean {
    return (this.game.objects[o][2] & flag) !== 0;
  }

  private accessible(r: number): boolean {
    return this.game.receptacles[r][3] === 0 || this.opened[r];
  }

  private contents(r: number): number[] {
    return this.game.objects.flatMap((_, o) => (this.inside[o].has(r) ? [o] : []));
  }

  private describe(r: number): string {
    const [name, , , openable] = this.game.receptacles[r];
    return text.describeReceptacle(name, openable === 1, this.opened[r], this.contents(r).map((o) => this.game.objects[o][0]));
  }

  private effects(): Map<string, Effect> {
    if (this.admissible) return this.admissible;
    const { receptacles, objects } = this.game;
    const m = new Map<string, Effect>();
    const add = (command: string, effect: Effect) => {
      if (!m.has(command)) m.set(command, effect);
    };
    const oName = (o: number) => objects[o][0];
    add('look', () => this.lookText());
    add('inventory', () => text.inventory(this.held === null ? null : oName(this.held)));
    const held = this.held;
    receptacles.forEach(([rName, rType, rLoc, openable], r) => {
      if (rLoc !== this.loc) {
        // "You arrive at loc N. " is cut by AgentGym's server; the description stays.
        add(`go to ${rName}`, () => ((this.loc = rLoc), this.describe(r)));
        return;
      }
      add(`examine ${rName}`, () => this.describe(r));
      if (openable && !this.opened[r]) add(`open ${rName}`, () => ((this.opened[r] = true), `You open the ${rName}. ${this.describe(r)}`));
      if (openable && this.opened[r]) add(`close ${rName}`, () => ((this.opened[r] = false), `You close the ${rName}.`));
      const open = this.accessible(r);
      for (const o of this.contents(r)) {
        if (open) add(`examine ${oName(o)}`, () => this.examine(o));
        if (this.has(o, FLAG.toggleable)) add(`use ${oName(o)}`, () => this.toggle(o));
        if (open && held === null && this.has(o, FLAG.pickupable)) add(`take ${oName(o)} from ${rName}`, () => this.take(o, r));
      }
      if (held === null) return;
      const hName = oName(held);
      if (open && this.canContain.get(rType)?.has(objects[held][1])) add(`put ${hName} in/on ${rName}`, () => this.put(held, r));
      if (CLEANERS.has(rType) && this.has(held, FLAG.cleanable)) add(`clean ${hName} with ${rName}`, () => this.change(held, S.clean, 0, `You clean the ${hName} using the ${rName}.`));
      if (rType === 'microwave' && this.has(held, FLAG.heatable)) add(`heat ${hName} with ${rName}`, () => this.change(held, S.hot, S.cool, `You heat the ${hName} using the ${rName}.`));
      if (rType === 'fridge' && this.has(held, FLAG.coolable)) add(`cool ${hName} with ${rName}`, () => this.change(held, S.cool, S.hot, `You cool the ${hName} using the ${rName}.`));
    });
    if (held !== null) {
      add(`examine ${oName(held)}`, () => this.examine(held));
      if (KNIVES.has(objects[held][1])) {
        objects.forEach((o, co) => {
          if (this.has(co, FLAG.sliceable) && this.at[co].has(this.loc)) add(`slice ${o[0]} with ${oName(held)}`, () => this.change(co, S.sliced, 0, `You sliced the ${o[0]} with the ${oName(held)}.`));
        });
      }
    }
    this.admissible = m;
    return m;
  }

  private lookText(): string {
    const here = this.game.receptacles.flatMap((r, i) => (r[2] === this.loc ? [i] : []));
    const nextTo = this.game.objects.flatMap((o, i) => (this.at[i].has(this.loc) && here.some((r) => this.takenFrom[i].has(r)) ? [o[0]] : []));
    return text.look(here.map((r) => this.game.receptacles[r][0]), nextTo);
  }

  private examine(o: number): string {
    const s = this.state[o];
    return text.examineObject(this.game.objects[o][0], {
      receptacleObject: this.has(o, FLAG.receptacleObject),
      toggleable: this.has(o, FLAG.toggleable),
      clean: (s & S.clean) !== 0,
      hot: (s & S.hot) !== 0,
      cool: (s & S.cool) !== 0,
      sliced: (s & S.sliced) !== 0,
      toggled: (s & S.toggled) !== 0,
      inside: this.game.objects.flatMap((x) => (x[5].includes(o) ? [x[0]] : [])),
    });
  }

  private take(o: number, r: number): string {
    this.inside[o].delete(r);
    this.takenFrom[o].add(r);
    this.at[o].delete(this.loc);
    this.held = o;
    return `You pick up the ${this.game.objects[o][0]} from the ${this.game.receptacles[r][0]}.`;
  }

  private put(o: number, r: number): string {
    this.inside[o].add(r);
    this.takenFrom[o].delete(r);
    this.at[o].add(this.loc);
    this.held = null;
    return `You put the ${this.game.objects[o][0]} in/on the ${this.game.receptacles[r][0]}.`;
  }

  /** ToggleObject: isToggled is only ever added, so the feedback always says "on". */
  private toggle(o: number): string {
    this.state[o] = (this.state[o] | S.toggled) ^ S.on;
    return `You turn on the ${this.game.objects[o][0]}.`;
  }

  private change(o: number, set: number, clear: number, feedback: string): string {
    this.state[o] = (this.state[o] | set) & ~clear;
    return feedback;
  }

  isState(o: number, bit: keyof typeof S): boolean {
    return (this.state[o] & S[bit]) !== 0;
  }
}

/** The :goal of the game's task type over the current state (any instance of a type counts). */
function goalHolds(w: World, goal: Goal): boolean {
  const { objects, receptacles } = w.game;
  const ofType = (type: string) => objects.flatMap((o, i) => (o[1] === type ? [i] : []));
  const inRecepType = (o: number, type: string) => [...w.inside[o]].filter((r) => receptacles[r][1] === type);
  if (goal.kind === 'look') {
    const lit = ofType(goal.toggle).some((t) => w.isState(t, 'toggled') && [...w.inside[t]].some((r) => receptacles[r][2] === w.loc));
    return lit && w.held !== null && objects[w.held][1] === goal.obj;
  }
  if (goal.kind === 'two') {
    const count = new Map<number, number>();
    for (const o of ofType(goal.obj)) for (const r of inRecepType(o, goal.recep)) count.set(r, (count.get(r) ?? 0) + 1);
    return [...count.values()].some((n) => n >= 2);
  }
  // The goal also asks for the matching property (cleanable...), as an initially cold object may lack it.
  const need = goal.state && ({ isClean: ['clean', FLAG.cleanable], isHot: ['hot', FLAG.heatable], isCool: ['cool', FLAG.coolable] } as const)[goal.state];
  const stateOk = (o: number) => !need || (w.isState(o, need[0]) && (objects[o][2] & need[1]) !== 0);
  return ofType(goal.obj).some((o) => stateOk(o) && inRecepType(o, goal.recep).length > 0);
}
