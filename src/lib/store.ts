/**
 * The one persistence module: episodes and benchmark runs in IndexedDB (idb). API keys are NOT
 * here (they live in their own database), so nothing exported from this store can carry a key.
 *
 * An episode is stored as a header (everything but its steps, plus index keys) and its steps: an
 * episode saved whole (a benchmark's, when it ends; an import) keeps them all in one record, and
 * each step saved as it is played (Play) appends one small record, so saving step n of a long
 * episode never rewrites the steps before it. IndexedDB's cost is mostly per record and per
 * transaction, so a whole episode in two records is what lets a benchmark store hundreds of
 * episodes a second. Readers still get whole EpisodeRecords (getEpisode) or step-less summaries for
 * lists (listEpisodePage), which page newest first over indexes and never load every episode.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { EpisodeRecord, StepRecord } from './records.ts';
import { resultOf, type Result } from './outcome.ts';
import type { RunRecord } from './bench/types.ts';
import { tallyRun } from './bench/tally.ts';
import { collectWords, hasAllWords, joinWords, queryWords } from './search-words.ts';
import { groupCommit } from './group-commit.ts';

/** An episode without its steps: what lists show. */
export type EpisodeSummary = Omit<EpisodeRecord, 'steps'> & { stepCount: number };

interface StoredHeader extends EpisodeSummary {
  /**
   * Index keys IndexedDB cannot take from the record itself (derived or absent values), and the
   * transcript's distinct words for text search (search-words.ts).
   */
  ix: { result: Result; run: string; words: string };
}

/** Step `n` of an episode, and with `more` the steps after it (an episode saved whole). */
interface StoredStep {
  episodeId: string;
  n: number;
  step: StepRecord;
  more?: StepRecord[];
}

type Compound = [string, number];

interface GymDB extends DBSchema {
  episodes: {
    key: string;
    value: StoredHeader;
    indexes: { byStarted: number; byEnv: Compound; byAgent: Compound; byRun: Compound; byResult: Compound; byReward: [number, number]; bySteps: [number, number] };
  };
  steps: { key: [string, number]; value: StoredStep };
  runs: { key: string; value: RunRecord; indexes: { byCreated: number } };
}

const DB_NAME = 'agentgym';
const DB_VERSION = 4;
let dbPromise: Promise<IDBPDatabase<GymDB>> | null = null;
/** The database once open, for writes that must copy their record at once (putRun). */
let opened: IDBPDatabase<GymDB> | null = null;

function db(): Promise<IDBPDatabase<GymDB>> {
  dbPromise ??= openDB<GymDB>(DB_NAME, DB_VERSION, {
    async upgrade(d, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) d.createObjectStore('runs', { keyPath: 'id' }).createIndex('byCreated', 'createdAt');
      const eps = oldVersion < 1 ? d.createObjectStore('episodes', { keyPath: 'id' }) : tx.objectStore('episodes');
      if (oldVersion < 2) {
        // v1 indexed startedAt and runId alone; v2 pairs each filter with startedAt to page newest first.
        for (const name of Array.from(eps.indexNames)) eps.deleteIndex(name);
        eps.createIndex('byStarted', 'startedAt');
        eps.createIndex('byEnv', ['env', 'startedAt']);
        eps.createIndex('byAgent', ['agent.label', 'startedAt']);
        eps.createIndex('byRun', ['ix.run', 'startedAt']);
        eps.createIndex('byResult', ['ix.result', 'startedAt']);
        d.createObjectStore('steps', { keyPath: ['episodeId', 'n'] });
        if (oldVersion === 1) await migrateV1(tx);
      }
      if (oldVersion < 3) {
        // v3: History sorts by reward and by steps, a page at a time, over these.
        eps.createIndex('byReward', ['finalReward', 'startedAt']);
        eps.createIndex('bySteps', ['stepCount', 'startedAt']);
      }
      // v4: headers carry their transcript's words; v1 headers were just rebuilt with them.
      if (oldVersion >= 2 && oldVersion < 4) await addWords(tx);
    },
    // Another tab wants a newer schema: let it, and reopen on next use.
    blocking() {
      void dbPromise?.then((d) => d.close());
      dbPromise = null;
      opened = null;
    },
  }).then((d) => (opened = d));
  return dbPromise;
}

/** v1 kept whole episodes in one record: split each into header and steps, and tally each run. */
async function migrateV1(tx: IDBPTransaction<GymDB, StoreNames<GymDB>[], 'versionchange'>): Promise<void> {
  const runs = await tx.objectStore('runs').getAll();
  const inRuns = new Set(runs.flatMap((r) => Object.values(r.finished)));
  const finished = new Map<string, EpisodeRecord>();
  const eps = tx.objectStore('episodes');
  for (let c = await eps.openCursor(); c; c = await c.continue()) {
    const old = c.value as unknown as EpisodeRecord;
    // Only the finished episodes of runs are kept in memory, and only until their runs are tallied.
    if (inRuns.has(old.id)) finished.set(old.id, old);
    await c.update(header(old));
    await writeSteps((v) => tx.objectStore('steps').put(v), old, 0);
  }
  for (const run of runs) await tx.objectStore('runs').put({ ...run, tally: tallyRun(run, finished) });
}

/** v2 and v3 headers lack their words: gather each episode's from its steps. */
async function addWords(tx: IDBPTransaction<GymDB, StoreNames<GymDB>[], 'versionchange'>): Promise<void> {
  const steps = tx.objectStore('steps');
  for (let c = await tx.objectStore('episodes').openCursor(); c; c = await c.continue()) {
    const h = c.value;
    const ep = withSteps(h, await steps.getAll(stepRange(h.id)));
    await c.update({ ...h, ix: { ...h.ix, words: joinWords(collectWords(ep)) } });
  }
}

/** The header to store; `words` are the episode's, where the caller has gathered them already. */
function header(ep: EpisodeRecord, words = collectWords(ep)): StoredHeader {
  const { steps, ...rest } = ep;
  return { ...rest, stepCount: steps.length, ix: { result: resultOf(ep), run: ep.runId ?? '', words: joinWords(words) } };
}

function summary(h: StoredHeader): EpisodeSummary {
  const { ix: _, ...rest } = h;
  return rest;
}

function stepRange(id: string, from = 0): IDBKeyRange {
  return IDBKeyRange.bound([id, from], [id, Infinity]);
}

/** Put steps `from`.. of an episode, one record each, with the given transaction's `put` on the steps store. */
async function writeSteps(put: (s: StoredStep) => Promise<unknown>, ep: EpisodeRecord, from: number): Promise<void> {
  await Promise.all(ep.steps.slice(from).map((s, i) => put({ episodeId: ep.id, n: from + i, step: s })));
}

type Tx = IDBPTransaction<GymDB, ('episodes' | 'steps')[], 'readwrite'>;

/**
 * Write a whole episode in `tx`: its header and all its steps in one record, after deleting the
 * step records an earlier save left (Play's one per step, or a longer episode under this id).
 */
function writeWhole(tx: Tx, ep: EpisodeRecord, words?: Set<string>, onlyWhole = false): Promise<unknown>[] {
  const steps = tx.objectStore('steps');
  const [first, ...more] = ep.steps;
  // An id only ever saved whole has at most its record 0: overwrite or drop that one key rather
  // than delete a range, which cost IndexedDB's backend about 1 ms per benchmark episode.
  const stale = onlyWhole ? (first ? [] : [steps.delete([ep.id, 0])]) : [steps.delete(stepRange(ep.id, first ? 1 : 0))];
  return [
    putClone(tx.objectStore('episodes'), header(ep, words)),
    ...stale,
    ...(first ? [putClone(steps, { episodeId: ep.id, n: 0, step: first, ...(more.length ? { more } : {}) })] : []),
  ];
}

/**
 * `store.put(value)`, structured-cloning the value as it is; only a value holding Svelte state
 * proxies (which cannot be cloned) is copied to plain data first. Copying every record as JSON
 * cost as much as storing it.
 */
function putClone<V>(store: { put(value: V): Promise<unknown> }, value: V): Promise<unknown> {
  try {
    return store.put(value);
  } catch (e) {
    if (!(e instanceof DOMException && e.name === 'DataCloneError')) throw e;
    return store.put(plain(value));
  }
}

/** Save a whole episode in one transaction, replacing whatever an earlier save of it left. */
export function putEpisode(ep: EpisodeRecord): Promise<void> {
  return putEpisodes([ep]);
}

/** Save whole episodes (an import, a restore), all in one transaction: all are stored or none. */
export async function putEpisodes(eps: readonly EpisodeRecord[], words?: readonly Set<string>[]): Promise<void> {
  const tx = (await db()).transaction(['episodes', 'steps'], 'readwrite');
  await Promise.all([...eps.flatMap((ep, i) => writeWhole(tx, ep, words?.[i])), tx.done]);
}

/**
 * Save a benchmark's finished episodes, as putEpisodes does. Their ids (run id and task) are only
 * ever saved whole, never step by step as Play saves, which lets the save skip the range delete.
 */
export async function putBenchmarkEpisodes(eps: readonly EpisodeRecord[]): Promise<void> {
  const tx = (await db()).transaction(['episodes', 'steps'], 'readwrite');
  await Promise.all([...eps.flatMap((ep) => writeWhole(tx, ep, undefined, true)), tx.done]);
}

/**
 * How long a finished benchmark episode waits for others to share its transaction. Each
 * transaction cost IndexedDB's backend about 1.5 ms of CPU, a share of the page's too; a run
 * frees an episode's slot before its save, so nothing waits on this but the write itself.
 */
const BENCHMARK_WRITE_WINDOW_MS = 20;

/** The saver of a benchmark's finished episodes: those ending close together are written together. */
export function benchmarkEpisodeSaver(): (ep: EpisodeRecord) => Promise<void> {
  return groupCommit(putBenchmarkEpisodes, BENCHMARK_WRITE_WINDOW_MS);
}

/**
 * A saver for one episode that is saved after every change (Play): the first save writes it
 * whole; later ones write its header and only the steps added since, as steps are only appended.
 */
export function episodeWriter(): (ep: EpisodeRecord) => Promise<void> {
  // The words so far are kept too (a save that fails adds its words early, which does no harm): a save reads only its new steps' text.
  let written: { id: string; steps: number; words: Set<string> } | null = null;
  return async (ep) => {
    let words: Set<string>;
    if (written?.id !== ep.id || ep.steps.length < written.steps) {
      words = collectWords(ep);
      await putEpisodes([ep], [words]);
    } else {
      words = collectWords(ep, written.steps, written.words);
      const tx = (await db()).transaction(['episodes', 'steps'], 'readwrite');
      await Promise.all([putClone(tx.objectStore('episodes'), header(ep, words)), writeSteps((v) => putClone(tx.objectStore('steps'), v), ep, written.steps), tx.done]);
    }
    written = { id: ep.id, steps: ep.steps.length, words };
  };
}

export async function getEpisode(id: string): Promise<EpisodeRecord | undefined> {
  return (await getEpisodes([id]))[0];
}

/** Whole episodes, in one transaction (missing ids are left out). */
export async function getEpisodes(ids: readonly string[]): Promise<EpisodeRecord[]> {
  const tx = (await db()).transaction(['episodes', 'steps']);
  const read = (id: string) => Promise.all([tx.objectStore('episodes').get(id), tx.objectStore('steps').getAll(stepRange(id))] as const);
  return (await Promise.all(ids.map(read))).flatMap(([h, steps]) => (h ? [withSteps(h, steps)] : []));
}

function withSteps(h: StoredHeader, steps: StoredStep[]): EpisodeRecord {
  const { stepCount: _, ...rest } = summary(h);
  return { ...rest, steps: steps.flatMap((s) => (s.more ? [s.step, ...s.more] : [s.step])) };
}

/** Summaries of the given episodes, in one transaction (missing ids are left out). */
export async function getEpisodeSummaries(ids: readonly string[]): Promise<EpisodeSummary[]> {
  const store = (await db()).transaction('episodes').store;
  return (await Promise.all(ids.map((id) => store.get(id)))).filter((h) => h !== undefined).map(summary);
}

/** Every episode of a run, with its steps (for an export). */
export async function listRunEpisodes(runId: string): Promise<EpisodeRecord[]> {
  const tx = (await db()).transaction(['episodes', 'steps']);
  const headers = await tx.objectStore('episodes').index('byRun').getAll(IDBKeyRange.bound([runId, -Infinity], [runId, Infinity]));
  const steps = await Promise.all(headers.map((h) => tx.objectStore('steps').getAll(stepRange(h.id))));
  return headers.map((h, i) => withSteps(h, steps[i]));
}

export interface EpisodeFilter {
  env?: string;
  /** An agent label ("You", or a provider's "<name> · <model>"). */
  agent?: string;
  /** A run id, or '' for episodes played by hand (in no run). */
  run?: string;
  /** Only episodes of some benchmark run (any run). */
  inRun?: true;
  result?: Result;
  /** Started at or after (ms since the epoch). */
  from?: number;
  /** Started at or before. */
  to?: number;
  /** Words the transcript contains anywhere (any case): item id, agent, goal, error, every step's text. */
  text?: string;
}

/** The orders History lists episodes in. */
export const SORTS = ['newest', 'oldest', 'reward-high', 'reward-low', 'steps-high', 'steps-low'] as const;
export type EpisodeSort = (typeof SORTS)[number];

/** Where the previous page ended: its last episode's sort key (reward or steps), start and id. */
export interface PageCursor {
  value?: number;
  startedAt: number;
  id: string;
}

export interface EpisodePage {
  episodes: EpisodeSummary[];
  next: PageCursor | null;
}

/**
 * One page of episode summaries in the given order (newest first by default). Date orders walk
 * the most selective filter's index (each pairs its value with startedAt, so the date range and
 * the page position are key ranges); reward and step orders walk their own index ([value,
 * startedAt]) from the page position. Filters no index serves are checked on the records walked.
 */
export async function listEpisodePage(filter: EpisodeFilter = {}, after: PageCursor | null = null, limit = 50, sort: EpisodeSort = 'newest'): Promise<EpisodePage> {
  const episodes: EpisodeSummary[] = [];
  const eps = (await db()).transaction('episodes').store;
  const desc = sort === 'newest' || sort.endsWith('-high');
  const byValue = sort.startsWith('reward') ? 'finalReward' : sort.startsWith('steps') ? 'stepCount' : null;
  let source: { index: ReturnType<typeof eps.index>; range: IDBKeyRange | null };
  let keyOf: (h: StoredHeader) => number[];
  if (byValue) {
    const at = after ? [after.value ?? 0, after.startedAt] : null;
    source = { index: eps.index(byValue === 'finalReward' ? 'byReward' : 'bySteps'), range: at ? (desc ? IDBKeyRange.upperBound(at) : IDBKeyRange.lowerBound(at)) : null };
    keyOf = (h) => [h[byValue], h.startedAt];
  } else {
    const lo = Math.max(filter.from ?? -Infinity, desc ? -Infinity : (after?.startedAt ?? -Infinity));
    const hi = Math.min(filter.to ?? Infinity, desc ? (after?.startedAt ?? Infinity) : Infinity);
    if (lo > hi) return { episodes, next: null };
    const drive = (['run', 'agent', 'env', 'result'] as const).find((k) => filter[k] !== undefined);
    source = drive === undefined ? { index: eps.index('byStarted'), range: IDBKeyRange.bound(lo, hi) } : { index: eps.index(INDEX_OF[drive]), range: IDBKeyRange.bound([filter[drive], lo], [filter[drive], hi]) };
    keyOf = (h) => [h.startedAt];
  }
  const cursorKey = after ? (byValue ? [after.value ?? 0, after.startedAt] : [after.startedAt]) : null;
  const test = matcher(filter);
  let more = false;
  for (let c = await source.index.openCursor(source.range, desc ? 'prev' : 'next'); c; c = await c.continue()) {
    const h = c.value;
    // Records with the same key as the last one shown come in id order (descending when walking back): skip those shown.
    if (cursorKey && sameKey(keyOf(h), cursorKey) && (desc ? h.id >= after!.id : h.id <= after!.id)) continue;
    if (!test(h)) continue;
    if (episodes.length === limit) {
      more = true;
      break;
    }
    episodes.push(summary(h));
  }
  const last = episodes.at(-1);
  return { episodes, next: more && last ? { ...(byValue ? { value: last[byValue] } : {}), startedAt: last.startedAt, id: last.id } : null };
}

const INDEX_OF = { run: 'byRun', agent: 'byAgent', env: 'byEnv', result: 'byResult' } as const;

function sameKey(a: number[], b: number[]): boolean {
  return a.every((x, i) => x === b[i]);
}

/** Every filter as one test on a stored header (the text lowered once, not per record). */
function matcher(f: EpisodeFilter): (h: StoredHeader) => boolean {
  const words = queryWords(f.text ?? '');
  const from = f.from ?? -Infinity, to = f.to ?? Infinity;
  return (h) =>
    (f.env === undefined || h.env === f.env) &&
    (f.agent === undefined || h.agent.label === f.agent) &&
    (f.run === undefined || h.ix.run === f.run) &&
    (f.inRun === undefined || h.ix.run !== '') &&
    (f.result === undefined || h.ix.result === f.result) &&
    h.startedAt >= from &&
    h.startedAt <= to &&
    (words.length === 0 || hasAllWords(h.ix.words, words));
}

/** Every agent label in the history, walking the agent index one label at a time. */
export async function listAgentLabels(): Promise<string[]> {
  const index = (await db()).transaction('episodes').store.index('byAgent');
  const labels: string[] = [];
  for (let c = await index.openKeyCursor(); c; ) {
    const label = c.key[0];
    labels.push(label);
    // An array sorts after every number, so this key is past all of this label's entries.
    c = await c.continue([label, []] as unknown as Compound);
  }
  return labels;
}

export function deleteEpisode(id: string): Promise<void> {
  return deleteEpisodes([id]);
}

/** Delete episodes with their steps, all in one transaction: all go or none. */
export async function deleteEpisodes(ids: readonly string[]): Promise<void> {
  const tx = (await db()).transaction(['episodes', 'steps'], 'readwrite');
  await Promise.all([...ids.flatMap((id) => [tx.objectStore('episodes').delete(id), tx.objectStore('steps').delete(stepRange(id))]), tx.done]);
}

const asInterrupted = (h: StoredHeader): StoredHeader => ({ ...h, status: 'interrupted', ix: { ...h.ix, result: 'interrupted' } });

/**
 * Episodes left running or paused whose runner is gone (a reload, a crash, a closed tab) become
 * 'interrupted'. `live` are the ids some open page is still playing. A paused benchmark episode
 * is left alone: its run is what resumes it. Returns how many were marked.
 */
export async function markInterrupted(live: ReadonlySet<string>): Promise<number> {
  const tx = (await db()).transaction('episodes', 'readwrite');
  const index = tx.store.index('byResult');
  let marked = 0;
  for (const result of ['running', 'paused'] as const) {
    for (let c = await index.openCursor(IDBKeyRange.bound([result, -Infinity], [result, Infinity])); c; c = await c.continue()) {
      const h = c.value;
      if (live.has(h.id) || (result === 'paused' && h.runId !== undefined)) continue;
      await c.update(asInterrupted(h));
      marked++;
    }
  }
  await tx.done;
  return marked;
}

/**
 * Play let go of an unfinished episode of its own (another was started): it is interrupted at
 * once, so History offers Resume without waiting for the next page load's sweep.
 */
export async function markEpisodeInterrupted(id: string): Promise<void> {
  const tx = (await db()).transaction('episodes', 'readwrite');
  const h = await tx.store.get(id);
  if (h && h.runId === undefined && (h.status === 'running' || h.status === 'paused')) await tx.store.put(asInterrupted(h));
  await tx.done;
}

export async function putRun(run: RunRecord): Promise<void> {
  // A live run keeps extending its tally's maps, so the record is copied now: by put() itself
  // when the database is open (a JSON copy of a large run cost as much again), else as JSON.
  if (opened) await putClone(opened.transaction('runs', 'readwrite').store, run);
  else await (await db()).put('runs', plain(run));
}

export async function getRun(id: string): Promise<RunRecord | undefined> {
  return (await db()).get('runs', id);
}

export async function listRuns(): Promise<RunRecord[]> {
  return (await (await db()).getAllFromIndex('runs', 'byCreated')).reverse();
}

/** Delete a run and every episode it holds (finished or not), all or nothing. */
export async function deleteRun(id: string): Promise<void> {
  const tx = (await db()).transaction(['runs', 'episodes', 'steps'], 'readwrite');
  const ids = await tx.objectStore('episodes').index('byRun').getAllKeys(IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
  await Promise.all([
    tx.objectStore('runs').delete(id),
    ...ids.flatMap((e) => [tx.objectStore('episodes').delete(e), tx.objectStore('steps').delete(stepRange(e))]),
    tx.done,
  ]);
}

function plain<T>(value: T): T {
  // Svelte state proxies cannot be structured-cloned; store a plain snapshot.
  return JSON.parse(JSON.stringify(value)) as T;
}

export function newId(): string {
  return crypto.randomUUID();
}
