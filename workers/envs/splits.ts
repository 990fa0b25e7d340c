/**
 * The eval splits, as versioned static data (static-data/eval-splits.json). Envs take their
 * `evalItems` from here, so changing a split is a deliberate, visible edit with a version bump.
 */
import data from '../../static-data/eval-splits.json' with { type: 'json' };

export const SPLITS_VERSION: string = data.version;

const SPLITS: Record<string, readonly number[]> = data.splits;
const EXCLUDED: Record<string, Record<string, string>> = data.excluded;

export function evalSplit(envId: string): readonly number[] {
  const items = SPLITS[envId];
  if (!items) throw new Error(`No eval split for "${envId}" in static-data/eval-splits.json`);
  return items;
}

/** Items left out of a split because no agent can finish them in time, each with the reason. */
export function excludedItems(envId: string): ReadonlyMap<number, string> {
  return new Map(Object.entries(EXCLUDED[envId] ?? {}).map(([item, why]) => [Number(item), why]));
}
