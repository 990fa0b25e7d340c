/**
 * Fuzzing one env through EnvSession (as the HTTP server and the benchmark drive it): seeded
 * episodes of random, listed and malformed actions, then many steps past the end. Every step is
 * checked: no exception other than the session's own "finished" refusal, the observation a
 * string, the reward a finite number in the scoring's range, an action the env calls invalid
 * leaves its state (its detail dict) as it was; and the same seed replays the same
 * trace (determinism). Returns the failures found, not a boolean, so a report can show them.
 */
import type { EnvManifest, Scoring } from '../workers/envs/contract.ts';
import { Rng } from '../workers/envs/rng.ts';
import { nodeDataSource } from '../workers/node-data-source.ts';
import { EnvSession, loadModule, type Snapshot } from '../workers/session.ts';
import { errorMessage } from '../workers/error-message.ts';

export interface FuzzBudget {
  episodes: number;
  /** Steps per episode before it is abandoned (if the env has not ended it). */
  steps: number;
  /** Steps tried after the end of each episode that ended. */
  pastDone: number;
}

export const CI_BUDGET: FuzzBudget = { episodes: 12, steps: 150, pastDone: 1_000 };
export const LONG_BUDGET: FuzzBudget = { episodes: 200, steps: 500, pastDone: 5_000 };

/**
 * An env that drives a real browser (WebArena) spends 40-300 ms a step, not microseconds: CI gets a
 * few short episodes of it, enough to cover parsing, refusals and the end; `--long` runs it in full.
 */
export function budgetFor(spec: EnvManifest, budget: FuzzBudget): FuzzBudget {
  return spec.needsProxy && budget === CI_BUDGET ? { episodes: 3, steps: 25, pastDone: 25 } : budget;
}

export interface FuzzReport {
  env: string;
  steps: number;
  episodesEnded: number;
  failures: string[];
}

/** Rewards a step may give, by scoring kind (per step; SciWorld-style deltas can be negative). */
const REWARD_RANGE: Record<Scoring['kind'], [number, number]> = {
  binary: [0, 1],
  signed: [-1, 1],
  // BabyAI's 1 - 0.9 * step_count / max_steps has no floor: MiniGrid only reports truncation when
  // the step budget runs out and keeps stepping (BabyAI registers no TimeLimit), and AgentGym
  // ignores truncation, so a mission finished after 10/9 of the budget scores below 0 there too.
  decay: [-Infinity, 1],
  progress: [0, 1],
  '0-100': [-200, 100],
};

/** Inputs no model should send but some will: empty, huge, odd characters, numbers past every limit. */
const MALFORMED = [
  '',
  ' ',
  '\n\n',
  '\u0000',
  'x'.repeat(20_000),
  '😀 🧱',
  'move',
  '{"action": "move up"}',
  'get 9999999999999999999 oak log',
  'get 1e400 oak log',
  'get -1 oak log',
  'craft 99999999999999999999999 stick using 1 planks',
  'craft 0 stick using 0 planks',
  '1e400',
  'NaN',
  '<script>alert(1)</script>',
  'go to \u202e',
  'pick up ' + 'a '.repeat(2_000),
  'Action: Action: Action:',
];

/** A seeded action: listed (when the env lists them), a word salad from the observation, or malformed. */
function nextAction(rng: Rng, snap: Snapshot): string {
  const r = rng.next();
  if (r < 0.4 && snap.availableActions?.length) return rng.pick(snap.availableActions);
  if (r < 0.75) {
    const words = snap.observation.split(/\s+/).filter(Boolean);
    if (words.length) return Array.from({ length: 1 + rng.int(5) }, () => rng.pick(words)).join(' ');
  }
  return rng.pick(MALFORMED);
}

/** Printed JS values that mean a bug ("Got Infinity"), unless the action itself said them. */
const JS_VALUES = ['undefined', 'NaN', 'Infinity', '[object Object]', 'null'];

function checkSnapshot(spec: EnvManifest, snap: Snapshot, where: string, failures: string[], action = ''): void {
  const [lo, hi] = REWARD_RANGE[spec.scoring.kind];
  if (typeof snap.observation !== 'string') failures.push(`${where}: observation is ${typeof snap.observation}, not a string`);
  if (typeof snap.reward !== 'number' || !Number.isFinite(snap.reward) || snap.reward < lo || snap.reward > hi) failures.push(`${where}: reward ${String(snap.reward)} outside [${lo}, ${hi}]`);
  if (typeof snap.done !== 'boolean') failures.push(`${where}: done is not a boolean`);
  const leaked = JS_VALUES.find((v) => new RegExp(`(^|\\W)${v.replace(/[[\]]/g, '\\$&')}(\\W|$)`).test(snap.observation) && !action.includes(v));
  if (leaked) failures.push(`${where}: observation shows the JS value ${leaked}: ${JSON.stringify(snap.observation.slice(0, 160))}`);
}

/** Envs where AgentGym itself changes state on an invalid action: its Wordle spends a guess on an invalid word. */
const INVALID_SPENDS_A_TURN = new Set(['wordle', 'wordle-official']);

/**
 * Envs whose AgentGym server adds the last reward to the running score on every step, invalid ones
 * included: BabyAI's reply is `score + env.reward`, and env.reward keeps the last low-level reward
 * (non-zero after a success worth 0.5 or less, or one past the step budget, neither of which ends
 * the episode).
 */
const INVALID_ADDS_TO_SCORE = new Set(['babyai']);

/**
 * The env's own state dict (its AgentGym detail) without the text echoing the last action and the
 * turn counter: as on AgentGym, an invalid action still spends a turn (MAZE's step count).
 */
function stateOf(spec: EnvManifest, session: EnvSession): string {
  const { observation: _o, steps: _s, ...state } = session.env.detail?.() ?? {};
  if (INVALID_ADDS_TO_SCORE.has(spec.id)) delete state.score;
  return JSON.stringify(state);
}

/** One seeded episode; returns its trace (for the determinism check) and adds failures. */
async function episode(spec: EnvManifest, seed: string, budget: FuzzBudget, failures: string[], counts: { steps: number; ended: number }): Promise<string[]> {
  const stepsAfterDone = (await loadModule(spec)).http.stepsAfterDone === true;
  const rng = new Rng(seed);
  const trace: string[] = [];
  const session = await EnvSession.open(spec, nodeDataSource);
  try {
    // Eval items are known to be playable (ALFWorld lacks some training games, and says so).
    const item = spec.evalItems.length ? spec.evalItems[rng.int(spec.evalItems.length)] : rng.int(spec.itemCount);
    let snap = await session.reset(item);
    checkSnapshot(spec, snap, `${spec.id} item ${item} reset`, failures);
    let ended = false;
    for (let i = 0; i < budget.steps + (ended ? budget.pastDone : 0) && trace.length < 100_000; i++) {
      const action = nextAction(rng, snap);
      const where = `${spec.id} item ${item} seed ${seed} step ${i + 1} (${JSON.stringify(action.slice(0, 40))})`;
      const before = stateOf(spec, session);
      try {
        snap = await session.step(action, stepsAfterDone);
      } catch (e) {
        const msg = errorMessage(e);
        // Past the end, the session's own refusal is the contract for envs that do not play on.
        if (ended && !stepsAfterDone && msg.startsWith('The episode has finished')) {
          trace.push('refused');
          continue;
        }
        failures.push(`${where}: threw ${msg.slice(0, 200)}`);
        break;
      }
      counts.steps++;
      checkSnapshot(spec, snap, where, failures, action);
      if (snap.info.valid === false && !ended && !INVALID_SPENDS_A_TURN.has(spec.id) && stateOf(spec, session) !== before) failures.push(`${where}: an invalid action changed the env's state`);
      trace.push(`${snap.reward}|${snap.done}|${snap.observation}`);
      if ((snap.done || snap.truncated) && !ended) {
        ended = true;
        counts.ended++;
      }
    }
  } catch (e) {
    failures.push(`${spec.id} seed ${seed}: ${errorMessage(e).slice(0, 200)}`);
  } finally {
    await session.close();
  }
  return trace;
}

export async function fuzzEnv(spec: EnvManifest, budget: FuzzBudget, seed = 1): Promise<FuzzReport> {
  const failures: string[] = [];
  const counts = { steps: 0, ended: 0 };
  for (let e = 0; e < budget.episodes; e++) {
    const s = `${seed}:${spec.id}:${e}`;
    const trace = await episode(spec, s, budget, failures, counts);
    // Determinism: the first episode again from a fresh session gives the same trace.
    if (e === 0) {
      const again = await episode(spec, s, budget, [], { steps: 0, ended: 0 });
      const at = trace.findIndex((t, i) => t !== again[i]);
      if (at >= 0 || trace.length !== again.length) failures.push(`${spec.id} seed ${s}: not deterministic from step ${at >= 0 ? at + 1 : Math.min(trace.length, again.length) + 1}`);
    }
  }
  return { env: spec.id, steps: counts.steps, episodesEnded: counts.ended, failures };
}
