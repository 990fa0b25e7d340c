/**
 * BabyAI oracle: plans over the true grid (env internals, never shown to an agent) and answers with
 * one of the currently available text actions.
 *
 * A greedy planner works through the mission's pending parts in order; for each it knows what to
 * hold and which cells to face, fetches keys for locked doors on the way, moves blocking objects
 * aside, and picks the available action that, tried on a copy of the episode, brings it closest
 * (shortest turn/forward route on the true grid) to its target. The oracle plays the greedy plan
 * out on a copy first; when it needs more rounds than the budget, it improves the plan by rollouts
 * (at each step of the plan, every other action followed by the greedy planner, keeping any that
 * finishes sooner) until it fits or no rollout helps.
 */
import type { BabyAIEnv } from './babyai.ts';
import type { Instr } from './instrs.ts';
import { DIR_VEC, inside, objAt, posOf, type World, type WorldObj } from './world.ts';

/** What the planner wants next: face one of `cells`, holding `hold`, then do `final`. */
interface Goal {
  cells: number[];
  final: 'pickup' | 'toggle' | 'drop' | null;
  /** Object to hold on arrival; null for empty hands; 'any' when it does not matter. */
  hold: number | null | 'any';
  /** The object to pick up (final 'pickup'). */
  obj?: number;
}

interface Route {
  cost: number;
  /** Cells entered along the way, in order. */
  cells: number[];
  lockedDoor: number | null;
  blocker: number | null;
  /** A locked door on the way that the carried key opens. */
  heldKeyDoor: number | null;
}

const LOCK_PENALTY = 60;
const BLOCK_PENALTY = 30;
const TARGET_DOOR_PENALTY = 200;
/** Extra low-level steps a dropped object may add to a route (one high-level action absorbs a few). */
const DROP_DETOUR = 8;

/** Primitive instructions still to do, in the order they should be done. */
export function pending(ins: Instr): Instr[] {
  switch (ins.kind) {
    case 'before': return ins.aDone === 'success' ? pending(ins.b) : [...pending(ins.a), ...pending(ins.b)];
    case 'after': return ins.bDone === 'success' ? pending(ins.a) : [...pending(ins.b), ...pending(ins.a)];
    case 'and': return [...(ins.aDone === 'success' ? [] : pending(ins.a)), ...(ins.bDone === 'success' ? [] : pending(ins.b))];
    default: return [ins];
  }
}

/** Primitives that may be done now: both halves of an "and", else the next in order. */
function eligible(ins: Instr): Instr[] {
  switch (ins.kind) {
    case 'before': return ins.aDone === 'success' ? eligible(ins.b) : eligible(ins.a);
    case 'after': return ins.bDone === 'success' ? eligible(ins.a) : eligible(ins.b);
    case 'and': return [...(ins.aDone === 'success' ? [] : eligible(ins.a)), ...(ins.bDone === 'success' ? [] : eligible(ins.b))];
    default: return [ins];
  }
}

/** Doors that a pending Open must toggle open itself: opening them early would waste them. */
function targetDoors(ins: Instr): Set<number> {
  return new Set(pending(ins).flatMap((p) => (p.kind === 'open' ? p.desc.objSet : [])));
}

const cellOf = (w: World, x: number, y: number): number => y * w.width + x;

/**
 * What stepping forward into `cell` costs on a route (Infinity where a route cannot go): doors cost
 * an extra step to open, and much more when locked without the key or when the mission wants to
 * open them itself; objects in the way cost a detour to move them unless `blockers` is off.
 */
function enterCost(w: World, cell: number, held: WorldObj | null, avoid: Set<number>, blockers: boolean): number {
  const id = w.cells[cell];
  if (id < 0) return 1;
  const o = w.objs[id];
  if (o.type === 'wall') return Infinity;
  if (o.type !== 'door') return blockers ? 1 + BLOCK_PENALTY : Infinity;
  let cost = o.door === 'open' ? 1 : 2;
  if (o.door === 'locked' && !(held?.type === 'key' && held.color === o.color)) cost += LOCK_PENALTY;
  if (o.door !== 'open' && avoid.has(id)) cost += TARGET_DOOR_PENALTY;
  return cost;
}

const heldBy = (w: World): WorldObj | null => (w.carrying >= 0 ? w.objs[w.carrying] : null);

interface Search {
  dist: Float64Array;
  prev: Int32Array;
  /** The pose the search stopped at, or -1 when it ran to the end. */
  end: number;
}

type Relax = (from: number, to: number, cost: number) => void;

/**
 * Dijkstra over poses (cell * 4 + direction) of `w` from `sources`; `expand(s, c, relax)` offers
 * the neighbours of pose s (reached at cost c). Stops at the first pose `stop` accepts, or runs to
 * the end. Costs are small integers, so a bucket queue keeps it a plain Dijkstra.
 */
function dijkstra(w: World, sources: number[], expand: (s: number, c: number, relax: Relax) => void, stop: ((s: number) => boolean) | null = null): Search {
  const n = w.width * w.height * 4;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  for (const s of sources) dist[s] = 0;
  const buckets: number[][] = [[...sources]];
  const relax: Relax = (from, to, cost) => {
    if (cost < dist[to]) {
      dist[to] = cost;
      prev[to] = from;
      (buckets[cost] ??= []).push(to);
    }
  };
  for (let c = 0; c < buckets.length; c++) {
    for (const s of buckets[c] ?? []) {
      if (dist[s] !== c) continue;
      if (stop?.(s)) return { dist, prev, end: s };
      expand(s, c, relax);
    }
  }
  return { dist, prev, end: -1 };
}

/**
 * Routes from the agent's pose: turns cost 1, forward steps enterCost; `blockedCell` may not be
 * entered at all.
 */
function search(w: World, avoid: Set<number>, blockedCell: number, blockers: boolean, stop: ((s: number) => boolean) | null): Search {
  const held = heldBy(w);
  return dijkstra(w, [cellOf(w, w.agent[0], w.agent[1]) * 4 + w.dir], (s, c, relax) => {
    const cell = s >> 2, d = s & 3;
    relax(s, cell * 4 + ((d + 3) & 3), c + 1);
    relax(s, cell * 4 + ((d + 1) & 3), c + 1);
    const fc = faced(w, s);
    if (fc >= 0 && fc !== blockedCell) relax(s, fc * 4 + d, c + enterCost(w, fc, held, avoid, blockers));
  }, stop);
}

/** The cell a pose faces, or -1 off the grid. */
function faced(w: World, s: number): number {
  const cell = s >> 2;
  const x = cell % w.width, y = (cell - x) / w.width;
  const [dx, dy] = DIR_VEC[s & 3];
  return inside(w, x + dx, y + dy) ? cellOf(w, x + dx, y + dy) : -1;
}

/** Cheapest turn/forward route on the true grid to a state facing one of `targets`. */
function route(w: World, targets: readonly number[], avoid: Set<number>, blockedCell = -1, blockers = true): Route | null {
  const want = new Set(targets);
  const { dist, prev, end } = search(w, avoid, blockedCell, blockers, (s) => want.has(faced(w, s)));
  return end < 0 ? null : build(w, prev, end, dist[end], cellOf(w, w.agent[0], w.agent[1]) * 4 + w.dir);
}

/** route()'s cost to face each cell, from one search to the end. */
function routeCosts(w: World, avoid: Set<number>): (cell: number) => number {
  const { dist } = search(w, avoid, -1, true, null);
  return (cell) => {
    const x = cell % w.width, y = (cell - x) / w.width;
    let best = Infinity;
    DIR_VEC.forEach(([dx, dy], d) => {
      if (inside(w, x - dx, y - dy)) best = Math.min(best, dist[cellOf(w, x - dx, y - dy) * 4 + d]);
    });
    return best;
  };
}

/**
 * route()'s cost from every pose at once (cell * 4 + direction), by Dijkstra backwards from the
 * poses facing a target: one search prices all the moves that leave the grid as it is.
 */
function costField(w: World, targets: readonly number[], avoid: Set<number>): Float64Array {
  const held = heldBy(w);
  const sources: number[] = [];
  for (const t of targets) {
    const tx = t % w.width, ty = (t - tx) / w.width;
    DIR_VEC.forEach(([dx, dy], d) => {
      if (inside(w, tx - dx, ty - dy)) sources.push(cellOf(w, tx - dx, ty - dy) * 4 + d);
    });
  }
  return dijkstra(w, sources, (s, c, relax) => {
    const cell = s >> 2, d = s & 3;
    relax(s, cell * 4 + ((d + 3) & 3), c + 1);
    relax(s, cell * 4 + ((d + 1) & 3), c + 1);
    // Backwards over a forward step into this cell, from the cell behind.
    const x = cell % w.width, y = (cell - x) / w.width;
    const [dx, dy] = DIR_VEC[d];
    if (inside(w, x - dx, y - dy)) relax(s, cellOf(w, x - dx, y - dy) * 4 + d, c + enterCost(w, cell, held, avoid, true));
  }).dist;
}

function build(w: World, prev: Int32Array, end: number, cost: number, start: number): Route {
  const states: number[] = [];
  for (let s = end; s !== start; s = prev[s]) states.push(s);
  states.reverse();
  const r: Route = { cost, cells: [], lockedDoor: null, blocker: null, heldKeyDoor: null };
  const held = heldBy(w);
  let last = start >> 2;
  for (const s of states) {
    const cell = s >> 2;
    if (cell === last) continue;
    last = cell;
    r.cells.push(cell);
    const id = w.cells[cell];
    if (id < 0) continue;
    const o = w.objs[id];
    if (o.type === 'door' && o.door === 'locked') {
      if (held?.type === 'key' && held.color === o.color) r.heldKeyDoor ??= id;
      else r.lockedDoor ??= id;
    } else if (o.type !== 'door') {
      r.blocker ??= id;
    }
  }
  return r;
}

type Intent = { kind: 'final'; goal: Goal } | { kind: 'nav'; goal: Goal };

class GreedyPlanner {
  /** The part of the mission being worked on (an object of the live episode's instruction tree). */
  private current: Instr | null = null;

  /**
   * `explore` lets the planner try out the order of an "and" (copies it plays out do not);
   * `lookahead` is how many of the best actions it looks one action past; `first` picks which
   * of the parts that may be done at the start to work on first.
   */
  constructor(private readonly explore = true, private readonly lookahead = LOOKAHEAD, private first = 0) {}

  /** Which of the `options` parts that may be done now a rollout finishes soonest with. */
  private quickest(env: BabyAIEnv, options: number): number {
    let best = 0, bestRounds = Infinity;
    for (let k = 0; k < options; k++) {
      const plan = rollout(env, ROLLOUT_CAP, new GreedyPlanner(false, this.lookahead, k));
      if (plan && plan.length < bestRounds) { best = k; bestRounds = plan.length; }
    }
    return best;
  }

  next(env: BabyAIEnv): string {
    const { world: w, instr } = env.episode;
    const now = eligible(instr);
    if (now.length === 0) throw new Error('BabyAI oracle: nothing left to do');
    const avoid = targetDoors(instr);
    // Work on one part until it is done; where the mission leaves a choice, play each option out
    // on a copy and keep the quickest.
    if (!this.current || !now.includes(this.current)) {
      this.current = now[now.length > 1 && this.explore ? this.quickest(env, now.length) : Math.min(this.first, now.length - 1)];
      this.first = 0;
    }
    const intent = this.plan(w, this.goalFor(w, this.current, avoid), avoid, []);
    return this.choose(env, intent, avoid);
  }

  private goalFor(w: World, ins: Instr, avoid: Set<number>): Goal {
    const nearest = (ids: number[], hold: Goal['hold']): number => {
      let best = -1, bestCost = Infinity;
      const costTo = routeCosts(w, avoid);
      for (const id of ids) {
        const p = posOf(w, id);
        if (!p) continue;
        const cost = costTo(cellOf(w, p[0], p[1]));
        if (cost < bestCost) { best = id; bestCost = cost; }
      }
      if (best < 0 && hold !== 'any') throw new Error('BabyAI oracle: no reachable object for the mission');
      return best;
    };
    switch (ins.kind) {
      case 'goto':
        return { cells: ins.desc.objPoss.map(([x, y]) => cellOf(w, x, y)), final: null, hold: 'any' };
      case 'pickup': {
        const obj = nearest(ins.desc.objSet, null);
        const [x, y] = posOf(w, obj)!;
        return { cells: [cellOf(w, x, y)], final: 'pickup', hold: null, obj };
      }
      case 'open': {
        const shut = ins.desc.objSet.filter((d) => w.objs[d].door !== 'open');
        const door = nearest(shut.length ? shut : ins.desc.objSet, null);
        return this.openGoal(w, door);
      }
      case 'putnext': {
        const obj = ins.move.objSet.includes(w.carrying) ? w.carrying : nearest(ins.move.objSet, null);
        const spots = new Set<number>();
        for (const [x, y] of ins.fixed.objPoss) {
          for (const [dx, dy] of DIR_VEC) {
            const [sx, sy] = [x + dx, y + dy];
            if (inside(w, sx, sy) && objAt(w, sx, sy) < 0) spots.add(cellOf(w, sx, sy));
          }
        }
        return { cells: [...spots], final: 'drop', hold: obj };
      }
      default:
        throw new Error('BabyAI oracle: pending() returns primitives only');
    }
  }

  private openGoal(w: World, door: number): Goal {
    const [x, y] = posOf(w, door)!;
    const d = w.objs[door];
    if (d.door !== 'locked') return { cells: [cellOf(w, x, y)], final: 'toggle', hold: 'any' };
    // The held key if it fits, else the nearest one on the floor that is not behind this door
    // (MiniGrid may put a locked room's key inside it, with another of its colour elsewhere).
    let key = -1, best = Infinity;
    w.objs.forEach((o, id) => {
      if (o.type !== 'key' || o.color !== d.color || (key >= 0 && key === w.carrying)) return;
      if (id === w.carrying) { key = id; return; }
      const p = posOf(w, id);
      const r = p && route(w, [cellOf(w, p[0], p[1])], new Set());
      if (r && r.lockedDoor !== door && r.cost < best) { key = id; best = r.cost; }
    });
    if (key < 0) throw new Error(`BabyAI oracle: no reachable ${d.color} key for the locked door`);
    return { cells: [cellOf(w, x, y)], final: 'toggle', hold: key };
  }

  private pickGoal(w: World, obj: number): Goal {
    const [x, y] = posOf(w, obj)!;
    return { cells: [cellOf(w, x, y)], final: 'pickup', hold: null, obj };
  }

  /** `outer` holds the goals this one serves: a drop must not block their routes either. */
  private plan(w: World, goal: Goal, avoid: Set<number>, outer: Goal[]): Intent {
    if (outer.length > 8) throw new Error('BabyAI oracle: plan too deep');
    const chain = [...outer, goal];
    // Clear the way first (doors to unlock, objects in the way when there is no way round), then
    // see to what is held.
    const r = route(w, goal.cells, avoid, -1, false) ?? route(w, goal.cells, avoid);
    if (!r) throw new Error('BabyAI oracle: no route');
    if (r.lockedDoor !== null && (r.blocker === null || r.cells.indexOf(posCell(w, r.lockedDoor)) < r.cells.indexOf(posCell(w, r.blocker)))) {
      return this.plan(w, this.openGoal(w, r.lockedDoor), avoid, chain);
    }
    if (r.blocker !== null) return this.plan(w, this.pickGoal(w, r.blocker), avoid, chain);
    // Holding the key a door on the way needs while the goal wants other hands: unlock it now.
    if (r.heldKeyDoor !== null && goal.hold !== 'any' && goal.hold !== w.carrying) return this.plan(w, this.openGoal(w, r.heldKeyDoor), avoid, chain);
    if (typeof goal.hold === 'number' && w.carrying !== goal.hold) return this.plan(w, this.pickGoal(w, goal.hold), avoid, chain);
    if (goal.hold === null && w.carrying >= 0) return this.dropIntent(w, chain, avoid);
    return r.cost === 0 ? { kind: 'final', goal } : { kind: 'nav', goal };
  }

  /** Put down what is held somewhere off the routes of every goal in the chain, nearest first. */
  private dropIntent(w: World, chain: Goal[], avoid: Set<number>): Intent {
    const routes = chain.map((g) => route(w, g.cells, avoid));
    // Goal cells stay clear; route cells may be used when the detour is short (routes depend on
    // which way the agent faces, so excluding them would make the choice flicker).
    const onRoute = new Set(chain.flatMap((g) => g.cells));
    const ok = (cell: number): boolean => {
      const x = cell % w.width, y = (cell - x) / w.width;
      if (!inside(w, x, y) || w.cells[cell] >= 0 || onRoute.has(cell)) return false;
      return chain.every((g, k) => {
        const was = routes[k];
        // A cell off a route leaves its cost as it is.
        if (was && !was.cells.includes(cell)) return true;
        const after = route(w, g.cells, avoid, cell);
        return !was || (after !== null && after.blocker === was.blocker && after.cost <= was.cost + DROP_DETOUR);
      });
    };
    // Cells next to the agent, cheapest turn first: front, left, right, behind.
    for (const turn of [0, 3, 1, 2]) {
      const [dx, dy] = DIR_VEC[(w.dir + turn) % 4];
      const cell = cellOf(w, w.agent[0] + dx, w.agent[1] + dy);
      if (!ok(cell)) continue;
      return turn === 0 ? { kind: 'final', goal: { cells: [], final: 'drop', hold: 'any' } } : { kind: 'nav', goal: { cells: [cell], final: 'drop', hold: 'any' } };
    }
    // Nearest free cells by walking distance from the agent.
    const seen = new Set<number>([cellOf(w, w.agent[0], w.agent[1])]);
    const queue = [cellOf(w, w.agent[0], w.agent[1])];
    for (let head = 0; head < queue.length && head < 200; head++) {
      const c = queue[head];
      const x = c % w.width, y = (c - x) / w.width;
      for (const [dx, dy] of DIR_VEC) {
        const nc = cellOf(w, x + dx, y + dy);
        if (!inside(w, x + dx, y + dy) || seen.has(nc)) continue;
        seen.add(nc);
        const id = w.cells[nc];
        if (ok(nc)) return { kind: 'nav', goal: { cells: [nc], final: 'drop', hold: 'any' } };
        if (id < 0 || (w.objs[id].type === 'door' && w.objs[id].door === 'open')) queue.push(nc);
      }
    }
    throw new Error('BabyAI oracle: nowhere to drop');
  }

  /** Try the available actions on copies and take the one that gets closest to the intent. */
  private choose(env: BabyAIEnv, intent: Intent, avoid: Set<number>): string {
    const actions = env.availableActions();
    const { goal } = intent;
    if (intent.kind === 'final') {
      if (goal.final === 'toggle' || goal.final === 'drop') return goal.final;
      if (goal.final === 'pickup') {
        const pick = actions.find((a) => a.startsWith('pickup ') && simulate(env, a).episode.world.carrying === goal.obj);
        if (pick) return pick;
      }
    }
    const field = costField(env.episode.world, goal.cells, avoid);
    const first = this.candidates(env, goal, avoid, field);
    const win = first.find((c) => c.cost === WIN);
    if (win) return win.action;
    // Look one action further for the few best, so a turn that reveals a long jump wins.
    const ranked = first.filter((c) => c.cost < Infinity).sort(byScore).slice(0, Math.max(1, this.lookahead));
    let best: { action: string; value: number; cost: number; steps: number } | null = null;
    for (const c of ranked) {
      const next = c.cost <= 0 || this.lookahead === 0 ? [] : this.candidates(c.sim, goal, avoid, keepsGrid(c.action) ? field : null);
      const value = Math.min(c.cost, ...next.map((n) => n.cost));
      const better = !best || value < best.value || (value === best.value && (c.cost < best.cost || (c.cost === best.cost && c.steps < best.steps)));
      if (better) best = { action: c.action, value, cost: c.cost, steps: c.steps };
    }
    if (!best) throw new Error('BabyAI oracle: no useful action');
    return best.action;
  }

  /** Each movement-like action tried on a copy: route cost left (WIN if the mission is done). */
  /** `field`: route costs on env's grid as it is, for the moves that leave it so (else routes). */
  private candidates(env: BabyAIEnv, goal: Goal, avoid: Set<number>, field: Float64Array | null): Candidate[] {
    const before = env.episode;
    const todo = pending(before.instr).length;
    const opens = pending(before.instr).filter((p) => p.kind === 'open');
    const out: Candidate[] = [];
    for (const a of env.availableActions()) {
      if (a === 'check available actions' || a === 'toggle' || a === 'drop') continue;
      const pickingTarget = a.startsWith('pickup ') && goal.final === 'pickup';
      if (a.startsWith('pickup ') && !pickingTarget) continue;
      const sim = simulate(env, a);
      const after = sim.episode;
      const w = after.world;
      const steps = w.stepCount - before.world.stepCount;
      if (after.done && after.reward > 0) {
        out.push({ action: a, cost: WIN, steps, sim });
        continue;
      }
      const progressed = pending(after.instr).length < todo;
      // Opening a door the mission wants opened later wastes it only when it was the last such
      // door still shut (sometimes every way on goes through one of them).
      const wasted = opens.some((p) => p.desc.objSet.every((d) => w.objs[d].door === 'open'));
      if (wasted && !progressed) continue;
      if (pickingTarget && w.carrying !== goal.obj) continue;
      const cost = progressed || pickingTarget ? DONE
        : field && keepsGrid(a) ? field[cellOf(w, w.agent[0], w.agent[1]) * 4 + w.dir]
        : route(w, goal.cells, avoid)?.cost ?? Infinity;
      out.push({ action: a, cost, steps, sim });
    }
    return out;
  }
}

interface Candidate {
  action: string;
  cost: number;
  steps: number;
  sim: BabyAIEnv;
}

/** Scores below any route cost: the mission finished, or this part of it. */
const WIN = -2;
const DONE = -1;
const LOOKAHEAD = 5;
const ROLLOUT_CAP = 40;
const GREEDY_CAP = 80;

const byScore = (a: Candidate, b: Candidate): number => a.cost - b.cost || a.steps - b.steps;

/** Moves that change neither doors, nor what is held, nor where objects lie. */
const keepsGrid = (action: string): boolean => /^(turn |move forward|go to |go through )/.test(action);

function posCell(w: World, id: number): number {
  const [x, y] = posOf(w, id)!;
  return cellOf(w, x, y);
}

function simulate(env: BabyAIEnv, action: string): BabyAIEnv {
  const copy = env.clone();
  copy.advance(action);
  return copy;
}

/** The greedy planner's actions from a copy of `env` until done, or null past `cap` rounds. */
function greedyPlan(env: BabyAIEnv, cap: number, planner = new GreedyPlanner()): string[] | null {
  const copy = env.clone();
  const plan: string[] = [];
  while (!copy.episode.done) {
    if (plan.length >= cap) return null;
    const action = planner.next(copy);
    plan.push(action);
    copy.advance(action);
  }
  return plan;
}

/** A rollout that throws (a copy walked into a dead end) just does not finish. */
function rollout(env: BabyAIEnv, cap: number, planner: GreedyPlanner): string[] | null {
  if (env.episode.done) return [];
  try {
    return greedyPlan(env, cap, planner);
  } catch {
    return null;
  }
}

/**
 * One walk along `plan`: at each step try every other available action followed by a greedy
 * rollout capped to beat the plan, and switch to the first that does.
 */
function improveOnce(env: BabyAIEnv, plan: string[], lookahead: number): string[] {
  let best = plan;
  const at = env.clone();
  for (let t = 0; t < best.length - 1; t++) {
    for (const a of at.availableActions()) {
      if (a === best[t] || a === 'check available actions') continue;
      const next = at.clone();
      next.advance(a);
      const rest = rollout(next, best.length - t - 2, new GreedyPlanner(true, lookahead));
      if (rest) {
        best = [...best.slice(0, t), a, ...rest];
        break;
      }
    }
    at.advance(best[t]);
  }
  return best;
}

/**
 * Shorten `plan` until it fits in `budget` rounds: walks with cheap rollouts (no lookahead), then
 * with the planner's full lookahead, each repeated while it helps.
 */
function improve(env: BabyAIEnv, plan: string[], budget: number): string[] {
  let best = plan;
  for (const lookahead of [0, LOOKAHEAD]) {
    while (best.length > budget) {
      const next = improveOnce(env, best, lookahead);
      if (next.length >= best.length) break;
      best = next;
    }
  }
  return best;
}

/** What the plan expects the episode to look like before each of its actions. */
function signature(env: BabyAIEnv): string {
  const w = env.episode.world;
  return `${w.stepCount}|${w.agent}|${w.dir}|${w.carrying}|${w.cells.join()}`;
}

export class BabyAIOracle {
  private plan: string[] = [];
  private expected = '';

  /** `budget`: the rounds a plan may take from where it starts (from a reset: the env's maxRounds). */
  constructor(private readonly budget = Infinity) {}

  next(env: BabyAIEnv): string {
    // Replan whenever the episode is not where the plan left it (a new episode, or other moves).
    if (this.plan.length === 0 || signature(env) !== this.expected) {
      const plan = greedyPlan(env, GREEDY_CAP);
      if (!plan) throw new Error('BabyAI oracle: no plan within ' + GREEDY_CAP + ' rounds');
      this.plan = plan.length > this.budget ? improve(env, plan, this.budget) : plan;
    }
    const action = this.plan.shift()!;
    const after = env.clone();
    after.advance(action);
    this.expected = signature(after);
    return action;
  }
}
