/**
 * V8 CPU profiles over CDP for a perf run in Chromium: the page's and each worker's, written as
 * .cpuprofile files (open them in Chrome DevTools) and summed into the functions that took the
 * most self time, so a run shows where its time goes. Build the probe with PERF_MINIFY=0 to read
 * function names.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (ms), heaviest first. */
export function selfTimes(profile: Profile): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const file = url.split('/').pop() ?? '';
    const key = `${functionName || '(anonymous)'} ${file}${file ? `:${lineNumber + 1}` : ''}`.trim();
    ms.set(key, (ms.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...ms].sort((a, b) => b[1] - a[1]);
}

type Send = (method: string, params?: object) => Promise<unknown>;

/**
 * The page's dedicated workers as CDP targets. Playwright gives no CDP session for a worker, so
 * this attaches to them through a page session (non-flat mode: commands go in
 * Target.sendMessageToTarget and answers come back as events).
 */
async function workerTargets(page: CDPSession): Promise<Send[]> {
  const attached: string[] = [];
  const waiting = new Map<number, (result: unknown) => void>();
  page.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') attached.push(e.sessionId);
  });
  page.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (m.id !== undefined) waiting.get(m.id)?.(m.result);
  });
  await page.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  let next = 1;
  return attached.map((sessionId) => (method, params = {}) => {
    const id = next++;
    const answered = new Promise<unknown>((resolve) => waiting.set(id, resolve));
    const sent = page.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    return Promise.race([answered, sent.then(() => answered)]);
  });
}

/** Start profiling the page and its live workers; the returned function stops and writes them. */
export async function startProfiles(page: Page, dir: string, label: string): Promise<() => Promise<string[]>> {
  const cdp = await page.context().newCDPSession(page);
  const sessions: [string, Send][] = [['page', (m, p) => cdp.send(m as 'Profiler.start', p)]];
  for (const [i, send] of (await workerTargets(cdp)).entries()) sessions.push([`worker${i}`, send]);
  for (const [, send] of sessions) {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: 200 });
    await send('Profiler.start');
  }
  return async () => {
    const lines: string[] = [];
    const workers = new Map<string, number>();
    let gone = 0;
    for (const [name, send] of sessions) {
      let profile: Profile;
      try {
        ({ profile } = (await send('Profiler.stop')) as { profile: Profile });
      } catch {
        gone++; // an idle worker the pool let go: its profile went with it
        continue;
      }
      writeFileSync(join(dir, `${label}-${name}.cpuprofile`), JSON.stringify(profile));
      const top = selfTimes(profile);
      if (name === 'page') {
        lines.push(`${label} page, self time (ms):`, ...top.slice(0, 25).map(([f, t]) => `  ${t.toFixed(0).padStart(7)}  ${f}`));
      } else for (const [f, t] of top) workers.set(f, (workers.get(f) ?? 0) + t);
    }
    await cdp.detach();
    const wtop = [...workers].sort((a, b) => b[1] - a[1]);
    lines.push(`${label} workers (${sessions.length - 1 - gone}; ${gone} ended before the end), self time (ms):`, ...wtop.slice(0, 25).map(([f, t]) => `  ${t.toFixed(0).padStart(7)}  ${f}`));
    return lines;
  };
}
