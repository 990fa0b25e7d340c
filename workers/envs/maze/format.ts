/**
 * What AgentGym's MAZE client (agentenv/envs/lmrlgym.py, MazeEnvClient) does around the env:
 * how it reads an action out of a reply, and how it opens the conversation.
 */
import type { ActionParse, AgentFormat, OpeningTurn } from '../contract.ts';
import { LMRLGYM_ACKNOWLEDGEMENT, lmrlgymClientAction, lmrlgymConversation } from '../react-format.ts';

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
export function conversationStart(firstObservation: string, instruction: string): OpeningTurn[] {
  return lmrlgymConversation(MAZE_EXPERT_LINE, `${instruction}\n${firstObservation}`);
}

const instruction = `You are in a maze drawn on a grid and must reach the goal cell. Positions are given as (row, column): rows count downward from 0 at the top, columns count rightward from 0 at the left.

Each turn you are told where the goal is, where you are, and which neighbouring cells are walls. You can only move into a cell without a wall. The moves are:
- move up (row - 1)
- move down (row + 1)
- move left (column - 1)
- move right (column + 1)

Reply in exactly this format, with one move per reply:
Thought: <how you reason about the maze so far>
Action: <one of: move up, move down, move left, move right>

A short example:
Observation: The goal is at position 8, 6. Your current position is at position 5, 6. There are walls to your right, to your left.
Thought: The goal is three rows below me in the same column, and there is no wall below me.
Action: move down

Your maze starts now.`;

export const format: AgentFormat = {
  id: 'maze-ours-2',
  instruction,
  instructionReply: LMRLGYM_ACKNOWLEDGEMENT,
  extractAction,
  opening: (instr, firstObservation) => conversationStart(firstObservation, instr),
};
