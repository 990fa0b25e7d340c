import type { EnvSpec } from '../contract.ts';
import { extractAction } from './format.ts';
import { MazeEnv, STARTS } from './maze.ts';
import { evalSplit } from '../splits.ts';

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

export const maze: EnvSpec = {
  id: 'maze',
  title: 'MAZE',
  summary: 'Find the goal of a fixed maze, told only your position and the walls around you.',
  agentgym: true,
  instruction,
  instructionReply: 'OK',
  itemCount: STARTS.length,
  evalItems: evalSplit('maze'),
  maxRounds: 15,
  dataVersion: 'maze-1',
  extractAction,
  isSuccess: (reward) => reward === 1,
  create: () => new MazeEnv(),
  http: {
    resetField: 'game',
    extraGets: { available_actions: (env) => env.availableActions?.() ?? [] },
  },
};
