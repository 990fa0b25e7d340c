import { describe, expect, it } from 'vitest';
import { conversationStart } from './format.ts';
import { maze } from './index.ts';

describe("MAZE conversation start (AgentGym's MazeEnvClient)", () => {
  it('is the expert line, the canned acknowledgement, then rules and first observation in one user turn', async () => {
    const first = await maze.create().reset(0);
    expect(conversationStart(first, maze.instruction)).toEqual([
      { role: 'user', text: 'You are an expert maze solver.' },
      { role: 'assistant', text: "OK. I'll follow your instructions and try my best to solve the task." },
      { role: 'user', text: `${maze.instruction}\nThe goal is at position 8, 6. Your current position is at position 1, 1. There are walls to your left, above you, below you.` },
    ]);
  });
});
