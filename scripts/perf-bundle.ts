/**
 * `npm run perf:bundle`: builds the app with its own Vite config into a temp folder and prints
 * - the JS the first page load fetches before any env is chosen (index.html's entry and its static
 *   imports, gzipped), which must be at most 250 KB;
 * - per env, the chunks its manifest's `format()` adds to the page and `load()` adds to a worker;
 * - a check that no env's own code or data (its folder, its static-data files) is in the entry
 *   graph of the page or of the worker.
 * Exits non-zero when the entry is over budget or holds env code or data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, mergeConfig, type InlineConfig, type Plugin } from 'vite';
import baseConfig from '../vite.config.ts';
import type { EnvManifest } from '../workers/envs/contract.ts';
import { ENVS } from '../workers/envs/registry.ts';
import { addedChunks, entryChunks, envOwnedModules, gzipTotal, type BuildGraph, type ChunkInfo, type ModuleInfo } from './perf/bundle-graph.ts';
import { fmt, table } from './perf/measure.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const STATIC_DATA = join(ROOT, 'static-data') + '/';
const ENVS_DIR = join(ROOT, 'workers/envs') + '/';
const HOST = join(ROOT, 'workers/host.ts');
const ENTRY_BUDGET_KB = 250;
const KB = 1024;

/** A plugin that records the chunk and module graph of the build it runs in. */
function collector(into: BuildGraph[]): Plugin {
  return {
    name: 'agentgym-perf-bundle-graph',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        chunks.set(out.fileName, {
          fileName: out.fileName,
          isEntry: out.isEntry,
          imports: out.imports,
          modules: Object.entries(out.modules).filter(([, m]) => m.renderedLength > 0).map(([id]) => id),
          gzipBytes: gzipSync(out.code).length,
        });
      }
      const modules = new Map<string, ModuleInfo>();
      for (const id of this.getModuleIds()) {
        const info = this.getModuleInfo(id);
        if (info) modules.set(id, { id, importedIds: info.importedIds, dynamicallyImportedIds: info.dynamicallyImportedIds });
      }
      into.push({ chunks, modules });
    },
  };
}

async function buildGraphs(): Promise<{ page: BuildGraph; worker: BuildGraph }> {
  const pages: BuildGraph[] = [];
  const workers: BuildGraph[] = [];
  const outDir = mkdtempSync(join(tmpdir(), 'agentgym-bundle-'));
  const config: InlineConfig = mergeConfig(baseConfig, {
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    plugins: [collector(pages)],
    worker: { plugins: () => [collector(workers)] },
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  try {
    await build(config);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  // Vite builds each worker apart: the env host, and the workers it starts (BIRD's query worker...).
  const hosts = workers.filter((w) => w.modules.has(HOST));
  if (pages.length !== 1 || hosts.length !== 1) throw new Error(`Expected one page build and one env host worker build, got ${pages.length} and ${hosts.length}`);
  return { page: pages[0], worker: hosts[0] };
}

interface ManifestModule {
  envs: EnvManifest[];
  /** Modules its manifests' `format()` import (loaded by the page). */
  formatRoots: string[];
  /** Modules its manifests' `load()` import (loaded by a worker). */
  loadRoots: string[];
}

const exportsOf = async (id: string) => Object.values(await import(pathToFileURL(id).href)) as unknown[];

/**
 * Manifest modules (files under workers/envs/ with dynamic imports) with the manifests they
 * export. Which dynamic import is `format()` and which `load()` is found by calling them in Node
 * and matching what they resolve to against each imported module's exports.
 */
async function manifestModules(g: BuildGraph): Promise<Map<string, ManifestModule>> {
  const out = new Map<string, ManifestModule>();
  for (const m of g.modules.values()) {
    if (!m.id.startsWith(ENVS_DIR) || m.dynamicallyImportedIds.length === 0) continue;
    const exported = await exportsOf(m.id);
    const envs = ENVS.filter((e) => exported.includes(e));
    if (envs.length === 0) continue;
    const formats = await Promise.all(envs.map((e) => e.format()));
    const loads = await Promise.all(envs.map((e) => e.load()));
    const entry: ManifestModule = { envs, formatRoots: [], loadRoots: [] };
    for (const root of m.dynamicallyImportedIds) {
      const values = await exportsOf(root);
      if (formats.some((f) => values.includes(f))) entry.formatRoots.push(root);
      if (loads.some((l) => values.includes(l))) entry.loadRoots.push(root);
    }
    out.set(m.id, entry);
  }
  return out;
}

const kb = (bytes: number) => fmt(bytes / KB, 1);
const rel = (id: string) => relative(ROOT, id);

const { page, worker } = await buildGraphs();
const pageEntry = entryChunks(page);
const workerEntry = entryChunks(worker);
const entryBytes = gzipTotal(page, pageEntry);

console.log(`First page load (index.html entry and its static imports), JS gzipped: ${kb(entryBytes)} KB (budget ${ENTRY_BUDGET_KB} KB)`);
for (const f of [...pageEntry].sort()) console.log(`  ${f}  ${kb(page.chunks.get(f)!.gzipBytes)} KB`);
console.log(`Env worker entry (workers/host.ts and its static imports), JS gzipped: ${kb(gzipTotal(worker, workerEntry))} KB\n`);

const manifests = await manifestModules(page);
const rows: string[][] = [];
const leaks: string[] = [];
for (const [manifestId, { envs, formatRoots, loadRoots }] of manifests) {
  const envIds = envs.map((e) => e.id);
  const formatKb = gzipTotal(page, addedChunks(page, formatRoots, pageEntry));
  const loadKb = gzipTotal(worker, addedChunks(worker, loadRoots, workerEntry));
  rows.push([envIds.join(', '), rel(manifestId.slice(0, manifestId.lastIndexOf('/'))), kb(formatKb), kb(loadKb)]);
  for (const [g, entry, where] of [[page, pageEntry, 'page'], [worker, workerEntry, 'worker']] as const) {
    const entryModules = new Set([...entry].flatMap((f) => g.chunks.get(f)!.modules));
    for (const id of envOwnedModules(g, manifestId, STATIC_DATA)) {
      if (entryModules.has(id)) leaks.push(`${rel(id)} (${envIds.join(', ')}) is in the ${where} entry graph`);
    }
  }
}
console.log('Per env, gzipped JS added on first use (format: in the page; load: in its worker):\n');
console.log(table(['envs', 'folder', 'format() KB', 'load() KB'], rows));

let failed = false;
if (entryBytes > ENTRY_BUDGET_KB * KB) {
  console.log(`\nFAIL: the first page load is ${kb(entryBytes)} KB gzipped, over ${ENTRY_BUDGET_KB} KB.`);
  failed = true;
}
if (leaks.length > 0) {
  console.log(`\nFAIL: env code or data in an entry graph:\n  ${leaks.join('\n  ')}`);
  failed = true;
} else {
  console.log('\nNo env code or data in the page or worker entry graph.');
}
process.exitCode = failed ? 1 : 0;
