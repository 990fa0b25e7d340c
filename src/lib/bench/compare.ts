/**
 * Runs compared item by item: which items each run (and each model in it) solved, failed, ran out
 * of rounds on or errored, and how the runs' configurations differ, so a score difference can be
 * traced to the items behind it and to what changed between the runs.
 */
import { resultOf, type Result } from '../outcome.ts';
import type { EpisodeRecord } from '../records.ts';
import { swapText } from './providers.ts';
import type { RunRecord } from './types.ts';

/** What a matrix cell needs of an episode (lists read headers without steps). */
export type CellEpisode = Pick<EpisodeRecord, 'id' | 'status' | 'outcome' | 'success' | 'finalReward' | 'error'>;

/** One column of the matrix: a model of a run. */
export interface CompareColumn {
  runId: string;
  modelIdx: number;
  label: string;
}

export interface CompareCell {
  episodeId: string;
  result: Result;
  reward: number;
  error?: string;
}

export interface CompareRow {
  /** The task key without its model: "<env>_<index>:<repeat>". */
  key: string;
  /** "maze_3", with the attempt when the item was played more than once: "maze_3 #2". */
  label: string;
  /** One cell per column; null where that column has not played the item. */
  cells: (CompareCell | null)[];
}

/** Columns for the runs' models, and rows for every item any of them played, in item order. */
export function compareRuns(runs: readonly RunRecord[], episodes: ReadonlyMap<string, CellEpisode>): { columns: CompareColumn[]; rows: CompareRow[] } {
  const columns = runs.flatMap((run) =>
    run.config.models.map((m, modelIdx) => ({ runId: run.id, modelIdx, label: run.config.models.length > 1 ? `${run.name} · ${m.label}` : run.name })),
  );
  const rows = new Map<string, CompareRow>();
  columns.forEach((col, c) => {
    const run = runs.find((r) => r.id === col.runId)!;
    for (const [key, id] of Object.entries(run.finished)) {
      const [model, item, repeat] = key.split(':');
      const ep = episodes.get(id);
      if (Number(model) !== col.modelIdx || !ep) continue;
      const rowKey = `${item}:${repeat}`;
      let row = rows.get(rowKey);
      if (!row) rows.set(rowKey, (row = { key: rowKey, label: repeat === '0' ? item : `${item} #${Number(repeat) + 1}`, cells: columns.map(() => null) }));
      row.cells[c] = { episodeId: id, result: resultOf(ep), reward: ep.finalReward, ...(ep.error ? { error: ep.error } : {}) };
    }
  });
  return { columns, rows: [...rows.values()].sort((a, b) => a.key.localeCompare(b.key, undefined, { numeric: true })) };
}

/** Rows column `a` solved and column `b` did not (failed, ran out of rounds, errored or never played). */
export function solvedByNotBy(rows: readonly CompareRow[], a: number, b: number): CompareRow[] {
  return rows.filter((r) => r.cells[a]?.result === 'success' && r.cells[b]?.result !== 'success');
}

export interface ConfigField {
  name: string;
  /** One value per run, as text. */
  values: string[];
  differs: boolean;
}

/** What each run was played with, field by field, flagging the fields where the runs differ. */
export function configDiff(runs: readonly RunRecord[]): ConfigField[] {
  const fields: [string, (r: RunRecord) => unknown][] = [
    ['models', (r) => r.config.models.map((m) => m.label).join(', ')],
    ['provider changes', (r) => r.providerSwaps?.map(swapText).join('; ') || 'none'],
    ['params', (r) => r.config.params],
    ['max rounds', (r) => r.config.maxRounds ?? 'env default'],
    ['repeats', (r) => r.config.repeats],
    ['envs', (r) => r.config.envs.join(', ')],
    ['items', (r) => r.config.items],
    ['own instructions', (r) => Object.keys(r.config.instructions ?? {}).join(', ') || 'none'],
    ['prompts hash', (r) => r.promptsHash],
    ['formats', (r) => r.formats ?? 'not recorded'],
    ['split version', (r) => r.splitsVersion ?? 'not recorded'],
    ['data versions', (r) => r.dataVersions],
    ['app version', (r) => r.appVersion],
  ];
  return fields.map(([name, get]) => {
    const values = runs.map((r) => text(get(r)));
    return { name, values, differs: new Set(values).size > 1 };
  });
}

function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  const entries = Object.entries(v as object);
  return entries.length ? entries.map(([k, x]) => `${k}: ${Array.isArray(x) ? x.join(',') : String(x)}`).join('; ') : 'none';
}

/**
 * The first step at which two episodes of one item part ways: a different action (or an invalid
 * reply against a valid one), or a different observation; where one is a prefix of the other,
 * the step after the shorter one's end. Steps before it are the same in both.
 */
export function firstDifference(a: Pick<EpisodeRecord, 'steps'>, b: Pick<EpisodeRecord, 'steps'>): number {
  const n = Math.min(a.steps.length, b.steps.length);
  for (let i = 0; i < n; i++) {
    if (a.steps[i].action !== b.steps[i].action || a.steps[i].observation !== b.steps[i].observation) return i;
  }
  return n;
}

/** Which two columns of a row to set side by side: the filter's pair when set, else the first two played. */
export function sideBySidePair(row: CompareRow, a: number, b: number): [number, number] | null {
  if (a >= 0 && b >= 0 && a !== b && row.cells[a] && row.cells[b]) return [a, b];
  const played = row.cells.flatMap((c, i) => (c ? [i] : []));
  return played.length >= 2 ? [played[0], played[1]] : null;
}
