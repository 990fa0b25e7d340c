import { describe, expect, it } from 'vitest';
import { nodeDataSource } from '../../node-data-source.ts';
import { conversationStart, format } from './format.ts';
import { module as wordle } from './index.ts';
import type { WordleEnv } from './wordle.ts';

describe("Wordle conversation start (AgentGym's WordleEnvClient)", () => {
  it('is the expert line, the canned acknowledgement, then the rules message in place of the reset text', async () => {
    const first = await (wordle.create(nodeDataSource) as WordleEnv).reset(0);
    expect(first).toBe("Let's start Wordle!");
    const turns = conversationStart(first, format.instruction);
    expect(turns).toEqual([
      { role: 'user', content: 'You are an expert wordle player.' },
      { role: 'assistant', content: "OK. I'll follow your instructions and try my best to solve the task." },
      { role: 'user', content: format.instruction },
    ]);
    expect(turns.some((t) => t.content.includes(first))).toBe(false);
  });
});
