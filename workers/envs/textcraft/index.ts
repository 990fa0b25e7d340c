/**
 * TextCraft (AgentGym's agentenv-textcraft at 3ef9235), built from AgentGym's own 860 recipe files
 * and played by its rules; every golden episode recorded from its server replays identically.
 * - Item i is the goal AgentGym's server gives data_idx i: its goals follow the directory listing
 *   of the recipe files (ext4 hash order on the recording machine), stably sorted by crafting
 *   depth; we keep that listing with the data. Indices wrap as there (544 is item 0 again).
 * - The reset's command list is AgentGym's: Python sets shuffled with random.seed(42), so the line
 *   order and the distractors follow CPython 3.11's str hashing under PYTHONHASHSEED=0, as its
 *   server runs (another hash seed gives another order there; the tree's lines stay the same).
 * - Steps after the goal is crafted keep working, as on AgentGym's server.
 * - Eval items: AgentEval's textcraft_test.json holds 100 ids we could not read; ours are chosen
 *   as eval-splits.json says.
 */
import type { EnvModule } from '../contract.ts';
import { TextCraftOracle } from './oracle.ts';
import { TextCraftEnv } from './textcraft.ts';

export const module: EnvModule = {
  create: () => new TextCraftEnv(),
  http: {
    resetField: 'data_idx',
    createResets: true,
    stepsAfterDone: true,
    extraGets: {
      commands: (env) => (env as TextCraftEnv).commands,
      goal: (env) => (env as TextCraftEnv).goal,
    },
  },
  oracle: () => new TextCraftOracle(),
};
