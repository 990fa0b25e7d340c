/**
 * The one persistence module: episodes and benchmark runs in IndexedDB (idb). Episodes are written
 * after every step, so a reload or crash loses at most the step in flight. API keys are NOT here
 * (they live in their own database), so nothing exported from this store can carry a key.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { EpisodeRecord } from './records.ts';
import type { RunRecord } from './bench/types.ts';

interface GymDB extends DBSchema {
  episodes: {
    key: string;
    value: EpisodeRecord;
    indexes: { byStarted: number; byRun: string };
  };
  runs: {
    key: string;
    value: RunRecord;
    indexes: { byCreated: number };
  };
}

const DB_NAME = 'agentgym';
let dbPromise: Promise<IDBPDatabase<GymDB>> | null = null;

function db(): Promise<IDBPDatabase<GymDB>> {
  dbPromise ??= openDB<GymDB>(DB_NAME, 1, {
    upgrade(d) {
      const eps = d.createObjectStore('episodes', { keyPath: 'id' });
      eps.createIndex('byStarted', 'startedAt');
      eps.createIndex('byRun', 'runId');
      const runs = d.createObjectStore('runs', { keyPath: 'id' });
      runs.createIndex('byCreated', 'createdAt');
    },
  });
  return dbPromise;
}

export async function putEpisode(ep: EpisodeRecord): Promise<void> {
  // Svelte state proxies cannot be structured-cloned; store a plain snapshot.
  await (await db()).put('episodes', plain(ep));
}

export async function getEpisode(id: string): Promise<EpisodeRecord | undefined> {
  return (await db()).get('episodes', id);
}

/** Newest first. */
export async function listEpisodes(): Promise<EpisodeRecord[]> {
  return (await (await db()).getAllFromIndex('episodes', 'byStarted')).reverse();
}

export async function listRunEpisodes(runId: string): Promise<EpisodeRecord[]> {
  return (await db()).getAllFromIndex('episodes', 'byRun', runId);
}

export async function deleteEpisode(id: string): Promise<void> {
  await (await db()).delete('episodes', id);
}

export async function putRun(run: RunRecord): Promise<void> {
  await (await db()).put('runs', plain(run));
}

export async function getRun(id: string): Promise<RunRecord | undefined> {
  return (await db()).get('runs', id);
}

export async function listRuns(): Promise<RunRecord[]> {
  return (await (await db()).getAllFromIndex('runs', 'byCreated')).reverse();
}

export async function deleteRun(id: string): Promise<void> {
  await (await db()).delete('runs', id);
}

function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function newId(): string {
  return crypto.randomUUID();
}
