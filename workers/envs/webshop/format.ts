/**
 * The agent side of WebShop: our own instruction, AgentGym's canned reply "Ok." and its ReAct
 * action extraction (agentenv's BaseAdapter.parse_react).
 */
import type { AgentFormat } from '../contract.ts';
import { pyStrip } from '../python-str.ts';

const instruction = `You are shopping in an online store for the product described in an instruction.
Each turn you see the current page as text, with its parts separated by [SEP]. Pages: the search page, a page of search results (ten products each, with their ID, name and price), a product page (its options, such as color or size, then name, price and buttons), a product's Description, Features or Reviews, and the page after buying.
You act with one of:
search[keywords] - search the store (works on any page)
click[text] - click a button, a product ID or an option value shown on the page, written exactly as shown (case does not matter), e.g. click[Next >], click[< Prev], click[Back to Search], click[B07XYZ1234], click[x-large], click[Buy Now]
Clicking an option selects it without changing the page. Buying ends the task and scores how well the product, its chosen options and its price fit the instruction. Anything else does nothing.
Answer in this format:

Thought:
your reasoning

Action:
click[something]`;

export const format: AgentFormat = {
  id: 'webshop-ours-1',
  instruction,
  instructionReply: 'Ok.',
  extractAction(reply) {
    // The client cuts five characters off a reply ending in "</s>" (the tag plus one).
    const text = reply.endsWith('</s>') ? reply.slice(0, -4).replace(/[\s\S]$/u, '') : reply;
    const at = text.lastIndexOf('Action:');
    if (at >= 0) return { action: pyStrip(text.slice(at + 'Action:'.length)) };
    // Without "Action:", a reply mentioning search[ or click[ is sent whole, otherwise nothing.
    return { action: text.includes('search[') || text.includes('click[') ? text : '' };
  },
};
