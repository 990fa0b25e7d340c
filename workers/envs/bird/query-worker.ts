/**
 * The far side of the query sandbox (sandbox.ts): sql.js and the open databases, in a Web Worker
 * or a Node worker thread of their own, so a query that overruns its deadline can be ended by
 * terminating this worker. Requests are answered one at a time, in order.
 */
import type { Database } from 'sql.js';
import { errorMessage } from '../../error-message.ts';
import { inNode, nodeWorkerThreads } from './node-only.ts';
import { lockDown, runQuery } from './query.ts';
import type { SandboxReply, SandboxRequest, TimedResult } from './sandbox.ts';
import { sqlJs } from './sqljs.ts';

interface Port {
  postMessage(message: SandboxReply): void;
  on(listener: (message: SandboxRequest) => void): void;
}

const databases = new Map<string, Database>();

async function handle(req: SandboxRequest): Promise<TimedResult | null> {
  switch (req.op) {
    case 'open': {
      const SQL = await sqlJs();
      databases.get(req.key)?.close();
      const db = new SQL.Database(req.bytes);
      lockDown(db);
      databases.set(req.key, db);
      return null;
    }
    case 'close':
      databases.get(req.key)?.close();
      databases.delete(req.key);
      return null;
    case 'query': {
      const db = databases.get(req.key);
      if (!db) throw new Error(`Database "${req.key}" is not open in the query worker.`);
      const began = performance.now();
      const result = runQuery(db, req.sql, { ...req.limits, now: () => performance.now() });
      return { result, ms: performance.now() - began };
    }
  }
}

async function nodePort(): Promise<Port> {
  const { parentPort } = await nodeWorkerThreads();
  if (!parentPort) throw new Error('query-worker.ts must run as a worker thread.');
  // A MessagePort queues what arrives until its first listener.
  return { postMessage: (m) => parentPort.postMessage(m), on: (fn) => parentPort.on('message', fn) };
}

/** The browser's worker scope: its listener is set before the first await, or messages are lost. */
function browserPort(): Port {
  const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent<SandboxRequest>) => void) | null };
  return { postMessage: (m) => scope.postMessage(m), on: (fn) => (scope.onmessage = (e) => fn(e.data)) };
}

const parent = inNode() ? await nodePort() : browserPort();
let queue = Promise.resolve();
parent.on((req) => {
  queue = queue.then(async () => {
    try {
      parent.postMessage({ id: req.id, ok: true, value: await handle(req) });
    } catch (e) {
      parent.postMessage({ id: req.id, ok: false, error: errorMessage(e) });
    }
  });
});
