/** Helpers for AgentGym's "Thought: ... Action: ..." reply format. */
import type { OpeningTurn } from './contract.ts';
import { pyStrip } from './python-str.ts';

/** The canned assistant turn after the expert line in AgentGym's LMRL-Gym clients (MAZE, Wordle). */
export const LMRLGYM_ACKNOWLEDGEMENT = "OK. I'll follow your instructions and try my best to solve the task.";

/** How those clients open a conversation: their expert line, the acknowledgement, then `firstTurn`. */
export function lmrlgymConversation(expertLine: string, firstTurn: string): OpeningTurn[] {
  return [
    { role: 'user', content: expertLine },
    { role: 'assistant', content: LMRLGYM_ACKNOWLEDGEMENT },
    { role: 'user', content: firstTurn },
  ];
}

/**
 * The action AgentGym's LMRL-Gym clients (MAZE, Wordle) send for a reply: a reply ending in "</s>"
 * loses its last five characters (the client slices five off a four-character tag, so the
 * character before the tag goes too), then the text between the first and second "Action:" is
 * kept (the whole reply when it has none), stripped as Python strips.
 */
export function lmrlgymClientAction(reply: string): string {
  // Python slices code points: the character cut with the tag may be an emoji (two UTF-16 units).
  const text = reply.endsWith('</s>') ? reply.slice(0, -4).replace(/[\s\S]$/u, '') : reply;
  const parts = text.split('Action:');
  return pyStrip(parts.length > 1 ? parts[1] : parts[0]);
}

/**
 * The action AgentGym's newer clients (ALFWorld, SciWorld) send for a ReAct reply: a trailing
 * "</s>" goes with five characters, then BaseAdapter.parse_react: the text after the last
 * "Action:", or nothing (the whole text if it looks like a WebShop action).
 */
export function agentgymReactAction(reply: string): string {
  const text = reply.endsWith('</s>') ? reply.slice(0, -5) : reply;
  const action = afterLastAction(text);
  if (action !== null) return action;
  return text.includes('search[') || text.includes('click[') ? text : '';
}

/** Text after the last "Action:" (AgentGym's BaseAdapter.parse_react); null if none. */
export function afterLastAction(reply: string): string | null {
  const at = reply.lastIndexOf('Action:');
  if (at < 0) return null;
  return reply.slice(at + 'Action:'.length).trim();
}

/** The thought part of a ReAct reply, for display; empty when the reply has no "Action:". */
export function thoughtOf(reply: string): string {
  const at = reply.lastIndexOf('Action:');
  if (at < 0) return '';
  const head = reply.slice(0, at);
  const t = head.indexOf('Thought:');
  return (t < 0 ? head : head.slice(t + 'Thought:'.length)).trim();
}
