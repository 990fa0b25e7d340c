/**
 * Where a user's dataset files live in the browser: the origin private file system (OPFS), which
 * takes large SQLite files without holding them in memory, or IndexedDB where OPFS cannot be
 * written from the page. Written by the page after a dataset is checked, read by env workers
 * through `storedDataSource`. A failed write removes what it wrote, so nothing half-stored stays.
 */
import { openDB } from 'idb';
import type { DataSource } from '../envs/contract.ts';
import { datasetRef, type UserDataset } from './dataset.ts';
import { DatasetError, type DroppedFile } from './files.ts';

const FOLDER = 'user-data';
const IDB_NAME = 'agentgym-user-data';
const FILES = 'files';

const idb = () => openDB(IDB_NAME, 1, { upgrade: (db) => void db.createObjectStore(FILES) });

async function opfsFolder(id: string, create: boolean): Promise<FileSystemDirectoryHandle | null> {
  try {
    const root = await navigator.storage.getDirectory();
    return await (await root.getDirectoryHandle(FOLDER, { create })).getDirectoryHandle(id, { create });
  } catch {
    return null;
  }
}

/** The file at a '/'-separated path under `dir`. */
async function opfsFile(dir: FileSystemDirectoryHandle, path: string, create: boolean): Promise<FileSystemFileHandle> {
  const parts = path.split('/');
  for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create });
  return dir.getFileHandle(parts[parts.length - 1], { create });
}

/** The browser's File as it is (streamed, never read whole), or the bytes of a generated file. */
function blobOf(f: DroppedFile): Blob | Promise<Blob> {
  return f.blob ?? f.read().then((b) => new Blob([b.slice().buffer as ArrayBuffer]));
}

const megabytes = (n: number) => `${(n / 1e6).toFixed(n < 1e7 ? 1 : 0)} MB`;

/** Store the checked files of `dataset`; `progress` hears of each file as it starts. */
export async function storeDataset(dataset: UserDataset, files: readonly DroppedFile[], progress?: (path: string, index: number, count: number) => void): Promise<'opfs' | 'indexeddb'> {
  const total = files.reduce((n, f) => n + f.size, 0);
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  if (estimate?.quota !== undefined && estimate.usage !== undefined && estimate.quota - estimate.usage < total) {
    throw new DatasetError([`Not enough browser storage: the files need ${megabytes(total)}, ${megabytes(estimate.quota - estimate.usage)} are free. Free some (Settings → Data, History) or use the CLI with --${dataset.env}-data.`]);
  }
  const dir = await opfsFolder(dataset.id, true);
  if (dir) {
    try {
      for (const [i, f] of files.entries()) {
        progress?.(f.path, i, files.length);
        const writable = await (await opfsFile(dir, f.path, true)).createWritable();
        await (await blobOf(f)).stream().pipeTo(writable); // closes it
      }
      return 'opfs';
    } catch {
      // OPFS can be read-only from a page (older Safari): fall back to IndexedDB below.
      await removeStored(dataset.id);
    }
  }
  const db = await idb();
  try {
    for (const [i, f] of files.entries()) {
      progress?.(f.path, i, files.length);
      await db.put(FILES, await blobOf(f), `${dataset.id}/${f.path}`);
    }
    return 'indexeddb';
  } catch (e) {
    await removeStored(dataset.id);
    throw new DatasetError([`The files could not be stored in this browser: ${e instanceof Error ? e.message : String(e)}`]);
  } finally {
    db.close();
  }
}

export async function removeStored(id: string): Promise<void> {
  try {
    const root = await navigator.storage.getDirectory();
    await (await root.getDirectoryHandle(FOLDER)).removeEntry(id, { recursive: true });
  } catch {
    // Not in OPFS (or never stored).
  }
  const db = await idb();
  try {
    await db.delete(FILES, IDBKeyRange.bound(`${id}/`, `${id}/\uffff`));
  } finally {
    db.close();
  }
}

async function readStored(id: string, path: string): Promise<Uint8Array> {
  const dir = await opfsFolder(id, false);
  if (dir) {
    try {
      return new Uint8Array(await (await (await opfsFile(dir, path, false)).getFile()).arrayBuffer());
    } catch {
      // Not in OPFS: try IndexedDB.
    }
  }
  const db = await idb();
  try {
    const blob = (await db.get(FILES, `${id}/${path}`)) as Blob | undefined;
    if (blob) return new Uint8Array(await blob.arrayBuffer());
  } finally {
    db.close();
  }
  throw new Error(`The stored file ${path} of your dataset is gone (was the site's storage cleared?): import the dataset again in Settings → Data.`);
}

/** An env's DataSource over a stored dataset (in a worker: OPFS and IndexedDB both work there). */
export function storedDataSource(dataset: UserDataset): DataSource {
  const bytes = (path: string) => readStored(dataset.id, path);
  return { dataset: datasetRef(dataset), bytes, json: async (path) => JSON.parse(new TextDecoder().decode(await bytes(path))) };
}
