/**
 * Import an AgentTraj JSONL export into this browser: everything is validated first, then written,
 * so a bad file changes nothing. An imported run is a record, not something to resume.
 */
import { putEpisodes, putRun } from './store.ts';
import { parseJsonl, type Imported } from './trajectory.ts';
import { tallyRun } from './bench/tally.ts';

export async function importJsonl(file: File, opts: { requireRun?: boolean } = {}): Promise<Imported> {
  const imported = parseJsonl(await file.text());
  if (opts.requireRun && !imported.run) throw new Error('this file holds episodes but no benchmark run (import it in History instead)');
  await putEpisodes(imported.episodes);
  // A run's totals are never taken from the file: they are rebuilt from the validated episodes.
  const run = imported.run && {
    ...imported.run,
    status: imported.run.status === 'running' ? ('paused' as const) : imported.run.status,
    tally: tallyRun(imported.run, new Map(imported.episodes.map((e) => [e.id, e]))),
  };
  if (run) await putRun(run);
  return { episodes: imported.episodes, run };
}

/** Take the file chosen in an <input type=file> and clear the input for the next pick. */
export function takeFile(e: Event): File | undefined {
  const input = e.currentTarget as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  return file;
}

export function importError(file: File, err: unknown): string {
  return `Could not import ${file.name}: ${err instanceof Error ? err.message : String(err)}. Nothing was changed.`;
}
