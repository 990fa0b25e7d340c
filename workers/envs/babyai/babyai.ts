/**
 * BabyAI as AgentGym serves it (agentenv-babyai): item `data_idx` is level `data_idx % 40` with
 * seed `data_idx // 40`; the agent acts with AgentGym's high-level text actions, each run as
 * MiniGrid low-level steps until one changes nothing in view.
 */
import type { Env, GridCell, Picture, StepResult } from '../contract.ts';
import { Rng } from '../rng.ts';
import { textView, type TextView } from './agentgym.ts';
import { generate } from './generate.ts';
import { updateObjPoss, verify, type Instr } from './instrs.ts';
import { levelOf } from './levels.ts';
import { Act, egoView, encodeView, viewToAbs, VIEW, applyAct, type Color, type World } from './world.ts';

export const NOT_RECOGNIZED = 'The action is not recognized. Please check valid actions.';
export const NO_CHANGE = 'No change in state.';

/** Everything that changes during an episode, as plain data (the oracle clones it). */
export interface EpisodeState {
  index: number;
  world: World;
  instr: Instr;
  goal: string;
  view: TextView;
  /** AgentGym's env.reward: the last low-level reward, kept across invalid actions. */
  reward: number;
  score: number;
  done: boolean;
  last: string;
}

/** AgentGym's goal line: BabyAI's mission with "then" and "after you" both turned into "and". */
export function goalText(mission: string): string {
  return mission.replaceAll('then', 'and').replaceAll('after you', 'and');
}

function withActions(text: string, view: TextView): string {
  return `${text}\nAvailable actions: [${[...view.actions.keys()].map((a) => `"${a}"`).join(', ')}]`;
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
    const g = generate(level, new Rng(`${level.name}/${seed}`));
    const view = textView(g.world);
    const goal = goalText(g.mission);
    const last = withActions(`Your goal: ${goal}\n${view.description}`, view);
    this.s = { index, world: g.world, instr: g.instr, goal, view, reward: 0, score: 0, done: false, last };
    return last;
  }

  private get state(): EpisodeState {
    if (!this.s) throw new Error('Call reset first.');
    return this.s;
  }

  step(raw: string): StepResult {
    const s = this.state;
    const action = raw.toLowerCase().trim();
    let text: string;
    let valid = true;
    if (action.includes('check')) {
      text = `You can take the following actions: ${[...s.view.actions.keys()].join(', ')}`;
    } else if (!s.view.actions.has(action)) {
      valid = false;
      text = action === '' ? NO_CHANGE : s.view.errors.get(action) ?? NOT_RECOGNIZED;
    } else {
      const acts = s.view.actions.get(action)!;
      if (acts.length === 0) {
        text = NO_CHANGE;
      } else {
        let outcome = { reward: 0, terminated: false };
        let seen = encodeView(s.world);
        for (const act of acts) {
          outcome = lowStep(s, act);
          const now = encodeView(s.world);
          if (now === seen) break;
          seen = now;
        }
        s.view = textView(s.world);
        text = s.view.description + (outcome.terminated ? '\n The task is completed.' : '');
        s.reward = outcome.reward;
        // AgentGym ends the episode only on a success worth more than 0.5.
        s.done = outcome.terminated && s.reward > 0.5;
      }
    }
    s.score += s.reward;
    s.last = withActions(text, s.view);
    return { observation: s.last, reward: s.reward, done: s.done, info: { valid, score: s.score } };
  }

  observation(): string {
    return this.state.last;
  }

  availableActions(): string[] {
    return [...this.state.view.actions.keys()];
  }

  /** A deep copy of the episode, for planners that try actions ahead. */
  clone(): BabyAIEnv {
    const copy = new BabyAIEnv();
    copy.s = structuredClone(this.state);
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
    const status = done ? `done, reward ${reward.toFixed(3)}` : `step ${w.stepCount}/${w.maxSteps}`;
    return { kind: 'grid', rows: w.height, cols: w.width, cells, caption: `${this.state.goal} · ${held} · ${status}` };
  }

  detail(): Record<string, unknown> {
    const { index, world: w, goal, instr, score } = this.state;
    const { level, seed } = levelOf(index);
    return { level: level.name, seed, goal, instr, agent: w.agent, dir: w.dir, carrying: w.carrying, steps: w.stepCount, maxSteps: w.maxSteps, score };
  }
}

const WALL = '#334155';
const FLOOR = '#f8fafc';
const SEEN = '#e0f2fe';
const AGENT = '#dc2626';
const INK: Record<Color, string> = { red: '#ef4444', green: '#22c55e', blue: '#3b82f6', purple: '#a855f7', yellow: '#eab308', grey: '#6b7280' };
