/**
 * SciWorld (AgentGym's agentenv-sciworld over ScienceWorld 1.x), a TypeScript port of the parts of
 * ScienceWorld's Scala simulator the built task types need. See sciworld.ts for what an episode is
 * and README.md's SciWorld row for what differs from ScienceWorld.
 *
 * HTTP: AgentGym's routes and reply shapes (ids named `id`, reset by `data_idx`); the reset reply's
 * task fields are read back from the observation (task description, then the look-around).
 */
import type { EnvModule } from '../contract.ts';
import { SciWorldOracle } from './oracle.ts';
import { SciWorldEnv } from './sciworld.ts';
import { TASK_TYPES } from './tasks.ts';

/** The task name a description belongs to (the reset reply's task_name). */
function taskName(description: string): string | null {
  const m = /^Your task is to (boil|melt|freeze|change the state of matter of) /.exec(description);
  if (!m) return null;
  const name = m[1] === 'change the state of matter of' ? 'change-the-state-of-matter-of' : m[1];
  return TASK_TYPES.find((t) => t.name === name)?.name ?? null;
}

export const module: EnvModule = {
  create: () => new SciWorldEnv(),
  http: {
    resetField: 'data_idx',
    replies: {
      reset: (r) => {
        const cut = r.observation.indexOf('\n');
        const description = r.observation.slice(0, cut);
        return { task_name: taskName(description), var_num: null, task_description: description, observation: r.observation.slice(cut + 1), reward: 0, score: 0, deleted: false, done: false };
      },
      step: (r) => ({ observation: r.observation, reward: r.info.delta ?? 0, score: r.info.score ?? r.reward, done: r.done }),
    },
    extraGets: {
      goals: (env) => ({ goals: (env as SciWorldEnv).goalsText() }),
      action_hint: (env) => ({ possible_actions: (env as SciWorldEnv).availableActions(), possible_objects: [] }),
    },
  },
  oracle: () => new SciWorldOracle(),
};
