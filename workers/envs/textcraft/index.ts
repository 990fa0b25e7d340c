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
import type { EnvSpec } from '../contract.ts';
import { craftingTree } from './crafting-tree.ts';
import { TextCraftEnv } from './textcraft.ts';
import { evalSplit } from '../splits.ts';

const instruction = `You will craft items in Minecraft. You are shown some crafting commands that may help, each written as "craft [target object] using [input ingredients]", and a goal item to craft.
After each of my observations, answer with one action. You can "get" an ingredient (from your inventory or the world), look at what you carry with "inventory", or "craft" a target with one of the crafting commands.
Answer strictly in this format:
"Thought:
what you think.

Action:
your next action"

Keep in mind:
1. Always give the quantity in "get" and "craft" actions. Examples: get 1 lapis lazuli; craft 1 blue dye using 1 lapis lazuli; craft 1 golden carrot using 8 gold nugget, 1 carrot
2. With "get", do not say where the item comes from.
3. Use ONLY the crafting commands given, never your own. When a command names a generic ingredient such as "planks", you may use a specific kind of it instead, such as "dark oak planks".
`;

const ONE_ACTION = "Error: Only one 'Action' is allowed per response. Please adjust your response.";

export const textcraft: EnvSpec = {
  id: 'textcraft',
  title: 'TextCraft',
  summary: 'Craft a Minecraft item from a list of crafting commands, getting base ingredients as you go.',
  agentgym: true,
  instruction,
  instructionReply: "OK. I'll follow your instructions and try my best to solve the task.",
  get itemCount() {
    return craftingTree().goals().length;
  },
  evalItems: evalSplit('textcraft'),
  maxRounds: 20,
  dataVersion: 'textcraft-mcdata-1.16.2-1',
  extractAction(reply) {
    // As AgentGym's client: the text after the one "Action:" to the end of its line (blank lines
    // after "Action:" skipped), then only letters, digits, commas and single spaces kept.
    const found = [...reply.matchAll(/Action:\s*([\s\S]*?)(?=\n|$)/g)];
    if (found.length > 1) return { invalid: ONE_ACTION };
    const raw = found.length ? found[0][1] : '';
    const action = raw.replace(/[^A-Za-z0-9, ]+/g, '').split(' ').filter(Boolean).join(' ');
    return { action: action.toLowerCase() === 'look' ? 'inventory' : action };
  },
  isSuccess: (reward) => reward === 1,
  create: () => new TextCraftEnv(),
  http: {
    resetField: 'data_idx',
    createResets: true,
    extraGets: {
      commands: (env) => (env as TextCraftEnv).commands,
      goal: (env) => (env as TextCraftEnv).goal,
    },
  },
};
