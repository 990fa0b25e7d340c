/**
 * Starts query-worker.ts where the env runs: a module Web Worker in the browser (Vite bundles it
 * from the `new Worker(new URL(...))` form), a worker thread in Node. The thread runs TypeScript
 * through tsx, as the Node side does (the CLI and server start under tsx; tests load it here).
 */
import { errorMessage } from '../../error-message.ts';
import { inNode, nodeWorkerThreads } from './node-only.ts';
import type { SandboxReply, SandboxRequest, SpawnWorker, WorkerLike } from './sandbox.ts';

export const spawnQueryWorker: SpawnWorker = inNode() ? spawnThread : spawnWebWorker;

function spawnWebWorker(onReply: (r: SandboxReply) => void, onFail: (message: string) => void): WorkerLike {
  const worker = new Worker(new URL('./query-worker.ts', import.meta.url), { type: 'module', name: 'bird-queries' });
  worker.onmessage = (e: MessageEvent<SandboxReply>) => onReply(e.data);
  worker.onerror = (e) => onFail(e.message || 'the worker could not start');
  return { post: (m) => worker.postMessage(m), terminate: () => worker.terminate() };
}

function spawnThread(onReply: (r: SandboxReply) => void, onFail: (message: string) => void): WorkerLike {
  // Requests wait in `ready`'s chain until the thread exists; a termination before that ends it on arrival.
  let ended = false;
  // The thread keeps the process alive only while a request awaits its reply, so an idle sandbox
  // never holds a CLI or test run open (each request gets exactly one reply).
  let awaited = 0;
  const ready = nodeWorkerThreads().then(({ Worker }) => {
    // The thread registers tsx's hooks for itself, then imports the TypeScript entry.
    const entry = JSON.stringify(new URL('./query-worker.ts', import.meta.url).href);
    const tsx = JSON.stringify(new URL('../../../node_modules/tsx/dist/esm/api/index.mjs', import.meta.url).href);
    const worker = new Worker(`import(${tsx}).then((api) => { api.register(); return import(${entry}); });`, { eval: true });
    worker.on('message', (reply: SandboxReply) => {
      if (--awaited === 0) worker.unref();
      onReply(reply);
    });
    worker.on('error', (e) => onFail(errorMessage(e)));
    worker.on('exit', (code) => ended || onFail(`the worker thread exited (code ${code})`));
    if (awaited === 0) worker.unref(); // after the listeners, which ref it again
    if (ended) void worker.terminate();
    return worker;
  });
  ready.catch((e: unknown) => onFail(errorMessage(e)));
  return {
    post: (m: SandboxRequest) => {
      awaited++;
      void ready.then((w) => {
        w.ref();
        w.postMessage(m);
      }, () => {});
    },
    terminate: () => {
      ended = true;
      void ready.then((w) => w.terminate(), () => {});
    },
  };
}
