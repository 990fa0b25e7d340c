/**
 * Golden transcripts recorded over HTTP from AgentGym's own Python servers (copied verbatim from
 * the shared goldens into `workers/envs/<env>/testdata/agentgym.jsonl[.gz]`). Test-only: the
 * conformance suite and the env tests replay them through our envs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export interface GoldenEpisode {
  env: string;
  /** maze: game index; wordle: seed; textcraft/babyai: data_idx. */
  item: number;
  goal: string | null;
  /** Exactly the strings POSTed to /step. */
  actions: string[];
  /** [reset observation, observation after action 1, ...]; empty when reset failed. */
  observations: string[];
  rewards: number[];
  dones: boolean[];
  extra: Record<string, unknown> & { kind?: string };
}

/** Every golden file of `envDir` (the env's folder under workers/envs), or [] when it has none. */
export function loadGoldens(envDir: string, file = 'agentgym'): GoldenEpisode[] {
  const base = fileURLToPath(new URL(`../workers/envs/${envDir}/testdata/${file}`, import.meta.url));
  for (const [path, gz] of [[`${base}.jsonl`, false], [`${base}.jsonl.gz`, true]] as const) {
    if (!existsSync(path)) continue;
    const raw = readFileSync(path);
    const text = (gz ? gunzipSync(raw) : raw).toString('utf8');
    return text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldenEpisode);
  }
  return [];
}

/** What a replay needs of a live env; reset/step may be async. */
export interface ReplayableEnv {
  reset(index: number): string | Promise<string>;
  step(action: string): { observation: string; reward: number; done: boolean } | Promise<{ observation: string; reward: number; done: boolean }>;
}

export interface GoldenMismatch {
  /** -1 for the reset observation, else the action index. */
  step: number;
  field: 'observation' | 'reward' | 'done';
  expected: unknown;
  actual: unknown;
}

/**
 * Replay one golden episode; returns the first difference, or null when every observation,
 * reward and done agrees. `sameReset` lets an env compare reset texts more loosely (TextCraft's
 * line order depends on CPython's hash seed).
 */
export async function replayGolden(
  env: ReplayableEnv,
  golden: GoldenEpisode,
  sameReset: (expected: string, actual: string) => boolean = (a, b) => a === b,
): Promise<GoldenMismatch | null> {
  const first = await env.reset(golden.item);
  if (!sameReset(golden.observations[0], first)) return { step: -1, field: 'observation', expected: golden.observations[0], actual: first };
  for (let i = 0; i < golden.actions.length; i++) {
    const r = await env.step(golden.actions[i]);
    if (r.observation !== golden.observations[i + 1]) return { step: i, field: 'observation', expected: golden.observations[i + 1], actual: r.observation };
    if (r.reward !== golden.rewards[i]) return { step: i, field: 'reward', expected: golden.rewards[i], actual: r.reward };
    if (r.done !== golden.dones[i]) return { step: i, field: 'done', expected: golden.dones[i], actual: r.done };
  }
  return null;
}
