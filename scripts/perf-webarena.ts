/**
 * `npm run perf:webarena`: the oracle over the 20 demo tasks through the proxy (in-process, on
 * loopback), timing resets and steps (action + observation, and evaluation on stop), and the
 * browser's memory per live context (renderer JS heap via CDP, and Chromium's processes' RSS).
 */
import { execFileSync } from 'node:child_process';
import { startProxy } from '../server/webarena/start.ts';
import { WebArenaOracle } from '../workers/envs/webarena/oracle.ts';

const proxy = await startProxy();
const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(proxy.url + path, { method, headers: { Authorization: `Bearer ${proxy.token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
};
const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `n=${s.length} median ${s[Math.floor(s.length / 2)].toFixed(0)} ms, p90 ${s[Math.floor(s.length * 0.9)].toFixed(0)} ms, max ${s[s.length - 1].toFixed(0)} ms`;
};

/** RSS of this process's descendants (the Chromium it launched), in MB; Linux `ps`, 0 elsewhere. */
function browserRssMb(): number {
  try {
    const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/).map(Number));
    const mine = new Set([process.pid]);
    let total = 0;
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, ppid, rss] of rows) {
        if (!mine.has(pid) && mine.has(ppid)) {
          mine.add(pid);
          total += rss;
          grew = true;
        }
      }
    }
    return total / 1024;
  } catch {
    return 0;
  }
}

const resets: number[] = [];
const steps: number[] = [];
const stops: number[] = [];
let solved = 0;
const { count } = (await call('GET', '/tasks')) as { count: number };
// Warm-up: the first reset launches the browser.
const warm = (await call('POST', '/episodes')).id;
let t = performance.now();
await call('POST', `/episodes/${warm}/reset`, { task: 0 });
console.log(`browser launch + first reset: ${(performance.now() - t).toFixed(0)} ms`);
await call('DELETE', `/episodes/${warm}`);

for (let task = 0; task < count; task++) {
  const id = (await call('POST', '/episodes')).id;
  t = performance.now();
  let obs = (await call('POST', `/episodes/${id}/reset`, { task })).observation as string;
  resets.push(performance.now() - t);
  const oracle = new WebArenaOracle();
  for (let round = 0; round < 25; round++) {
    const action = oracle.next(obs);
    t = performance.now();
    const r = await call('POST', `/episodes/${id}/step`, { action });
    (action.startsWith('stop') ? stops : steps).push(performance.now() - t);
    obs = r.observation as string;
    if (r.done) {
      solved += r.reward === 1 ? 1 : 0;
      break;
    }
  }
  await call('DELETE', `/episodes/${id}`);
}
console.log(`oracle: ${solved}/${count} solved`);
console.log(`reset (fresh context + start page + observation): ${stat(resets)}`);
console.log(`step (action + observation): ${stat(steps)}`);
console.log(`stop (observation + evaluators): ${stat(stops)}`);

const base = browserRssMb();
const live: number[] = [];
for (let i = 0; i < 4; i++) {
  const id = (await call('POST', '/episodes')).id as number;
  await call('POST', `/episodes/${id}/reset`, { task: 0 });
  live.push(id);
}
const withFour = browserRssMb();
console.log(`Chromium RSS: ${base.toFixed(0)} MB with no live episode (one spare context), ${withFour.toFixed(0)} MB with 4 (${((withFour - base) / 4).toFixed(0)} MB per context)`);
for (const id of live) await call('DELETE', `/episodes/${id}`);
await proxy.close();
