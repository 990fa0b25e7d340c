/**
 * The agent-side format shared by the tool envs: an instruction in our own words listing the
 * env's tools and AgentGym's "Ok." reply. AgentGym's tool clients send the whole model output and
 * the server parses it (grammar.ts); we send the server's rebuilt call string instead, which the
 * server reads exactly as the whole reply, so the action shown is the call, not the thought.
 */
import type { AgentFormat } from '../contract.ts';
import { callLine } from './grammar.ts';

/**
 * The action for a reply: its call string, or, without a call line, what follows the last
 * "Action:" with leading space dropped (an end part of a reply without a call line has none
 * either, so the server's answer, the format error, is the same; trailing space is kept because
 * it is what breaks the call line).
 */
export function extractToolCall(reply: string): string {
  const call = callLine(reply);
  if (call !== null) return call;
  const at = reply.lastIndexOf('Action:');
  return at < 0 ? reply : reply.slice(at + 'Action:'.length).trimStart();
}

export interface ToolDoc {
  name: string;
  /** Argument name -> what it is. */
  args: Record<string, string>;
  does: string;
}

/** Where an env's closing tools differ from the usual (Sheet: no check_valid_actions; finish takes no answer). */
export interface ToolFormatOptions {
  listActions: boolean;
  finish: ToolDoc;
  /** The closing advice (default: answer with the type the question asks for). */
  advice: string;
}

const DEFAULTS: ToolFormatOptions = {
  listActions: true,
  finish: { name: 'finish', args: { answer: 'the answer' }, does: 'gives your final answer and ends the task.' },
  advice: 'Give answers with the type the question asks for: a number as a number (18.5, not "18.5"), text as a string, several items as a list. Always end with finish.',
};

const line = (t: ToolDoc, n: number) => `${n}. ${t.name}: ${t.does} Input: {${Object.entries(t.args).map(([k, v]) => `"${k}": ${v}`).join(', ')}}`;

export function toolFormat(id: string, intro: string, tools: readonly ToolDoc[], example: string, options: Partial<ToolFormatOptions> = {}): AgentFormat {
  const o = { ...DEFAULTS, ...options };
  const closing: ToolDoc[] = [...(o.listActions ? [{ name: 'check_valid_actions', args: {}, does: 'lists the tool names.' }] : []), o.finish];
  const list = [...tools, ...closing].map((t, i) => line(t, i + 1)).join('\n');
  const instruction = `${intro}
You solve the task by calling tools, one call per reply. Each call's result comes back as an observation. These tools exist:
${list}

Reply in exactly this format, with the call as the last line and nothing after it:
Thought: [what you think]

Action: [tool name] with Action Input: [the input as a dict, e.g. {"name": "Paris"}]

The input may be JSON or a Python literal (single quotes, True, False, None). ${o.advice}
Example: ${example}`;
  return { id, instruction, instructionReply: 'Ok.', extractAction: (reply) => ({ action: extractToolCall(reply) }) };
}
