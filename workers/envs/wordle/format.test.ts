import { describe, expect, it } from 'vitest';
import { conversationStart } from './format.ts';
import { wordle } from './index.ts';

describe("Wordle conversation start (AgentGym's WordleEnvClient)", () => {
  it('is the expert line, the canned acknowledgement, then the rules message in place of the reset text', async () => {
    const first = await wordle.create().reset(0);
    expect(first).toBe("Let's start Wordle!");
    const turns = conversationStart(first, wordle.instruction);
    expect(turns).toEqual([
      { role: 'user', text: 'You are an expert wordle player.' },
      { role: 'assistant', text: "OK. I'll follow your instructions and try my best to solve the task." },
      { role: 'user', text: wordle.instruction },
    ]);
    expect(turns.some((t) => t.text.includes(first))).toBe(false);
  });
});
