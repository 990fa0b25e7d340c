/**
 * Web Worker entry: a SessionHost exposed with comlink. A pool keeps a few of these per env, each
 * holding many sessions, so an env's code and data load once per worker. Errors thrown by an env
 * reach the caller as rejected promises with the message.
 */
import * as Comlink from 'comlink';
import { fetchDataSource } from './data-source.ts';
import type { DataProgressMessage } from './data-progress.ts';
import { requireEnv } from './envs/registry.ts';
import { SessionHost } from './session-host.ts';
import { storedDataSource } from './user-data/browser-store.ts';

const base = new URL(`${import.meta.env.BASE_URL}static-data/`, self.location.origin).href;

const host = new SessionHost((envId) => {
  const m = requireEnv(envId);
  return fetchDataSource(base, `${m.id}@${m.dataVersion}`, (path, received, total, done) => {
    const message: DataProgressMessage = { kind: 'agentgym-data-progress', env: m.id, path, received, total, done };
    self.postMessage(message);
  });
}, requireEnv, storedDataSource);

Comlink.expose(host);
