/**
 * TextCraft (AgentGym's agentenv-textcraft). Differences from AgentGym, all forced or deliberate:
 * - Recipes come from minecraft-data 1.16.2 with tags and groups rebuilt (scripts/data/textcraft.ts),
 *   not from the vanilla data pack, and are read in output-name order, not directory order; so the
 *   goal list (by depth, ties in that order) and a few recipes differ from AgentGym's.
 * - Shuffles and samples use our seeded Rng (reseeded with 42 every reset, as AgentGym reseeds
 *   Python's random), so the command order and distractors differ; AgentGym's own order also
 *   changes between server processes (it shuffles a Python set of strings).
 * - AgentGym's tree walk appends child recipes into the shared recipe lists (so later crafts can
 *   match another item's recipe); we do not reproduce that bug.
 * - Eval items: AgentEval's textcraft_test.json holds 100 ids we could not read; we use 0..99.
 */
import type { EnvModule } from '../contract.ts';
import { TextCraftOracle } from './oracle.ts';
import { TextCraftEnv } from './textcraft.ts';

export const module: EnvModule = {
  create: () => new TextCraftEnv(),
  http: {
    resetField: 'data_idx',
    createResets: true,
    extraGets: {
      commands: (env) => (env as TextCraftEnv).commands,
      goal: (env) => (env as TextCraftEnv).goal,
    },
  },
  oracle: () => new TextCraftOracle(),
};
