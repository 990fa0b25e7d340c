/**
 * Test helper: a manifest with `deterministic: false` (no such env is registered yet; WebArena and
 * live-data modes will be), and an env that really is not: every reset opens a new "visit", so
 * re-running the same actions gives other observations. Tests add it to the registry with vi.mock.
 */
import type { EnvManifest, StepResult } from '../workers/envs/contract.ts';
import { afterLastAction } from '../workers/envs/react-format.ts';

let visits = 0;

class LiveEnv {
  private visit = 0;
  private steps = 0;
  private last = '';

  reset(index: number): string {
    this.visit = ++visits;
    this.steps = 0;
    this.last = `Page ${index}, visit ${this.visit}: today's headlines.`;
    return this.last;
  }

  step(action: string): StepResult {
    this.steps++;
    const done = action === 'submit';
    this.last = `Visit ${this.visit}, step ${this.steps}: you chose "${action}".`;
    return { observation: this.last, reward: done ? 1 : 0, done, info: { valid: action !== 'scroll sideways' } };
  }

  observation(): string {
    return this.last;
  }
}

export const liveManifest: EnvManifest = {
  id: 'live',
  title: 'Live page',
  summary: 'A page that changes between visits.',
  agentgym: false,
  itemCount: 3,
  evalItems: [0, 1, 2],
  maxRounds: 6,
  dataVersion: 'live-1',
  deterministic: false,
  scoring: { kind: 'binary', success: { atLeast: 1 }, headline: 'success-rate' },
  downloads: [],
  format: async () => ({
    id: 'live-test-1',
    instruction: 'Browse, then submit.',
    instructionReply: 'OK',
    extractAction: (reply) => {
      const action = afterLastAction(reply);
      return action === null ? { invalid: 'Reply with "Action: <what to do>".' } : { action };
    },
  }),
  load: async () => ({ create: () => new LiveEnv(), http: { resetField: 'seed' } }),
};
