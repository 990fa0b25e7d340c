/**
 * An in-process LLM that answers at once, for measuring the benchmark runner itself: it plays the
 * env's observation-only oracle (replayed over the conversation), or for envs without one the
 * first listed action, so episodes are realistic in length.
 */
import { ENVS } from '../../workers/envs/registry.ts';
import { observationOracle } from '../../workers/envs/oracles.ts';
import type { ChatRequest, ChatResult, LlmClient } from '../../src/lib/llm/types.ts';

const byInstruction = new Map(ENVS.map((e) => [e.instruction, e.id]));

function nextAction(req: ChatRequest): string {
  const envId = byInstruction.get(req.messages[0]?.content ?? '');
  const observations = req.messages.slice(2).filter((m) => m.role === 'user').map((m) => m.content);
  const oracle = envId ? observationOracle(envId) : null;
  if (oracle) {
    let action = '';
    for (const o of observations) action = oracle.next(o);
    return action;
  }
  const listed = /Available actions: \[(.*)\]/s.exec(observations.at(-1) ?? '')?.[1];
  const actions = listed ? [...listed.matchAll(/"([^"]+)"/g)].map((m) => m[1]).filter((a) => !a.startsWith('check')) : [];
  return actions.find((a) => a.startsWith('go to')) ?? actions[0] ?? 'look';
}

export function instantLlm(): LlmClient {
  return {
    config: { id: 'instant', label: 'instant', kind: 'openai', baseUrl: 'http://instant.invalid/v1', model: 'instant-1', params: {} },
    async chat(req): Promise<ChatResult> {
      const text = `Thought: next.\nAction: ${nextAction(req)}`;
      const input = req.messages.reduce((n, m) => n + m.content.length, 0) >> 2;
      return { text, model: 'instant-1', usage: { inputTokens: input, outputTokens: text.length >> 2 }, latencyMs: 0 };
    },
  };
}
