/**
 * The eval splits, as versioned static data (static-data/eval-splits.json). Envs take their
 * `evalItems` from here, so changing a split is a deliberate, visible edit with a version bump.
 */
import data from '../../static-data/eval-splits.json' with { type: 'json' };

export const SPLITS_VERSION: string = data.version;

const SPLITS: Record<string, readonly number[]> = data.splits;

export function evalSplit(envId: string): readonly number[] {
  const items = SPLITS[envId];
  if (!items) throw new Error(`No eval split for "${envId}" in static-data/eval-splits.json`);
  return items;
}
