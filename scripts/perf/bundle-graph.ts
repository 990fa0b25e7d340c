/**
 * The chunk and module graph of a production build, as `perf:bundle` reads it: which chunks the
 * first page load fetches (the HTML entry and its static imports, never dynamic ones), which
 * chunks opening an env adds, and which modules belong to an env (its code and data), so the
 * script can check that none of them is in the entry graph. Pure functions over plain records.
 */

export interface ChunkInfo {
  fileName: string;
  isEntry: boolean;
  /** Chunk files this chunk imports statically (loaded with it). */
  imports: readonly string[];
  /** Module ids with rendered code in this chunk. */
  modules: readonly string[];
  gzipBytes: number;
}

export interface ModuleInfo {
  id: string;
  importedIds: readonly string[];
  dynamicallyImportedIds: readonly string[];
}

/** One build (the app, or the worker): its chunks and module graph. */
export interface BuildGraph {
  chunks: ReadonlyMap<string, ChunkInfo>;
  modules: ReadonlyMap<string, ModuleInfo>;
}

/** Chunk files loaded with `roots`: the roots and everything they import statically. */
export function staticChunkClosure(g: BuildGraph, roots: Iterable<string>): Set<string> {
  return closure(roots, (f) => g.chunks.get(f)?.imports ?? []);
}

/** Modules reachable from `roots` through static imports only. */
export function staticModuleClosure(g: BuildGraph, roots: Iterable<string>): Set<string> {
  return closure(roots, (id) => g.modules.get(id)?.importedIds ?? []);
}

/** The chunk files of the entry graph: entry chunks and their static imports. */
export function entryChunks(g: BuildGraph): Set<string> {
  return staticChunkClosure(g, [...g.chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName));
}

export function chunkOfModule(g: BuildGraph, moduleId: string): string | undefined {
  for (const c of g.chunks.values()) if (c.modules.includes(moduleId)) return c.fileName;
  return undefined;
}

/** Chunk files a dynamic import of `roots` adds to what `loaded` already holds. */
export function addedChunks(g: BuildGraph, roots: readonly string[], loaded: ReadonlySet<string>): Set<string> {
  const files = roots.map((r) => chunkOfModule(g, r)).filter((f): f is string => f !== undefined);
  const out = staticChunkClosure(g, files);
  for (const f of loaded) out.delete(f);
  return out;
}

export function gzipTotal(g: BuildGraph, files: Iterable<string>): number {
  let n = 0;
  for (const f of files) n += g.chunks.get(f)?.gzipBytes ?? 0;
  return n;
}

/**
 * An env's own modules: what its manifest's `load()`/`format()` reach that lives in the env's
 * folder or in static-data/, less what the manifest module itself imports (its eval split is
 * meant to be read for free). Shared helpers (workers/envs/*.ts) are platform, not env code.
 */
export function envOwnedModules(g: BuildGraph, manifestId: string, staticDataDir: string): Set<string> {
  const m = g.modules.get(manifestId);
  if (!m) return new Set();
  const folder = manifestId.slice(0, manifestId.lastIndexOf('/') + 1);
  const free = staticModuleClosure(g, [manifestId]);
  const reached = staticModuleClosure(g, m.dynamicallyImportedIds);
  return new Set([...reached].filter((id) => !free.has(id) && (id.startsWith(folder) || id.startsWith(staticDataDir))));
}

function closure<T>(roots: Iterable<T>, next: (x: T) => readonly T[]): Set<T> {
  const seen = new Set<T>();
  const stack = [...roots];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (seen.has(x)) continue;
    seen.add(x);
    stack.push(...next(x));
  }
  return seen;
}
