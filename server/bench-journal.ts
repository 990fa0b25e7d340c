/**
 * The CLI's results file as a journal: every episode that ends is appended as one complete JSONL
 * line and fsync'd before the run moves on, so an interrupt or a crash loses at most the episodes
 * in flight. `load` reads a journal back for `--resume` (a torn last line from a crash is dropped);
 * `rewrite` replaces the file atomically (temp file, fsync, rename) with one line per task, the run
 * record on the first, which is how a resume drops the errored lines it is about to replay and how
 * a run ends with its final record.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { checkEpisode } from '../src/lib/episode-check.ts';
import { checkRun } from '../src/lib/bench/run-check.ts';
import type { RunRecord } from '../src/lib/bench/types.ts';
import type { EpisodeRecord } from '../src/lib/records.ts';
import { toJsonl } from '../src/lib/trajectory.ts';

export interface Journal {
  run: RunRecord;
  /** Task key -> its last recorded episode (done or error), in file order. */
  episodes: Map<string, EpisodeRecord>;
  /** Lines that could not be read (a crash mid-write leaves at most one, the last). */
  dropped: number;
}

/** The task key of a run's episode: its id is `<run id>:<key>` (episodeIdFor). */
export function taskKeyOf(run: RunRecord, ep: EpisodeRecord): string | null {
  return ep.runId === run.id && ep.id.startsWith(`${run.id}:`) ? ep.id.slice(run.id.length + 1) : null;
}

export function loadJournal(path: string): Journal {
  const lines = readFileSync(path, 'utf8').split('\n');
  let run: RunRecord | null = null;
  const found: EpisodeRecord[] = [];
  let dropped = 0;
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    try {
      const o = JSON.parse(line) as Record<string, unknown>;
      if (o.x_run !== undefined) run ??= checkRun(o.x_run, `line ${i + 1}.x_run`);
      found.push(checkEpisode(o.x_episode, `line ${i + 1}.x_episode`));
    } catch (e) {
      // Only the last line can be torn by a crash; damage anywhere else is not ours to paper over.
      if (lines.slice(i + 1).some((l) => l.trim())) throw new Error(`${path} line ${i + 1} is damaged: ${e instanceof Error ? e.message : String(e)}`);
      dropped++;
    }
  }
  if (!run) throw new Error(`${path} holds no run record (x_run): it was not written by npm run bench`);
  const episodes = new Map<string, EpisodeRecord>();
  for (const ep of found) {
    const key = taskKeyOf(run, ep);
    // A done episode is final; an error may be followed by its replay.
    if (key !== null && episodes.get(key)?.status !== 'done') episodes.set(key, ep);
  }
  return { run, episodes, dropped };
}

/** Appends one line per ended episode; the first line of an empty file carries the run record. */
export class JournalWriter {
  private fd: number;
  private empty: boolean;

  constructor(
    readonly path: string,
    private run: RunRecord,
  ) {
    this.empty = !existsSync(path) || readFileSync(path).length === 0;
    this.fd = openSync(path, 'a');
  }

  async append(ep: EpisodeRecord): Promise<void> {
    const line = await toJsonl([ep], this.empty ? this.run : undefined);
    // One synchronous write then fsync: a signal handler cannot run in between, so a line is never half-written by us.
    writeSync(this.fd, line);
    fsyncSync(this.fd);
    this.empty = false;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Replace the file with these episodes (one per task) and the run record, atomically. */
export async function rewriteJournal(path: string, run: RunRecord, episodes: readonly EpisodeRecord[]): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, episodes.length ? await toJsonl(episodes, run) : '');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
