/** The synthetic episodes perf:history stores: four envs, four agents, five runs, 3-20 steps each. */
import type { EpisodeRecord, StepRecord } from '../../src/lib/records.ts';

const ENVS = ['maze', 'wordle', 'textcraft', 'babyai'] as const;
const AGENTS = ['You', 'OpenAI · gpt-4o-mini', 'Anthropic · claude-haiku', 'Ollama · llama3'];
const OUTCOMES = ['success', 'failure', 'truncated'] as const;

/** A small deterministic generator, so every run seeds the same history. */
export function rng(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

export function episode(i: number, r: () => number): EpisodeRecord {
  const env = ENVS[i % ENVS.length];
  const label = AGENTS[Math.floor(r() * AGENTS.length)];
  const runId = label === 'You' ? undefined : `run-${Math.floor(r() * 5)}`;
  const n = 3 + Math.floor(r() * 18);
  const startedAt = Date.UTC(2026, 0, 1) + i * 60_000;
  const steps: StepRecord[] = Array.from({ length: n }, (_, k) => ({
    reply: `Thought: step ${k} of a plan that takes a sentence or two to say.\nAction: go ${k}`,
    action: `go ${k}`, by: label === 'You' ? 'human' : 'model',
    observation: `You moved. ${'The room is quiet; nothing changed that you can see. '.repeat(4)}`,
    reward: 0, done: k === n - 1, valid: r() > 0.1, at: startedAt + k * 1000,
  }));
  const outcome = OUTCOMES[Math.floor(r() * 3)];
  const status = r() < 0.05 ? 'error' : 'done';
  return {
    id: `ep-${String(i).padStart(5, '0')}`, env, itemId: `${env}_${i % 20}`,
    agent: label === 'You' ? { kind: 'human', label } : { kind: 'model', label, provider: 'p', model: label, params: {} },
    startedAt, finishedAt: startedAt + n * 1000, initialObservation: 'You are in a room.', steps, status,
    ...(status === 'done' ? { outcome } : { error: 'The provider kept failing.' }),
    finalReward: outcome === 'success' ? 1 : 0, success: outcome === 'success', appVersion: '0.1.0', dataVersion: '1',
    ...(runId ? { runId } : {}),
  };
}

