import { describe, expect, it } from 'vitest';
import { addedChunks, entryChunks, envOwnedModules, gzipTotal, type BuildGraph, type ChunkInfo, type ModuleInfo } from './bundle-graph.ts';

const chunk = (fileName: string, gzipBytes: number, imports: string[], modules: string[], isEntry = false): ChunkInfo => ({ fileName, isEntry, imports, modules, gzipBytes });
const mod = (id: string, importedIds: string[] = [], dynamicallyImportedIds: string[] = []): ModuleInfo => ({ id, importedIds, dynamicallyImportedIds });

// index.js -> shared.js statically; the maze manifest dynamic-imports its index, which reads a data file.
const g: BuildGraph = {
  chunks: new Map([
    chunk('index.js', 100, ['shared.js'], ['/src/main.ts', '/envs/maze/manifest.ts', '/envs/splits.ts', '/data/splits.json'], true),
    chunk('shared.js', 10, [], ['/envs/rng.ts']),
    chunk('maze.js', 30, ['shared.js', 'maze-data.js'], ['/envs/maze/index.ts']),
    chunk('maze-data.js', 5, [], ['/data/maze.json']),
  ].map((c) => [c.fileName, c])),
  modules: new Map([
    mod('/src/main.ts', ['/envs/maze/manifest.ts']),
    mod('/envs/maze/manifest.ts', ['/envs/splits.ts'], ['/envs/maze/index.ts']),
    mod('/envs/splits.ts', ['/data/splits.json']),
    mod('/data/splits.json'),
    mod('/envs/maze/index.ts', ['/envs/rng.ts', '/data/maze.json', '/envs/splits.ts']),
    mod('/envs/rng.ts'),
    mod('/data/maze.json'),
  ].map((m) => [m.id, m])),
};

describe('bundle graph', () => {
  it('follows static imports from the entry, not dynamic ones', () => {
    const entry = entryChunks(g);
    expect([...entry].sort()).toEqual(['index.js', 'shared.js']);
    expect(gzipTotal(g, entry)).toBe(110);
  });

  it('counts only the chunks an env adds to what is loaded', () => {
    expect([...addedChunks(g, ['/envs/maze/index.ts'], entryChunks(g))].sort()).toEqual(['maze-data.js', 'maze.js']);
  });

  it("takes an env's folder and data as its own, not shared helpers or the manifest's own imports", () => {
    expect([...envOwnedModules(g, '/envs/maze/manifest.ts', '/data/')].sort()).toEqual(['/data/maze.json', '/envs/maze/index.ts']);
  });
});
