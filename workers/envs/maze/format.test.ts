import { describe, expect, it } from 'vitest';
import { conversationStart, format } from './format.ts';
import { MazeEnv } from './maze.ts';

describe("MAZE conversation start (AgentGym's MazeEnvClient)", () => {
  it('is the expert line, the canned acknowledgement, then rules and first observation in one user turn', async () => {
    const first = await new MazeEnv().reset(0);
    expect(conversationStart(first, format.instruction)).toEqual([
      { role: 'user', content: 'You are an expert maze solver.' },
      { role: 'assistant', content: "OK. I'll follow your instructions and try my best to solve the task." },
      { role: 'user', content: `${format.instruction}\nThe goal is at position 8, 6. Your current position is at position 1, 1. There are walls to your left, above you, below you.` },
    ]);
    expect(format.opening?.(format.instruction, first)).toEqual(conversationStart(first, format.instruction));
  });
});
