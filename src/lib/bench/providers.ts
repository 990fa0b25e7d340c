/**
 * A run's models and the providers this browser has. A run imported from another browser (or one
 * whose provider was deleted) names provider ids that are not here; resuming it as it is would turn
 * every remaining episode into an error. Instead the user picks one of their providers for each
 * missing one, and the run records the change, so its details and config diff say which episodes
 * were played by what.
 */
import type { ModelRef, RunRecord } from './types.ts';

/** A provider as the run needs it: its id, and what the run's tables call it. */
export interface ProviderChoice {
  id: string;
  label: string;
  model: string;
}

/** One provider change: model `modelIdx` of the run was played by `to` from then on. */
export interface ProviderSwap {
  modelIdx: number;
  from: ModelRef;
  to: ModelRef;
  at: number;
  /** Episodes of that model that had finished before the change. */
  finishedBefore: number;
}

/** The run's models whose provider is not among `have`, as model indices. */
export function missingProviders(run: RunRecord, have: readonly { id: string }[]): number[] {
  const ids = new Set(have.map((p) => p.id));
  return run.config.models.flatMap((m, i) => (ids.has(m.providerId) ? [] : [i]));
}

/** What a message calls a model's provider: its label and id, which is what the other browser had. */
export function providerName(m: ModelRef): string {
  return `"${m.label}" (provider id ${m.providerId})`;
}

/** The ModelRef a provider plays as, labelled as the Benchmark form labels a new run's models. */
export function modelRefFor(p: ProviderChoice): ModelRef {
  return { providerId: p.id, label: `${p.label} · ${p.model}`, model: p.model };
}

/**
 * The run with model `i` played by `picks[i]` for the rest of it, each change recorded with how
 * many of that model's episodes had finished before. Models not in `picks` are left as they are.
 */
export function swapProviders(run: RunRecord, picks: ReadonlyMap<number, ProviderChoice>, now: number): RunRecord {
  const swaps: ProviderSwap[] = [];
  const models = run.config.models.map((m, i) => {
    const p = picks.get(i);
    if (!p) return m;
    const to = modelRefFor(p);
    const finishedBefore = Object.keys(run.finished).filter((key) => Number(key.split(':')[0]) === i).length;
    swaps.push({ modelIdx: i, from: m, to, at: now, finishedBefore });
    return to;
  });
  if (swaps.length === 0) return run;
  return { ...run, config: { ...run.config, models }, providerSwaps: [...(run.providerSwaps ?? []), ...swaps] };
}

/** One line per change, for run details and the config diff. */
export function swapText(s: ProviderSwap): string {
  return `model ${s.modelIdx + 1}: ${s.from.label} → ${s.to.label} after ${s.finishedBefore} episodes (${new Date(s.at).toISOString().slice(0, 16).replace('T', ' ')} UTC)`;
}
