/**
 * What AgentGym's WebArena client (agentenv/envs/webarena.py) does around the env: a reply without
 * a ```...``` pair never reaches the server and gets the client's own message back; otherwise the
 * action is the text inside the first pair, as WebArena's server reads it.
 */
import type { ActionParse, AgentFormat } from '../contract.ts';

export const NO_BACKTICKS = 'Cannot parse action from response. Your action should be inside triple backticks (```). Please adjust accordingly.';

export function extractAction(reply: string): ActionParse {
  const m = /```((.|\n)*?)```/.exec(reply);
  return m ? { action: m[1].trim() } : { invalid: NO_BACKTICKS };
}

const instruction = `You are operating a web browser to complete a task on a website. Each turn you receive:
- OBSERVATION: the open tabs, then the current page as an accessibility tree, one element per line as "[id] role 'name'"
- URL: the address of the current page
- OBJECTIVE: the task to complete
- PREVIOUS ACTION: what you did last ("None" at the start)

Act with exactly one of these actions per turn (every argument inside square brackets):
click [id]                     click the element with that id
type [id] [text] [0|1]         click the element and type the text; Enter is pressed afterwards unless the last argument is 0
hover [id]                     move the mouse over the element
press [keys]                   press a key combination, e.g. press [Control+a]
scroll [down] or scroll [up]   scroll the page by one screen
new_tab                        open a new, empty tab
tab_focus [index]              switch to the tab with that index
close_tab                      close the current tab
goto [url]                     open a URL
go_back / go_forward           move through the tab's history
stop [answer]                  finish: put the answer in the brackets when the task asks a question ("N/A" if it cannot be done), or leave them empty

The sites are only reachable at the addresses you are shown (the start page of a site is one of those).
Think step by step about what you see, then end your reply with "In summary, the next action I will perform is" followed by the action inside triple backticks, for example:
In summary, the next action I will perform is \`\`\`click [42]\`\`\`
Give one action per reply and nothing after stop.`;

export const format: AgentFormat = {
  id: 'webarena-ours-1',
  instruction,
  instructionReply: 'Ok.',
  extractAction,
};
