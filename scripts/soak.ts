/**
 * `npm run soak [-- --steps 100000 --clients 32]`: the HTTP server under a long steady load, as
 * AgentGym clients use it (create, reset, step to the end, reset again; close at the end), over
 * real loopback HTTP in this process. Prints throughput, latency percentiles and the heap after a
 * GC at every tenth of the run, so a leak shows as a rising column. Exit 1 on any non-200 reply.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createHttpApp } from '../server/http-app.ts';
import { Rng } from '../workers/envs/rng.ts';

const { values } = parseArgs({ options: { steps: { type: 'string', default: '100000' }, clients: { type: 'string', default: '32' }, env: { type: 'string', default: 'maze' } } });
const total = Number(values.steps);
const clients = Number(values.clients);
if (!Number.isInteger(total) || total < 1 || !Number.isInteger(clients) || clients < 1) throw new Error('--steps and --clients must be positive integers');
const gc = (globalThis as { gc?: () => void }).gc;

const server = createServer(createHttpApp());
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${values.env}`;
const ACTIONS = ['move up', 'move down', 'move left', 'move right'];

async function call(path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${base}/${path}`, body === undefined ? { method: 'POST' } : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

function heapMb(): number {
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

let done = 0;
let episodes = 0;
const latencies: number[] = [];
const samples: string[] = [];
const heap0 = heapMb();
const started = performance.now();

async function client(n: number): Promise<void> {
  const rng = new Rng(n);
  const { id } = await call('create');
  await call('reset', { id, game: rng.int(25) });
  while (done < total) {
    const k = ++done;
    const t = performance.now();
    const r = await call('step', { id, action: rng.pick(ACTIONS) });
    latencies.push(performance.now() - t);
    if (k % Math.max(1, Math.floor(total / 10)) === 0) samples.push(`${k}: ${heapMb().toFixed(1)} MB`);
    if (r.done) {
      episodes++;
      await call('reset', { id, game: rng.int(25) });
    }
  }
  await call('close', { id });
}

try {
  await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
} finally {
  server.close();
}
const secs = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(2);
console.log(`soak: ${done} steps (${episodes} episodes ended) by ${clients} clients over HTTP in ${secs.toFixed(1)} s: ${Math.round(done / secs)} steps/s`);
console.log(`latency ms: p50 ${pct(0.5)}, p99 ${pct(0.99)}, max ${latencies.at(-1)!.toFixed(2)}`);
console.log(`heap after GC${gc ? '' : ' (run with --expose-gc for exact figures)'}: start ${heap0.toFixed(1)} MB; ${samples.join(', ')}; end ${heapMb().toFixed(1)} MB`);
