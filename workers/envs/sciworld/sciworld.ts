/**
 * SciWorld: ScienceWorld as AgentGym's agentenv-sciworld runs it (no simplifications, the step
 * limit of 100 moves), for the task types built so far (families.ts); other items refuse
 * to reset, naming their task type. Reset = task description + "\n" + a free "look around", as
 * AgentGym's client shows it. Each step: the simulator's reply (trimmed, runs of spaces collapsed),
 * the score 0-100 (-100 after a failed goal) as AgentGym's client reports it, done at 100, below 0
 * or past the move limit. Actions run per the Scala actions (actions/*.scala); the ambiguity prompt
 * waits for a number.
 */
import type { Env, Picture, StepResult } from '../contract.ts';
import { BOOK_TEXTS } from './books.ts';
import { mix, readDocument } from './chemistry.ts';
import { description, formatTemp, listDescription, connectsTo } from './describe.ts';
import { connect, disconnect } from './electric.ts';
import { BUILT_TYPES, familyOf } from './families.ts';
import { shovel } from './grow-task.ts';
import { CURSORY, DETAILED, Uuids, type SwObject } from './objects.ts';
import { accessibleObjects, ACTIONS, ambiguityMessage, helpText, parseInput, type Match } from './parser.ts';
import { tickWorld } from './physics.ts';
import { roomTree } from './room-tree.ts';
import { ITEM_COUNT, taskOf, type BuiltTask, type Goal } from './tasks.ts';
import { Maker, type House } from './world.ts';

export const NO_MATCH = 'No known action matches that input.';
const UNKNOWN = "Unknown action.  Type 'help' for a list of actions, and 'objects' for a list of possible object referents. ";
const STEP_LIMIT = 100;
const LOOK_AROUND: Match = { action: ACTIONS.find((a) => a.name === 'look around')!, vars: new Map() };

/** Each item's look-around text at reset, as the reset's runTicks returns it (about 0.5 kB each; capped). */
const LOOKS = new Map<number, string>();
const LOOKS_CAP = 2048;

interface Game {
  house: House;
  task: BuiltTask;
  maker: Maker;
  moves: number;
  waiting: number;
  pending: Match[] | null;
  score: number;
  done: boolean;
  variation: number;
  /** Thermometer readings, for the room view. */
  readings: Map<SwObject, number>;
}

/** Python's round() of 100 * score (banker's rounding at .5). */
function pyRound100(score: number): number {
  const x = 100 * score;
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

export function buildGame(index: number): Game {
  if (!Number.isInteger(index) || index < 0 || index >= ITEM_COUNT) throw new Error('list index out of range');
  const { type, variation } = taskOf(index);
  const family = familyOf(type.id);
  if (!family) {
    throw new Error(`SciWorld item ${index} is task ${type.id} (${type.name}), variation ${variation}: that task type is not built yet in agentgym-web (built: ${[...BUILT_TYPES].join(', ')}).`);
  }
  const maker = new Maker(new Uuids(), variation);
  const { house, task } = family.build(maker, type.id, variation);
  return { house, task, maker, moves: 0, waiting: 0, pending: null, score: 0, done: false, variation, readings: new Map() };
}

export class SciWorldEnv implements Env {
  private game: Game | null = null;
  private last = '';

  reset(index: number): string {
    this.game = buildGame(index);
    // AgentGym's reset takes a real "look around" step (free, but goals are checked), and its
    // client shows the task description above it.
    // GET /observation then answers the look-around alone, as AgentGym's server does.
    // "look around" parses to that one action whatever the world holds (no other action's words
    // start it), so the parse is skipped.
    // The world a reset builds is a function of the item, so its look-around text is too: it is
    // remembered (the goals still check). Skipping the description leaves hidden terminals unmade.
    const known = LOOKS.get(index);
    const text = this.runTicks([LOOK_AROUND], '', known);
    if (known === undefined) {
      if (LOOKS.size >= LOOKS_CAP) LOOKS.clear();
      // A flat copy: the text as built is a V8 rope that kept about 6 kB alive per item, not 0.5.
      LOOKS.set(index, (' ' + text).slice(1));
    }
    const look = this.result(text, true).observation;
    return `${this.game.task.description}\n${look}`;
  }

  observation(): string {
    return this.last;
  }

  detail(): Record<string, unknown> {
    const g = this.need();
    return { task_name: g.task.name, var_num: g.variation, score: g.score, moves: g.moves, goals: this.goalsText() };
  }

  /** GET /goals: which subgoals are met, as ScienceWorld's progress string lists them. */
  goalsText(): string {
    const gs = this.need().task.goals;
    const ordered = gs.ordered.map((g, i) => `${i}\t${i < gs.cur}\t${g.description}`).join('\n');
    const unordered = gs.unordered.map((g, i) => `${i}\t${gs.unorderedDone[i]}\t${g.description}`).join('\n');
    return `Sequential Subgoals:\n${ordered}\nUnordered and Optional Subgoals:\n${unordered}\n`;
  }

  private need(): Game {
    if (!this.game) throw new Error('Call reset before step.');
    return this.game;
  }

  private room(): SwObject {
    return this.need().house.agent.container!;
  }

  private lookAround(): string {
    return description(this.room(), DETAILED);
  }

  step(raw: string): StepResult {
    const g = this.need();
    const input = raw.trim().toLowerCase();
    // Special inputs the Python interface answers before the simulator (no time passes).
    if (input === 'task') return this.result(`Task description:\n${g.task.description}`, true);
    if (input === 'help') return this.result(helpText(), true);
    let text: string;
    let valid = true;
    if (g.pending) {
      const choices = g.pending;
      g.pending = null;
      const n = /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
      if (Number.isNaN(n)) text = this.runTicks([], `ERROR: Unknown response (${raw}).  Action cancelled.`);
      else if (n < 0 || n >= choices.length) text = this.runTicks([], `ERROR: Value out of range (${raw}).  Action cancelled.`);
      else text = this.runTicks([choices[n]], '');
    } else {
      const room = this.room();
      // Hidden terminals are all called "terminal 1" or "terminal 2": only such an input needs them made.
      const terminals = input.includes('terminal');
      const objects = [...new Set([...accessibleObjects(room, terminals), ...accessibleObjects(g.house.agent, terminals)])];
      const matches = parseInput(raw, objects, room);
      if (matches.length === 0) {
        text = NO_MATCH;
        valid = false;
      } else if (matches.length > 1) {
        const amb = ambiguityMessage(matches, room);
        g.pending = amb.ordered;
        text = amb.text;
      } else text = this.runTicks(matches, '');
    }
    return this.result(text, valid);
  }

  private result(text: string, valid: boolean): StepResult {
    const g = this.need();
    const obs = text.length > 0 ? text : UNKNOWN;
    const score = pyRound100(g.task.goals.score());
    const reward = score;
    const delta = score - g.score;
    g.score = score;
    const done = g.task.goals.completed || score < 0;
    // ScienceWorld's move limit ends the episode too (AgentGym's reply says done): a truncation.
    const truncated = !done && g.moves > STEP_LIMIT;
    g.done = done || truncated;
    this.last = obs;
    const gs = g.task.goals;
    return {
      observation: obs,
      reward,
      done,
      truncated,
      info: { valid, score, delta, truncated, moves: g.moves, progress: gs.cur / gs.ordered.length, goals: this.goalsText() },
    };
  }

  /** AgentInterface.step: run the action, tick the world (and keep ticking while waiting); `known`: what the one action will say. */
  private runTicks(actions: Match[], cancelled: string, known?: string): string {
    const g = this.need();
    const out: string[] = [];
    let queue = actions;
    for (;;) {
      const free = queue.length > 0 && queue.every((m) => ['look around', 'view inventory', 'task'].includes(m.action.name));
      for (const m of queue) {
        out.push(known ?? this.run(m));
        g.task.goals.ctx.history.push(m.action.name === 'look at' ? m.vars.get('obj')! : null);
      }
      queue = [];
      g.task.goals.tick();
      if (!free) {
        tickWorld(g.house.universe, g.maker);
        g.moves++;
      }
      // A free action only describes, so the world is as the first check saw it.
      g.task.goals.tick(free);
      if (g.waiting > 0) g.waiting--;
      else break;
    }
    void cancelled;
    return known ?? out.join('\n').trim().replace(/ +/g, ' ');
  }

  private run(m: Match): string {
    const g = this.need();
    const v = (k: string) => m.vars.get(k)!;
    switch (m.action.name) {
      case 'look around':
        return this.lookAround();
      case 'look at': {
        const o = v('obj');
        if (o.hidden) return '<ERROR: Could not retrieve object description>';
        return o.portal ? portalLook(o, this.room()) : description(o, DETAILED);
      }
      case 'look in':
        return lookIn(v('obj'), g.house.agent);
      case 'view inventory':
        return `In your inventory, you see:\n${listDescription(g.house.inventory.children(), g.house.inventory, DETAILED, true)}`;
      case 'task':
        return `Task Description:\n${g.task.description}`;
      case 'open door':
        return openClose(v('door'), true);
      case 'close door':
        return openClose(v('door'), false);
      case 'move through door':
        return this.goTo(v('doorOrLocation'));
      case 'activate':
      case 'deactivate':
        return activate(v('device'), m.action.name === 'activate');
      case 'move object':
        return moveObject(v('obj'), v('moveTo'));
      case 'pick up':
        return moveObject(v('obj'), g.house.inventory);
      case 'put down': {
        const o = v('obj');
        return moveObject(o, this.room());
      }
      case 'pour object':
        return pour(v('obj'), v('moveTo'));
      case 'focus on': {
        const o = v('obj');
        g.task.goals.ctx.focus = o;
        return `You focus on the ${o.descriptName()}.`;
      }
      case 'reset task':
        g.task.goals.cur = 0;
        g.task.goals.failed = false;
        g.task.goals.ctx.focus = null;
        g.task.goals.ctx.lastSatisfied = null;
        g.task.goals.unorderedDone.fill(false);
        return 'You reset the goal progress and focus.';
      case 'use object': {
        const [device, patient] = [v('device'), v('patient')];
        g.task.goals.ctx.uses.push({ device: device.name, patient: patient.descriptName() });
        if (device.name === 'shovel') return shovel(patient, g.maker);
        if (device.kind === 'thermometer' && patient.material) g.readings.set(patient, patient.material.temperatureC);
        return useDevice(device, patient);
      }
      case 'eat': {
        const food = v('food');
        if (!food.extra.edible) return `The ${food.name} is not edible.`;
        food.remove();
        return `The ${food.name} was delicious.`;
      }
      case 'read': {
        const d = v('document');
        if (d.kind !== 'book' && d.kind !== 'document') return "It's not clear how to read that.";
        g.task.goals.ctx.read.push(d);
        return d.kind === 'book' ? BOOK_TEXTS[String(d.extra.title)] : readDocument(d);
      }
      case 'dunk object':
        return dunk(v('moveTo'), v('moveFrom'));
      case 'flush': {
        const o = v('device');
        if (o.kind !== 'toilet') return "It's not clear how to flush that.";
        if (o.deviceProp!.isActivated) return 'That is already flushing.';
        o.deviceProp!.isActivated = true;
        return `The ${o.name} is now flushing.`;
      }
      case 'mix':
        return mix(v('container'), g.maker);
      case 'connect electrically':
        return connect(v('terminalA'), v('terminalB'));
      case 'disconnect electrically':
        return disconnect(v('obj'));
      case 'wait1':
        g.waiting = 1;
        return 'You decide to wait for 1 iterations.';
      case 'wait10':
        g.waiting = 10;
        return 'You decide to wait for 10 iterations.';
      default:
        return '<unknown catch>';
    }
  }

  private goTo(target: SwObject): string {
    const agent = this.need().house.agent;
    const here = this.room();
    if (target.kind === 'door') {
      if (!target.portal!.isOpen) return `The ${target.name} is not open.`;
      const to = connectsTo(target, here);
      if (!to) return "The door doesn't appear to go anywhere.";
      to.add(agent);
      return `You move through the ${target.name} to the ${to.name}.`;
    }
    if (target.kind === 'room' || target.kind === 'outside') {
      for (const p of here.portalList()) {
        const to = connectsTo(p, here);
        if (!to || to !== target) continue;
        if (!p.portal!.isOpen) return `The ${p.name} is not open.`;
        target.add(agent);
        return `You move to the ${target.name}.`;
      }
      return "It's not clear how to get there from here.";
    }
    return `Its not clear how to go to/through a ${target.name}.`;
  }

  availableActions(): string[] {
    return ['look around', 'inventory', 'task', 'wait', 'wait1'];
  }

  /** The room as the agent would see it, the inventory, and which subgoals are met (the score's parts). */
  picture(): Picture | null {
    if (!this.game) return null;
    const g = this.game;
    const gs = g.task.goals;
    const card = (goal: Goal, met: boolean, badge: string) => ({ title: goal.description || goal.label || '', tone: met ? ('ok' as const) : ('neutral' as const), badge });
    return {
      kind: 'stack',
      parts: [
        roomTree(this.room(), g.house.inventory, g.readings, `${g.task.name} · variation ${g.variation} · moves ${g.moves}`),
        {
          kind: 'cards',
          title: 'Subgoals',
          summary: `score ${g.score} · ${gs.cur} of ${gs.ordered.length} in order${gs.failed ? ' · failed' : ''}`,
          cards: [...gs.ordered.map((goal, i) => card(goal, i < gs.cur, `step ${i + 1}`)), ...gs.unordered.map((goal, i) => card(goal, gs.unorderedDone[i], 'bonus'))],
        },
      ],
    };
  }
}

function portalLook(p: SwObject, here: SwObject): string {
  const to = connectsTo(p, here);
  const state = p.portal!.isOpen ? 'open' : 'closed';
  if (p.kind === 'drain') return `A ${p.name}, which is ${state}`;
  if (to) return `A ${p.name} to the ${to.name} (that is ${state})`;
  return `A ${p.name} that connects the ${p.portal!.from.name} to the ${p.portal!.to.name} (that is ${state})`;
}

function lookIn(o: SwObject, agent: SwObject): string {
  if (!o.containerProp) return "It's not clear how to look inside of that.";
  if (!o.containerProp.isOpen) return `The ${o.name} isn't open, so you can't see inside.`;
  let s = '';
  const items = o.children();
  s += items.length === 0 ? `There is nothing in the ${o.name}.` : `Inside the ${o.name} is: \n${listDescription(items, agent, CURSORY, true)}`;
  s += '\n';
  const portals = o.portalList();
  if (portals.length > 0) s += ` You also see: ${portals.map((p) => portalLook(p, o)).join(', ')}.`;
  return s;
}

function openClose(o: SwObject, open: boolean): string {
  const verb = open ? 'open' : 'closed';
  const able = open ? 'openable' : 'closeable';
  if (o.portal) {
    if (o.portal.isOpen === open) return `The ${o.name} is already ${verb}.`;
  }
  if (o.containerProp && !o.portal) {
    if (!o.containerProp.isClosable) return `The ${o.name} is not ${able}.`;
    if (o.containerProp.isOpen === open) return `The ${o.name} is already ${verb}.`;
  }
  if (!o.portal && !o.containerProp) return `The ${o.name} is not ${able}.`;
  if (o.portal) o.portal.isOpen = open;
  else o.containerProp!.isOpen = open;
  return `The ${o.name} is now ${verb}.`;
}

function activate(o: SwObject, on: boolean): string {
  if (!o.deviceProp || !o.deviceProp.isActivable) return `The ${o.name} is not something that can be activated.`;
  if (o.deviceProp.isActivated === on) return `The ${o.name} is already ${on ? 'activated' : 'deactivated'}.`;
  if (o.deviceProp.isBroken) return `The ${o.name} appears broken, and can't be activated or deactivated.`;
  o.deviceProp.isActivated = on;
  return `The ${o.name} is now ${on ? 'activated' : 'deactivated'}.`;
}

function moveObject(o: SwObject, to: SwObject): string {
  if (!o.movable) return `The ${o.name} is not moveable.`;
  if (o === to) return "You can't move something into itself.";
  if (o.material?.stateOfMatter === 'liquid') return "You can't pick up a liquid directly.  Try pouring it from one container to another, or dunking empty containers into containers filled with the liquid.";
  if (o.material?.stateOfMatter === 'gas') return "You can't pick up a gas directly.";
  if (!to.containerProp) return "That can't be moved there.";
  if (!to.containerProp.isOpen) return `That can't be moved there, because the ${to.name} isn't open.`;
  to.add(o);
  return `You move the ${o.name} to the ${to.name}.`;
}

function pour(o: SwObject, to: SwObject): string {
  const outOfContainer = !!o.containerProp?.isContainer;
  if (!o.movable) return `The ${o.name} is not moveable.`;
  if (!outOfContainer) {
    const c = o.container;
    if (!c) return `The ${o.name} can't be poured out because it doesn't appear to be in a container.`;
    if (!c.movable) return `The ${c.name} the ${o.name} is in is not movable.`;
    if (o.material?.stateOfMatter === 'solid') return "I'm not sure how to pour a solid. ";
    if (o.material?.stateOfMatter === 'gas') return "You can't pour a gas directly. ";
  } else if (!o.containerProp!.isOpen) return `The ${o.name} can't be poured out, because it's not open.`;
  if (!to.containerProp) return "That can't be moved there, because it's not a container.";
  if (!to.containerProp.isOpen) return `That can't be moved there, because the ${to.name} isn't open.`;
  if (outOfContainer && o.contents.length === 0) return `The ${o.name} is empty, so there's nothing to pour.`;
  if (o === to) return "You can't move something into itself.";
  if (outOfContainer) {
    for (const c of o.children()) if (c.movable) to.add(c);
    return `You pour the contents of the ${o.name} into the ${to.name}.`;
  }
  to.add(o);
  return `You pour the ${o.name} into the ${to.name}.`;
}

function dunk(into: SwObject, from: SwObject): string {
  if (into === from) return "You can't dunk something into itself.";
  if (!into.movable) return `The ${into.name} is not moveable.`;
  if (into.containerProp && !into.containerProp.isOpen) return `The ${into.name} is not open.`;
  if (!into.containerProp?.isContainer) return `The ${into.name} is not a container.`;
  const liquids = from.children(false).filter((c) => c.material?.stateOfMatter === 'liquid');
  if (liquids.length === 0) return `The ${from.name} does not contain any liquids to dunk into.`;
  const movable = liquids.filter((l) => l.movable);
  if (movable.length === 0) return `The liquids in ${from.name} aren't able to move.`;
  for (const l of movable) into.add(l);
  return `You dunk the ${into.name} in the ${from.name}, moving the liquids (${movable.map((l) => l.name).join(', ')}) to the ${into.name}.`;
}

function useDevice(dev: SwObject, patient: SwObject): string {
  if (!dev.deviceProp?.isUsable) return `I'm not sure how to use the ${dev.name}. `;
  if (dev.kind === 'thermometer') {
    if (!patient.material) return "That thing doesn't appear to have a temperature that the thermometer can read. ";
    return `the thermometer measures a temperature of ${formatTemp(patient.material.temperatureC)} degrees celsius`;
  }
  if (dev.kind === 'lighter') {
    const m = patient.material;
    if (!m) return "It's not clear how to use those items together.";
    if (m.combustionPoint <= 2200) {
      if (m.isCombusting) return `The ${patient.name} is already on fire.`;
      if (m.combustionTicks > 0) {
        m.isCombusting = true;
        m.hasCombusted = true;
        return `The ${patient.name} catches fire.`;
      }
      return `The ${patient.name} is not flammable.`;
    }
    let delta = Math.min(10, 2200 - m.temperatureC);
    if (delta < 0) delta = 0;
    m.temperatureC += delta;
    return `The lighter heats up the ${patient.name} a small amount.`;
  }
  return '';
}
