/**
 * What AgentGym's MAZE client (agentenv/envs/lmrlgym.py, MazeEnvClient) does around the env:
 * how it reads an action out of a reply, and how it opens the conversation.
 */
import type { ActionParse } from '../contract.ts';
import { lmrlgymClientAction, lmrlgymConversation, type Turn } from '../react-format.ts';

/** The client's first user turn, before any rules. */
export const MAZE_EXPERT_LINE = 'You are an expert maze solver.';

/**
 * The text between the first and second "Action:" (see lmrlgymClientAction). The client sends it
 * unchanged, so "Move Right" or "move right." reach the env and are no-ops there.
 */
export function extractAction(reply: string): ActionParse {
  return { action: lmrlgymClientAction(reply) };
}

/**
 * The expert line, the canned acknowledgement, then ONE user turn holding the rules and, after a
 * newline, the reset observation (the client prepends its rules to the server's first observation).
 */
export function conversationStart(firstObservation: string, instruction: string): Turn[] {
  return lmrlgymConversation(MAZE_EXPERT_LINE, `${instruction}\n${firstObservation}`);
}
