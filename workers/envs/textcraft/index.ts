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
  dataVersion: 'textcraft-2',
  extractAction(reply) {
    // As AgentGym's client: the text after the one "Action:" to the end of its line (blank lines
    // after "Action:" skipped), then only letters, digits, commas and single spaces kept.
    const found = [...reply.matchAll(/Action:\s*([\s\S]*?)(?=\n|$)/g)];
    if (found.length > 1) return { invalid: ONE_ACTION };
    const raw = found.length ? found[0][1] : '';
    return { action: raw.replace(/[^A-Za-z0-9, ]+/g, '').split(' ').filter(Boolean).join(' ') };
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
