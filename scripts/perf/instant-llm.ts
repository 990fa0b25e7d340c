/**
 * An in-process LLM that answers at once, for measuring the benchmark runner itself. Its replies
 * are recorded before the clock starts by playing each item with the env's oracle (run by the handle)
 * (or, without one, the first listed "go to" action), keyed by the observations seen so far, so a
 * reply costs one map lookup and episodes have realistic lengths.
 */
import type { EnvOpener } from '../../workers/env-handle.ts';
import { requireEnv } from '../../workers/envs/registry.ts';
import type { ChatResult, LlmClient } from '../../src/lib/llm/types.ts';

const SEP = '\u0000';

function fallbackAction(listed: readonly string[] | null): string {
  const actions = (listed ?? []).filter((a) => !a.startsWith('check'));
  return actions.find((a) => a.startsWith('go to')) ?? actions[0] ?? 'look';
}

/** Play every item once and record "observations so far" -> reply. */
export async function recordReplies(openEnv: EnvOpener, items: Record<string, readonly number[]>, maxRounds: (env: string) => number): Promise<Map<string, string>> {
  const table = new Map<string, string>();
  for (const [envId, indices] of Object.entries(items)) {
    for (const index of indices) {
      const env = await openEnv(envId);
      const hasOracle = (await requireEnv(envId).load()).oracle !== undefined;
      const seen: string[] = [];
      let snap = await env.reset(index);
      for (let round = 0; !snap.done && round < maxRounds(envId); round++) {
        seen.push(snap.observation);
        // The oracle runs beside the env (in its worker in the browser), where its data is.
        const action = hasOracle ? await env.oracle(snap.observation) : fallbackAction(snap.availableActions);
        table.set(envId + SEP + seen.join(SEP), `Thought: next.\nAction: ${action}`);
        snap = await env.step(action);
      }
      env.close();
    }
  }
  return table;
}

export function instantLlm(table: Map<string, string>, envOf: (instruction: string) => string): LlmClient {
  return {
    config: { id: 'instant', label: 'instant', kind: 'openai', baseUrl: 'http://instant.invalid/v1', model: 'instant-1', params: {} },
    async chat(req): Promise<ChatResult> {
      const observations = req.messages.slice(2).filter((m) => m.role === 'user').map((m) => m.content);
      const text = table.get(envOf(req.messages[0]?.content ?? '') + SEP + observations.join(SEP)) ?? 'Thought: lost.\nAction: look';
      return { text, model: 'instant-1', usage: { inputTokens: 100, outputTokens: 10 }, latencyMs: 0 };
    },
  };
}
