/** The Node side reads env data straight from the repository's static-data/ folder. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DataSource } from './envs/contract.ts';
import { activeSource } from './user-data/active.ts';

const ROOT = fileURLToPath(new URL('../static-data/', import.meta.url));

export const nodeDataSource: DataSource = {
  bytes: async (path) => new Uint8Array(await readFile(ROOT + checkPath(path))),
  json: async (path) => JSON.parse(await readFile(ROOT + checkPath(path), 'utf8')),
};

/** Paths come from env code, but a slip must never read outside static-data/. */
function checkPath(path: string): string {
  if (path.startsWith('/') || path.split('/').includes('..')) throw new Error(`Bad data path "${path}"`);
  return path;
}

/** The data an env runs on in this process: a user dataset given on the command line, else static-data/. */
export function nodeDataFor(envId: string): DataSource {
  return activeSource(envId) ?? nodeDataSource;
}
