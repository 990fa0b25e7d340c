/**
 * `npm run perf:sql`: what BIRD's SQL costs in sql.js, in Node.
 * 1. Opening a database in the query sandbox: cold (worker thread, sql.js and the database) and
 *    warm (another database in the running worker), each up to its first answer.
 * 2. The 200 gold queries: run time inside the worker (the run time Play shows), the round trip
 *    from the env (what a step waits for), and the same queries in native SQLite through Python's
 *    sqlite3 (AgentGym's own runtime), with the sql.js / native ratio.
 * 3. Memory: the process's RSS and heap with all five databases open, and what the worker added.
 * 4. A runaway query: how long past its deadline it takes to end it and answer the next query.
 * 5. The oracle (gold SQL) over the eval split through the env module, as a benchmark runs it.
 * Prints numbers only, no pass/fail.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { nodeDataSource } from '../workers/node-data-source.ts';
import { BirdData, databaseFile } from '../workers/envs/bird/data.ts';
import { module } from '../workers/envs/bird/index.ts';
import { bird } from '../workers/envs/bird/manifest.ts';
import { DEFAULT_LIMITS } from '../workers/envs/bird/query.ts';
import { SqlSandbox } from '../workers/envs/bird/sandbox.ts';
import { spawnQueryWorker } from '../workers/envs/bird/spawn-query-worker.ts';
import { fmt, percentile, table } from './perf/measure.ts';

const STATIC = fileURLToPath(new URL('../static-data', import.meta.url));
const REPS = 5;
const MB = 1024 * 1024;
const now = () => performance.now();

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = now();
  const value = await fn();
  return [value, now() - t];
}

const data = await BirdData.load(nodeDataSource);
const dbIds = [...data.tables.keys()];
const bytes = new Map(await Promise.all(dbIds.map(async (id) => [id, await nodeDataSource.bytes(databaseFile(id))] as const)));
const rssBefore = process.memoryUsage().rss;

// 1. Opening.
const sandbox = new SqlSandbox(spawnQueryWorker, DEFAULT_LIMITS);
const openRows: string[][] = [];
for (const [i, id] of dbIds.entries()) {
  sandbox.open(id, bytes.get(id)!);
  const [, ms] = await timed(() => sandbox.query(id, 'SELECT 1'));
  openRows.push([id, fmt(bytes.get(id)!.length / 1024, 0), i === 0 ? 'cold' : 'warm', fmt(ms, 2)]);
}
console.log(`Node ${process.version}, sql.js in a worker thread (the env's query sandbox).\n`);
console.log('Open: the database sent to the worker and opened, up to the answer of SELECT 1; the first also starts the worker and sql.js.');
console.log(table(['database', 'KiB', 'open', 'ms'], openRows));

// 2. The gold queries.
const inWorker: number[][] = [];
const roundTrip: number[][] = [];
for (const q of data.questions) {
  const w: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const [{ result, ms }, wall] = await timed(() => sandbox.query(q.db_id, q.SQL));
    if ('error' in result) throw new Error(`Gold query of question ${q.question_id} failed: ${result.error}`);
    w.push(ms);
    r.push(wall);
  }
  inWorker.push(w);
  roundTrip.push(r);
}
const memory = process.memoryUsage();
const native = spawnSync('python3', [fileURLToPath(new URL('./perf/native-sqlite.py', import.meta.url))], {
  input: JSON.stringify({ static: STATIC, reps: REPS, queries: data.questions.map((q) => [q.db_id, q.SQL]) }),
  encoding: 'utf8',
  maxBuffer: 64 * MB,
});
const nativeRun: { version: string; ms: number[][] } | null = native.status === 0 ? JSON.parse(native.stdout) : null;

/** Per query, the median of its runs; then p50/p99 and the total over queries. */
function summary(runs: number[][]): string[] {
  const medians = runs.map((r) => percentile(r, 0.5));
  return [fmt(percentile(medians, 0.5), 3), fmt(percentile(medians, 0.99), 2), fmt(Math.max(...medians), 2), fmt(medians.reduce((a, b) => a + b, 0), 1)];
}
const queryRows = [
  ['sql.js, in the worker', ...summary(inWorker)],
  ['sql.js, round trip from the env', ...summary(roundTrip)],
];
if (nativeRun) queryRows.push([`native SQLite ${nativeRun.version} (Python sqlite3)`, ...summary(nativeRun.ms)]);
console.log(`\nThe ${data.questions.length} gold queries, each run ${REPS} times (its median counts).`);
console.log(table(['runtime', 'p50 ms', 'p99 ms', 'max ms', 'sum ms'], queryRows));
if (nativeRun) {
  const ratios = inWorker.map((r, i) => percentile(r, 0.5) / Math.max(percentile(nativeRun.ms[i], 0.5), 1e-3));
  const total = (runs: number[][]) => runs.reduce((a, r) => a + percentile(r, 0.5), 0);
  console.log(`sql.js / native: ${fmt(total(inWorker) / total(nativeRun.ms), 2)}x over the sum, per query p50 ${fmt(percentile(ratios, 0.5), 2)}x, p99 ${fmt(percentile(ratios, 0.99), 2)}x.`);
} else {
  console.log(`(native SQLite not measured: python3 failed: ${native.error?.message ?? native.stderr.trim()})`);
}

// 3. Memory.
const totalKiB = [...bytes.values()].reduce((a, b) => a + b.length, 0) / 1024;
console.log(`\nMemory with all ${dbIds.length} databases (${fmt(totalKiB, 0)} KiB of files) open and queried: process RSS ${fmt(memory.rss / MB)} MiB, +${fmt((memory.rss - rssBefore) / MB)} MiB for the worker thread, sql.js and the databases; JS heap ${fmt(memory.heapUsed / MB)} MiB.`);

// 4. A runaway query.
const deadlineMs = 1000;
const short = new SqlSandbox(spawnQueryWorker, { ...DEFAULT_LIMITS, deadlineMs });
short.open('t', bytes.get(dbIds[0])!);
await short.query('t', 'SELECT 1');
const [stopped, stopMs] = await timed(() => short.query('t', 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c'));
const [, nextMs] = await timed(() => short.query('t', 'SELECT 1'));
short.dispose();
console.log(`\nA runaway query (no row before its ${deadlineMs} ms deadline): ended after ${fmt(stopMs, 0)} ms ("${'error' in stopped.result ? stopped.result.error : 'no error'}"); the next query, in a fresh worker, answered after ${fmt(nextMs, 0)} ms.`);
sandbox.dispose();

// 5. The oracle over the eval split.
const env = await module.create(nodeDataSource);
const oracle = module.oracle!();
let solved = 0;
const episodeMs: number[] = [];
for (const item of bird.evalItems) {
  const t = now();
  const obs = await env.reset(item);
  const r = await env.step(oracle.next(obs));
  episodeMs.push(now() - t);
  if (r.reward === 1) solved++;
}
await env.close?.();
console.log(`\nOracle (gold SQL) over the eval split: ${solved}/${bird.evalItems.length} solved; episode (reset and step, two queries) p50 ${fmt(percentile(episodeMs, 0.5), 2)} ms, p99 ${fmt(percentile(episodeMs, 0.99), 2)} ms, ${fmt(episodeMs.reduce((a, b) => a + b, 0) / 1000, 2)} s in all.`);
