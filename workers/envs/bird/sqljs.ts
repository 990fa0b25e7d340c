/**
 * Starts sql.js once per worker or process. The only place that knows where sql.js's WebAssembly
 * file lives: in Node sql.js reads its own wasm from node_modules; under Vite the wasm must be
 * imported as a URL (otherwise the dev server answers its request with index.html). That import is
 * dynamic and only taken outside Node, because tsx (the CLI and HTTP server) cannot import a
 * `.wasm?url` module.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { inNode } from './node-only.ts';

let started: Promise<SqlJsStatic> | null = null;

async function start(): Promise<SqlJsStatic> {
  if (inNode()) return initSqlJs();
  const { default: wasmUrl } = await import('sql.js/dist/sql-wasm-browser.wasm?url');
  return initSqlJs({ locateFile: () => wasmUrl });
}

export function sqlJs(): Promise<SqlJsStatic> {
  started ??= start().catch((e: unknown) => {
    started = null; // a failed start (e.g. the wasm fetch) may be retried
    throw e;
  });
  return started;
}
