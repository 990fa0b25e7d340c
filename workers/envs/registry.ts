/**
 * Every registered environment, as manifests: listing envs costs nothing, and an env's code and
 * data load only when an episode opens it (`manifest.load()`). A new env is one folder under
 * workers/envs and one line here.
 */
import type { EnvManifest } from './contract.ts';
import { academia } from './academia/manifest.ts';
import { alfworld } from './alfworld/manifest.ts';
import { babyai } from './babyai/manifest.ts';
import { bird } from './bird/manifest.ts';
import { maze } from './maze/manifest.ts';
import { movie } from './movie/manifest.ts';
import { sciworld } from './sciworld/manifest.ts';
import { sheet } from './sheet/manifest.ts';
import { textcraft } from './textcraft/manifest.ts';
import { todo } from './todo/manifest.ts';
import { weather } from './weather/manifest.ts';
import { webshop } from './webshop/manifest.ts';
import { webarena } from './webarena/manifest.ts';
import { wordle, wordleOfficial } from './wordle/manifest.ts';
import { activeDataset } from '../user-data/active.ts';
import { withDataset } from '../user-data/dataset.ts';

export const ENVS: readonly EnvManifest[] = [
  maze,
  wordle,
  wordleOfficial,
  textcraft,
  babyai,
  academia,
  weather,
  movie,
  bird,
  webshop,
  alfworld,
  webarena,
  todo,
  sheet,
  sciworld,
];

const byId = new Map(ENVS.map((e) => [e.id, e]));

/** The env's manifest, as its active user dataset (if any) makes it; `ENVS` lists the built-in ones. */
export function getEnv(id: string): EnvManifest | undefined {
  const spec = byId.get(id);
  const ds = spec && activeDataset(id);
  return ds ? withDataset(spec, ds) : spec;
}

export function requireEnv(id: string): EnvManifest {
  const spec = getEnv(id);
  if (!spec) throw new Error(`Unknown environment "${id}". Known: ${ENVS.map((e) => e.id).join(', ')}`);
  return spec;
}
