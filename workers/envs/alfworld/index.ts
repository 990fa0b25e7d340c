/**
 * ALFWorld (AgentGym's agentenv-alfworld, alfworld 0.3.3 on TextWorld's PDDL engine) on ALFWorld's
 * own games, rebuilt in TypeScript:
 * - Item i is AgentGym's game i: ids 0-2419 its train mapping, 2420-2619 its test mapping (played
 *   from json_2.1.1/valid_train). 239 training games are not in the files we build from; those
 *   items refuse to reset with a message saying so. The eval split is the 200 test games.
 * - The game files we have are ALFWorld's 2.1.3 edition; commands and texts follow the 2.1.1
 *   grammar AgentGym plays ("put X in/on Y"), and "go to" answers only the receptacle's description
 *   as AgentGym's server trims it.
 * - The 50-step limit is TextWorld's truncation: our step result says `truncated`, the HTTP reply
 *   says `done: true` as AgentGym's does.
 * - Contract gaps: the HTTP reset reply and the oracle get only the observation, so the reset's
 *   available actions are read back from it and its task_type from a note the reset leaves
 *   (episodes.ts); `world_type` is not checked (the server's reset reply cannot see the body).
 */
import type { EnvModule } from '../contract.ts';
import { AlfWorldEnv } from './alfworld.ts';
import { resetNote } from './episodes.ts';
import { AlfWorldOracle } from './oracle.ts';
import type { MetaRecord } from './record.ts';
import { introActions } from './texts.ts';

export const module: EnvModule = {
  create: async (data) => new AlfWorldEnv(data, await data.json<MetaRecord>('alfworld/meta.json')),
  http: {
    resetField: 'game',
    replies: {
      reset: (r) => ({ id: r.id, observation: r.observation, available_actions: introActions(r.observation), task_type: resetNote(r.observation)?.task ?? null }),
      step: (r) => ({ observation: r.observation, reward: r.reward, available_actions: r.info.available_actions ?? [], done: r.done || r.info.truncated === true }),
    },
  },
  oracle: () => new AlfWorldOracle(),
};
