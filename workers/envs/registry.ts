/** Every registered environment. A new env is one folder under workers/envs and one line here. */
import type { EnvSpec } from './contract.ts';
import { babyai } from './babyai/index.ts';
import { maze } from './maze/index.ts';
import { textcraft } from './textcraft/index.ts';
import { wordle, wordleOfficial } from './wordle/index.ts';

export const ENVS: readonly EnvSpec[] = [
  maze,
  wordle,
  wordleOfficial,
  textcraft,
  babyai,
];

const byId = new Map(ENVS.map((e) => [e.id, e]));

export function getEnv(id: string): EnvSpec | undefined {
  return byId.get(id);
}

export function requireEnv(id: string): EnvSpec {
  const spec = byId.get(id);
  if (!spec) throw new Error(`Unknown environment "${id}". Known: ${ENVS.map((e) => e.id).join(', ')}`);
  return spec;
}
