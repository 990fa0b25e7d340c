/**
 * The Node side of user datasets (`--webshop-data <dir>`, `--bird-data <dir>` of the CLI and the
 * HTTP server): the folder's files are checked as a dropped folder is in the page, then read from
 * disk in place, under their normalised paths.
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { DataSource } from '../envs/contract.ts';
import { useDataset } from './active.ts';
import { datasetRef, KINDS, type UserDataset } from './dataset.ts';
import { DatasetError, type DroppedFile } from './files.ts';
import { importDataset, type Imported } from './import.ts';

async function diskFile(root: string, full: string): Promise<DroppedFile> {
  const size = (await stat(full)).size;
  return {
    path: relative(root, full).split(sep).join('/'),
    size,
    head: async (n) => {
      const fd = await open(full, 'r');
      try {
        const buf = new Uint8Array(Math.min(n, size));
        await fd.read(buf, 0, buf.length, 0);
        return buf;
      } finally {
        await fd.close();
      }
    },
    read: async () => new Uint8Array(await readFile(full)),
  };
}

/** Every file under `dir` (following the folder tree; what a dropped folder gives the page). */
export async function filesInDir(dir: string): Promise<DroppedFile[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (e) {
    throw new DatasetError([`${dir}: cannot read this folder (${e instanceof Error ? e.message : String(e)})`]);
  }
  return Promise.all(entries.filter((e) => e.isFile()).map((e) => diskFile(dir, join(e.parentPath, e.name))));
}

/** A DataSource over checked files, by their normalised paths. */
export function importedSource({ dataset, files }: Imported): DataSource {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const bytes = (path: string) => {
    const f = byPath.get(path);
    if (!f) return Promise.reject(new Error(`The dataset ${dataset.id} has no file ${path}`));
    return f.read();
  };
  return { dataset: datasetRef(dataset), bytes, json: async (path) => JSON.parse(new TextDecoder().decode(await bytes(path))) };
}

/** Check the folder as data for `env` and make it the env's data in this process. */
export async function useDatasetDir(env: UserDataset['env'], dir: string): Promise<UserDataset> {
  const imported = await importDataset(await filesInDir(dir));
  const { dataset } = imported;
  if (dataset.env !== env) throw new DatasetError([`${dir} holds ${KINDS[dataset.kind].name}, which is data for ${dataset.env}, not ${env}`]);
  useDataset(dataset, importedSource(imported));
  return dataset;
}
