import type { AgentFormat } from '../contract.ts';

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

export const format: AgentFormat = {
  id: 'textcraft-ours-2',
  instruction,
  instructionReply: "OK. I'll follow your instructions and try my best to solve the task.",
  extractAction(reply) {
    // As AgentGym's client: the text after the one "Action:" to the end of its line (blank lines
    // after "Action:" skipped), then only letters, digits, commas and single spaces kept.
    const found = [...reply.matchAll(/Action:\s*([\s\S]*?)(?=\n|$)/g)];
    if (found.length > 1) return { invalid: ONE_ACTION };
    const raw = found.length ? found[0][1] : '';
    // "look" is passed on: AgentGym's server answers that it cannot execute it.
    return { action: raw.replace(/[^A-Za-z0-9, ]+/g, '').split(' ').filter(Boolean).join(' ') };
  },
};
