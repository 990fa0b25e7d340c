/**
 * A user's own dataset (WebShop's product files, BIRD's or Spider's dev set): its description,
 * kept beside the stored files, and the env manifest it turns the built-in one into (item count,
 * eval items, data version and the summary the env picker shows). Plain data, shared by the page,
 * the workers and the Node side.
 */
import type { DatasetRef, EnvManifest } from '../envs/contract.ts';

export interface UserDataset extends DatasetRef {
  /** The env it feeds. */
  env: 'webshop' | 'bird';
  /** What it is, for people: e.g. "WebShop's own files: 6,910 goals". */
  label: string;
  /** Item indices run 0..itemCount-1; the env's own items start at `firstItem`. */
  itemCount: number;
  evalItems: number[];
  /** Stored files (normalised paths, see DatasetRef) and their sizes. */
  files: { path: string; bytes: number }[];
  /** Things the user should know (e.g. a goal count other than AgentGym's). */
  notes: string[];
  importedAt: string;
}

export const KINDS: Record<DatasetRef['kind'], { env: UserDataset['env']; name: string }> = {
  'webshop-exact': { env: 'webshop', name: "WebShop's own product files" },
  'bird-dev': { env: 'bird', name: "BIRD's dev set" },
  'spider-dev': { env: 'bird', name: "Spider's dev set" },
};

const SUMMARIES: Record<DatasetRef['kind'], string> = {
  'webshop-exact': "Search a web shop and buy the product an instruction describes, with the right options, under a price. Catalogue: your WebShop files, with AgentGym's own goals in AgentGym's order.",
  'bird-dev': "Answer a question about an SQLite database with one SQL query, scored on its result rows. Data: your BIRD dev set, under AgentGym's item ids.",
  'spider-dev': 'Answer a question about an SQLite database with one SQL query, scored on its result rows. Data: your Spider dev set (AgentGym has no Spider ids: items count from 0).',
};

const derived = new Map<string, EnvManifest>();

/** The env's manifest when `ds` is its data (memoised: sessions key loaded code by manifest). */
export function withDataset(base: EnvManifest, ds: UserDataset): EnvManifest {
  if (base.id !== ds.env) throw new Error(`Dataset ${ds.id} is for ${ds.env}, not ${base.id}`);
  const key = `${base.id}|${base.dataVersion}|${ds.id}`;
  let m = derived.get(key);
  if (!m) {
    m = { ...base, summary: SUMMARIES[ds.kind], itemCount: ds.itemCount, evalItems: ds.evalItems, dataVersion: ds.id, downloads: [] };
    derived.set(key, m);
  }
  return m;
}

/** The reference part an env's DataSource carries. */
export function datasetRef(ds: UserDataset): DatasetRef {
  return { id: ds.id, kind: ds.kind, firstItem: ds.firstItem };
}

/** Check a description read back from storage or a message (a boundary): throws what is wrong. */
export function checkDataset(o: unknown): UserDataset {
  const bad = (what: string): never => {
    throw new Error(`Stored dataset description is damaged: ${what}`);
  };
  if (!o || typeof o !== 'object') bad('not an object');
  const d = o as Partial<UserDataset>;
  if (typeof d.id !== 'string' || !/^[a-z-]+-[0-9a-f]{8,64}$/.test(d.id)) bad('id');
  if (typeof d.kind !== 'string' || !Object.hasOwn(KINDS, d.kind)) bad('kind');
  if (d.env !== KINDS[d.kind!].env) bad('env');
  if (typeof d.label !== 'string') bad('label');
  for (const k of ['itemCount', 'firstItem'] as const) if (!Number.isInteger(d[k]) || d[k]! < 0) bad(k);
  if (d.firstItem! >= d.itemCount!) bad('firstItem');
  if (!Array.isArray(d.evalItems) || !d.evalItems.every((i) => Number.isInteger(i) && i >= 0 && i < d.itemCount!)) bad('evalItems');
  if (!Array.isArray(d.files) || !d.files.every((f) => f && typeof f.path === 'string' && Number.isInteger(f.bytes))) bad('files');
  if (!Array.isArray(d.notes) || !d.notes.every((n) => typeof n === 'string')) bad('notes');
  if (typeof d.importedAt !== 'string') bad('importedAt');
  return d as UserDataset;
}
