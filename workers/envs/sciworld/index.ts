/**
 * SciWorld (AgentGym's agentenv-sciworld over ScienceWorld 1.x), a TypeScript port of the parts of
 * ScienceWorld's Scala simulator the built task types need. See sciworld.ts for what an episode is
 * and README.md's SciWorld row for what differs from ScienceWorld.
 *
 * HTTP: AgentGym's routes and reply shapes (ids named `id`, reset by `data_idx`); the reset reply
 * splits our first observation back into the task description and the look-around.
 */
import type { EnvModule } from '../contract.ts';
import { SciWorldOracle } from './families.ts';
import { SciWorldEnv } from './sciworld.ts';
import { taskOf } from './tasks.ts';

export const module: EnvModule = {
  create: () => new SciWorldEnv(),
  http: {
    resetField: 'data_idx',
    replies: {
      reset: (r) => {
        const { type, variation } = taskOf(r.item ?? 0);
        const cut = r.observation.indexOf('\n');
        return { task_name: type.name, var_num: variation, task_description: r.observation.slice(0, cut), observation: r.observation.slice(cut + 1), reward: 0, score: 0, deleted: false, done: false };
      },
      step: (r) => ({ observation: r.observation, reward: r.info.delta ?? 0, score: r.info.score ?? r.reward, done: r.done || r.info.truncated === true }),
    },
    extraGets: {
      goals: (env) => ({ goals: (env as SciWorldEnv).goalsText() }),
      action_hint: (env) => ({ possible_actions: (env as SciWorldEnv).availableActions(), possible_objects: [] }),
    },
  },
  oracle: () => new SciWorldOracle(),
};
