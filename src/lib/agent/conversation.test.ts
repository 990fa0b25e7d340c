import { describe, expect, it } from 'vitest';
import type { AgentFormat } from '../../../workers/envs/contract.ts';
import type { StepRecord } from '../records.ts';
import { approxTokens, conversationOf, trimToBudget } from './conversation.ts';

const spec: AgentFormat = { id: 't', instruction: 'I'.repeat(400), instructionReply: 'OK', extractAction: (r) => ({ action: r }) };
const step = (reply: string, observation: string, by: StepRecord['by'] = 'model'): StepRecord => ({ reply, action: reply, by, observation, reward: 0, done: false, valid: true, at: 0 });

describe('conversation', () => {
  it('follows AgentGym: instruction, reply, first observation, then reply/observation pairs', () => {
    const { messages: msgs } = conversationOf(spec, { initialObservation: 'o0', steps: [step('Thought: x\nAction: a1', 'o1'), step('move up', 'o2', 'human')] });
    expect(msgs.map((m) => `${m.role}:${m.content.slice(0, 30)}`)).toEqual([
      `user:${'I'.repeat(30)}`,
      'assistant:OK',
      'user:o0',
      'assistant:Thought: x\nAction: a1',
      'user:o1',
      'assistant:Action: move up',
      'user:o2',
    ]);
  });

  it('trims the oldest turns but keeps the instruction, its reply and the latest observation', () => {
    const steps = Array.from({ length: 20 }, (_, i) => step(`reply ${i} ${'r'.repeat(200)}`, `obs ${i + 1} ${'o'.repeat(200)}`));
    const conv = conversationOf(spec, { initialObservation: 'obs 0', steps });
    const full = conv.messages;
    const total = full.reduce((n, m) => n + approxTokens(m.content), 0);
    const { messages, dropped } = trimToBudget(conv, 1000);
    expect(total).toBeGreaterThan(1000);
    expect(messages.reduce((n, m) => n + approxTokens(m.content), 0)).toBeLessThanOrEqual(1000);
    expect(dropped).toBeGreaterThan(0);
    expect(messages.slice(0, 2)).toEqual(full.slice(0, 2));
    expect(messages.at(-1)).toEqual(full.at(-1));
    expect(messages[2].role).toBe('user');
    for (let i = 1; i < messages.length; i++) expect(messages[i].role).not.toBe(messages[i - 1].role);
    expect(trimToBudget(conv, 10).messages).toEqual([...full.slice(0, 2), full.at(-1)]);
    expect(trimToBudget(conv, 1e9)).toEqual({ messages: full, dropped: 0 });
  });

  it("keeps an env's own opening whole when it folds the instruction into the first observation's turn", () => {
    const folded: AgentFormat = { ...spec, opening: (instruction, obs) => [{ role: 'user', content: 'You are an expert.' }, { role: 'assistant', content: 'OK' }, { role: 'user', content: `${instruction}\n${obs}` }] };
    const steps = Array.from({ length: 20 }, (_, i) => step(`reply ${i} ${'r'.repeat(200)}`, `obs ${i + 1} ${'o'.repeat(200)}`));
    const conv = conversationOf(folded, { initialObservation: 'obs 0', steps });
    expect(conv.pinned).toBe(3);
    const { messages } = trimToBudget(conv, 1000);
    expect(messages.slice(0, 3)).toEqual(conv.messages.slice(0, 3));
    expect(messages[2].content).toContain('obs 0');
    expect(messages[3].role).toBe('assistant');
  });
});
