/**
 * The user's own datasets in this browser: their descriptions (localStorage, read synchronously at
 * start so the env picker and benchmarks see the right item counts at once), which one each env
 * runs on, and importing new ones (check first, then store: bad input changes nothing).
 */
import { activeDataset, useBuiltIn, useDataset } from '../../workers/user-data/active.ts';
import { storeDataset, removeStored } from '../../workers/user-data/browser-store.ts';
import { checkDataset, type UserDataset } from '../../workers/user-data/dataset.ts';
import { DatasetError, type DroppedFile } from '../../workers/user-data/files.ts';

const LIST_KEY = 'agentgym-user-datasets';
const ACTIVE_KEY = 'agentgym-active-datasets';

function readJson(key: string): unknown {
  try {
    return JSON.parse(globalThis.localStorage?.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

class UserDatasets {
  list = $state<UserDataset[]>([]);
  /** Env id -> the dataset id it runs on (absent: the built-in data). */
  active = $state<Record<string, string>>({});
  /** What an import is doing now, for a status line; empty when idle. */
  busy = $state('');
  /** The last import's problems, each naming a file. */
  problems = $state<string[]>([]);

  /** Read the stored descriptions and apply the chosen datasets to the registry. */
  restore(): void {
    const list = readJson(LIST_KEY);
    this.list = (Array.isArray(list) ? list : []).flatMap((d) => {
      try {
        return [checkDataset(d)];
      } catch {
        return []; // a damaged entry is dropped, the others stay
      }
    });
    const active = readJson(ACTIVE_KEY);
    for (const [env, id] of Object.entries(active && typeof active === 'object' ? active : {})) {
      if (this.byId(id)?.env === env) this.use(env, id);
    }
  }

  byId(id: unknown): UserDataset | undefined {
    return this.list.find((d) => d.id === id);
  }

  /** Check `files`, store them and run their env on them; problems land in `problems`. */
  async add(files: readonly DroppedFile[]): Promise<UserDataset | null> {
    this.problems = [];
    this.busy = `Checking ${files.length} file${files.length === 1 ? '' : 's'}…`;
    try {
      // The checks carry WebShop's goal generator: loaded when someone imports, not with the page.
      const { importDataset } = await import('../../workers/user-data/import.ts');
      const imported = await importDataset(files);
      const { dataset } = imported;
      if (!this.byId(dataset.id)) {
        await storeDataset(dataset, imported.files, (path, i, n) => (this.busy = `Storing ${path} (${i + 1} of ${n})…`));
        this.list = [...this.list, dataset];
        this.save();
      }
      this.use(dataset.env, dataset.id);
      return dataset;
    } catch (e) {
      this.problems = e instanceof DatasetError ? e.problems : [e instanceof Error ? e.message : String(e)];
      return null;
    } finally {
      this.busy = '';
    }
  }

  /** Run `env` on the dataset `id`, or on its built-in data when `id` is null. */
  use(env: string, id: string | null): void {
    const ds = id === null ? undefined : this.byId(id);
    if (ds) {
      useDataset($state.snapshot(ds) as UserDataset); // plain data: it goes to workers by structured clone
      this.active[env] = ds.id;
    } else {
      useBuiltIn(env);
      delete this.active[env];
    }
    globalThis.localStorage?.setItem(ACTIVE_KEY, JSON.stringify(this.active));
  }

  async remove(id: string): Promise<void> {
    const ds = this.byId(id);
    if (!ds) return;
    if (activeDataset(ds.env)?.id === id) this.use(ds.env, null);
    this.list = this.list.filter((d) => d.id !== id);
    this.save();
    await removeStored(id);
  }

  private save(): void {
    globalThis.localStorage?.setItem(LIST_KEY, JSON.stringify(this.list));
  }
}

export const userDatasets = new UserDatasets();

/** The files of a drop or a file input, with their paths inside any dropped folder. */
export async function droppedFiles(source: DataTransfer | FileList): Promise<DroppedFile[]> {
  if (!('items' in source)) return Array.from(source, (f) => browserFile(f, f.webkitRelativePath || f.name));
  const entries = Array.from(source.items, (i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (!entries.length) return Array.from(source.files, (f) => browserFile(f, f.name));
  const out: DroppedFile[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    const path = prefix + entry.name;
    if (entry.isFile) {
      const file = await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail));
      out.push(browserFile(file, path));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries hands out a folder's entries in batches until an empty one.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
        if (!batch.length) break;
        for (const e of batch) await walk(e, `${path}/`);
      }
    }
  };
  for (const e of entries) await walk(e, '');
  return out;
}

function browserFile(file: File, path: string): DroppedFile {
  return {
    path,
    size: file.size,
    head: async (n) => new Uint8Array(await file.slice(0, n).arrayBuffer()),
    read: async () => new Uint8Array(await file.arrayBuffer()),
    blob: file,
  };
}
