/**
 * Our own golden transcripts: for each env, a few items' action lists with a hash of every
 * observation, committed in `workers/envs/transcripts/<env>.json`. A change that alters
 * what an agent sees fails the conformance suite until the env's data version is bumped and the
 * transcripts are re-recorded on purpose (`npm run goldens`). Test and script use only.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastPlayable, type EnvManifest } from '../workers/envs/contract.ts';
import { nodeDataSource } from '../workers/node-data-source.ts';
import { EnvSession, loadModule, type Snapshot } from '../workers/session.ts';

export interface TranscriptEpisode {
  item: number;
  actions: string[];
  /** Hash of the reset observation, then of the observation after each action. */
  observations: string[];
  rewards: number[];
  dones: boolean[];
}

export interface TranscriptFile {
  env: string;
  dataVersion: string;
  episodes: TranscriptEpisode[];
}

/** Short content hash of an observation (the transcripts store no env text). */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function transcriptPath(manifest: EnvManifest): string {
  return fileURLToPath(new URL(`../workers/envs/transcripts/${manifest.id}.json`, import.meta.url));
}

export function readTranscripts(manifest: EnvManifest): TranscriptFile | null {
  const path = transcriptPath(manifest);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as TranscriptFile) : null;
}

/** Play `actions` on `item` in a fresh session, stopping early if the episode ends. */
export async function playActions(manifest: EnvManifest, item: number, actions: readonly string[]): Promise<TranscriptEpisode> {
  // Transcripts hold observations only: no pictures (WebArena's would be a screenshot per step).
  const session = await EnvSession.open(manifest, nodeDataSource, { views: false });
  try {
    const ep: TranscriptEpisode = { item, actions: [], observations: [textHash((await session.reset(item)).observation)], rewards: [], dones: [] };
    for (const action of actions) {
      const snap = await session.step(action);
      ep.actions.push(action);
      ep.observations.push(textHash(snap.observation));
      ep.rewards.push(snap.reward);
      ep.dones.push(snap.done);
      if (snap.done || snap.truncated) break;
    }
    return ep;
  } finally {
    await session.close();
  }
}

/**
 * Actions worth recording for an item: with `probe` false, the env's oracle when it has one (a
 * solving run), else its listed actions in turn; with `probe` true, malformed and unknown actions
 * first, so error texts are pinned too, then listed actions.
 */
export async function chooseActions(manifest: EnvManifest, item: number, probe: boolean): Promise<string[]> {
  const module = await loadModule(manifest);
  const session = await EnvSession.open(manifest, nodeDataSource);
  const oracle = probe ? undefined : module.oracle?.();
  const bad = ['', 'jump over the moon', 'Look!!', '\u0007'];
  const actions: string[] = [];
  try {
    let snap: Snapshot = await session.reset(item);
    for (let round = 0; round < manifest.maxRounds && !snap.done && !snap.truncated; round++) {
      const listed = snap.availableActions?.filter((a) => !a.startsWith('check')) ?? [];
      const action = probe && round < bad.length ? bad[round] : oracle ? oracle.next(snap.observation) : (listed[(round * 7) % Math.max(1, listed.length)] ?? 'inventory');
      actions.push(action);
      snap = await session.step(action);
    }
    return actions;
  } finally {
    await session.close();
  }
}

export function writeTranscripts(manifest: EnvManifest, episodes: TranscriptEpisode[]): string {
  const path = transcriptPath(manifest);
  mkdirSync(dirname(path), { recursive: true });
  const file: TranscriptFile = { env: manifest.id, dataVersion: manifest.dataVersion, episodes };
  writeFileSync(path, JSON.stringify(file, null, 1) + '\n');
  return path;
}

/** What is recorded per env: solving runs of the first eval items, and probes of the first and last item. */
export function transcriptPlan(manifest: EnvManifest): { item: number; probe: boolean }[] {
  const solve = manifest.evalItems.slice(0, 3).map((item) => ({ item, probe: false }));
  return [...solve, { item: 0, probe: true }, { item: lastPlayable(manifest), probe: true }];
}
