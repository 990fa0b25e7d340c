import type { AgentFormat } from '../contract.ts';
import { afterFirstAction } from '../react-format.ts';

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
Action: move down`;

export const format: AgentFormat = {
  id: 'maze-ours-1',
  instruction,
  instructionReply: 'OK',
  extractAction(reply) {
    // Like AgentGym's client: without "Action:" the whole reply goes to the env, which treats an
    // unknown move as a no-op and describes the position again.
    return { action: afterFirstAction(reply) ?? reply.trim() };
  },
};
