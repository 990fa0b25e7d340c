/**
 * BabyAI as AgentGym serves it (agentenv-babyai): item `data_idx` is level `data_idx % 40` with
 * seed `data_idx // 40`; the agent acts with AgentGym's high-level text actions, each run as
 * MiniGrid low-level steps until one changes nothing in view.
 */
import type { Env, GridCell, Picture, StepResult } from '../contract.ts';
import { textView, type TextView } from './agentgym.ts';
import { generate } from './generate.ts';
import { cloneInstr, missionParts, updateObjPoss, verify, type Instr } from './instrs.ts';
import { levelOf } from './levels.ts';
import { Act, egoView, encodeView, sameView, viewToAbs, VIEW, applyAct, type Color, type World } from './world.ts';

export const NOT_RECOGNIZED = 'The action is not recognized. Please check valid actions.';
export const NO_CHANGE = 'No change in state.';

/** Everything that changes during an episode, as plain data (the oracle clones it). */
export interface EpisodeState {
  index: number;
  world: World;
  instr: Instr;
  goal: string;
  /** The text view of the current world; null until asked for (planners' copies rarely need it). */
  view: TextView | null;
  /** The last observation before its action list; null for the view's description. */
  text: string | null;
  /** Whether the last move ended the task (AgentGym then says so after the description). */
  terminated: boolean;
  /** The last observation in full; null until asked for. */
  last: string | null;
  /**
   * The image AgentGym compares the next low-level step against, when it is not the current view:
   * only after PutNext…Carrying's reset, whose observation still shows the carried object on the
   * floor. Null otherwise.
   */
  image: Int32Array | null;
  /** AgentGym's env.reward: the last low-level reward, kept across invalid actions. */
  reward: number;
  score: number;
  done: boolean;
}

/** AgentGym's goal line: BabyAI's mission with "then" and "after you" both turned into "and". */
export function goalText(mission: string): string {
  return mission.replaceAll('then', 'and').replaceAll('after you', 'and');
}

/** One MiniGrid step of the level: move, refresh tracked positions on drop, verify, reward. */
function lowStep(s: EpisodeState, act: Act): { reward: number; terminated: boolean } {
  applyAct(s.world, act);
  if (act === Act.Drop) updateObjPoss(s.world, s.instr);
  const status = verify(s.world, s.instr, act);
  if (status === 'success') return { reward: 1 - 0.9 * (s.world.stepCount / s.world.maxSteps), terminated: true };
  return { reward: 0, terminated: status === 'failure' };
}

export class BabyAIEnv implements Env {
  private s: EpisodeState | null = null;

  reset(index: number): string {
    const { level, seed } = levelOf(index);
    const g = generate(level, seed);
    let world = g.world;
    let image: Int32Array | null = null;
    if (g.carry >= 0) {
      // AgentGym describes the reset observation's image (the object still on the floor) but
      // reads what the agent carries from the env, which already holds it.
      image = encodeView(world);
      world = { ...world, cells: world.cells.slice(), carrying: g.carry };
      world.cells[world.cells.indexOf(g.carry)] = -1;
    }
    const view = textView({ ...g.world, carrying: g.carry });
    const goal = goalText(g.mission);
    const text = `Your goal: ${goal}\n${view.description}`;
    this.s = { index, world, instr: g.instr, goal, view, text, terminated: false, last: null, image, reward: 0, score: 0, done: false };
    return this.observation();
  }

  private get state(): EpisodeState {
    if (!this.s) throw new Error('Call reset first.');
    return this.s;
  }

  private get view(): TextView {
    const s = this.state;
    return (s.view ??= textView(s.world));
  }

  step(raw: string): StepResult {
    const valid = this.advance(raw);
    const s = this.state;
    return { observation: this.observation(), reward: s.reward, done: s.done, info: { valid, score: s.score } };
  }

  /** A step without writing the observation (planners try thousands); false for an invalid action. */
  advance(raw: string): boolean {
    const s = this.state;
    const view = this.view;
    const action = raw.toLowerCase().trim();
    let valid = true;
    s.last = null;
    if (action.includes('check')) {
      s.text = `You can take the following actions: ${[...view.actions.keys()].join(', ')}`;
    } else if (!view.actions.has(action)) {
      valid = false;
      s.text = action === '' ? NO_CHANGE : view.errors.get(action) ?? NOT_RECOGNIZED;
    } else {
      const acts = view.actions.get(action)!;
      if (acts.length === 0) {
        s.text = NO_CHANGE;
      } else {
        let outcome = { reward: 0, terminated: false };
        let seen = s.image?.slice() ?? encodeView(s.world);
        s.image = null;
        let now = new Int32Array(seen.length);
        for (const act of acts) {
          outcome = lowStep(s, act);
          encodeView(s.world, now);
          if (sameView(now, seen)) break;
          [seen, now] = [now, seen];
        }
        s.view = null;
        s.text = null;
        s.terminated = outcome.terminated;
        s.reward = outcome.reward;
        // AgentGym ends the episode only on a success worth more than 0.5.
        s.done = outcome.terminated && s.reward > 0.5;
      }
    }
    s.score += s.reward;
    return valid;
  }

  observation(): string {
    const s = this.state;
    if (s.last === null) {
      const view = this.view;
      const text = s.text ?? view.description + (s.terminated ? '\n The task is completed.' : '');
      s.last = `${text}\nAvailable actions: [${[...view.actions.keys()].map((a) => `"${a}"`).join(', ')}]`;
    }
    return s.last;
  }

  availableActions(): string[] {
    return [...this.view.actions.keys()];
  }

  /** A deep copy of the episode, for planners that try actions ahead. */
  clone(): BabyAIEnv {
    const s = this.state;
    const w = s.world;
    const copy = new BabyAIEnv();
    // Planners clone thousands of times, so only what steps mutate is copied; a text view is
    // replaced on each step, never changed, and is shared.
    const world = { ...w, cells: w.cells.slice(), objs: w.objs.map((o) => ({ ...o })), agent: [w.agent[0], w.agent[1]] as [number, number] };
    copy.s = { ...s, world, instr: cloneInstr(s.instr) };
    return copy;
  }

  /** The live state (read-only use: oracle and tests). */
  get episode(): Readonly<EpisodeState> {
    return this.state;
  }

  picture(): Picture {
    const { world: w, done, reward } = this.state;
    const seen = new Set<number>();
    const view = egoView(w);
    for (let i = 0; i < VIEW; i++) {
      for (let j = 0; j < VIEW; j++) {
        const [x, y] = viewToAbs(w, i, j);
        if (view[i][j] !== null && x >= 0 && y >= 0 && x < w.width && y < w.height) seen.add(y * w.width + x);
      }
    }
    const cells: GridCell[] = w.cells.map((id, at) => {
      const o = id >= 0 ? w.objs[id] : null;
      if (o?.type === 'wall') return { fill: WALL };
      const cell: GridCell = { fill: seen.has(at) ? SEEN : FLOOR };
      if (o) {
        cell.ink = INK[o.color];
        cell.shape = o.type === 'key' ? 'key' : o.type === 'ball' ? 'circle' : o.type === 'box' ? 'square' : `door-${o.door!}`;
      }
      return cell;
    });
    const agent = cells[w.agent[1] * w.width + w.agent[0]];
    agent.shape = 'agent';
    agent.dir = w.dir as 0 | 1 | 2 | 3;
    agent.ink = AGENT;
    const held = w.carrying >= 0 ? `carrying a ${w.objs[w.carrying].color} ${w.objs[w.carrying].type}` : 'hands empty';
    // MiniGrid's own step count and limit are not shown: the page shows the episode's rounds and
    // their limit once, and a round here is many grid moves, which only the reward reflects.
    const status = done ? ` · done, reward ${reward.toFixed(3)}` : '';
    return { kind: 'grid', rows: w.height, cols: w.width, cells, caption: `${this.state.goal} · ${held}${status}` };
  }

  detail(): Record<string, unknown> {
    const { index, world: w, goal, instr, score } = this.state;
    const { level, seed } = levelOf(index);
    // The mission's status for people after a loss: which of its actions were done, which were not.
    const parts = missionParts(instr);
    const listed = (state: string) => parts.filter((p) => p.state === state).map((p) => p.text);
    return {
      level: level.name, seed, goal, missionDone: listed('done'), missionFailed: listed('failed'), missionLeft: listed('not done'),
      instr, agent: w.agent, dir: w.dir, carrying: w.carrying, steps: w.stepCount, maxSteps: w.maxSteps, score,
    };
  }
}

const WALL = '#334155';
const FLOOR = '#f8fafc';
const SEEN = '#e0f2fe';
const AGENT = '#dc2626';
const INK: Record<Color, string> = { red: '#ef4444', green: '#22c55e', blue: '#3b82f6', purple: '#a855f7', yellow: '#eab308', grey: '#6b7280' };
