/**
 * Perf probe page (built apart from the app by the perf scripts): `window.probeEnvs()` times the
 * app's own worker transport (openWorkerEnv) for every registered env; `window.probeBench()` runs
 * the benchmark runner with module workers and IndexedDB, as in the app. Called via Playwright.
 */
import { ENVS } from '../../../workers/envs/registry.ts';
import { openWorkerEnv, sizePools } from '../../../src/lib/env-client.ts';
import { measureEnv, type EnvTiming, type MeasureOptions } from '../measure.ts';
import { policySource } from '../policy.ts';
import { benchmarkEpisodeSaver, putRun } from '../../../src/lib/store.ts';
import { benchEnvs, instantClient, orchestrate, type OrchestrationResult } from '../orchestrate.ts';
import type { LlmClient } from '../../../src/lib/llm/types.ts';

export interface WorkerTiming extends EnvTiming {
  /** First open: worker start, module load and env creation. */
  openColdMs: number;
  /** Mean of later opens, with the worker script cached. */
  openWarmMs: number;
}

export interface ProbeResult {
  crossOriginIsolated: boolean;
  userAgent: string;
  envs: (WorkerTiming | { env: string; error: string })[];
}

const WARM_OPENS = 5;

async function timedOpen(envId: string): Promise<[number, Awaited<ReturnType<typeof openWorkerEnv>>]> {
  const t = performance.now();
  const handle = await openWorkerEnv(envId);
  return [performance.now() - t, handle];
}

async function probeEnvs(opts: Omit<MeasureOptions, 'now'>): Promise<ProbeResult> {
  const envs: ProbeResult['envs'] = [];
  for (const spec of ENVS) {
    try {
      const policies = await policySource(spec);
      const [openColdMs, handle] = await timedOpen(spec.id);
      const timing = await measureEnv(spec, handle, policies, { ...opts, now: () => performance.now() });
      handle.close();
      let warm = 0;
      for (let i = 0; i < WARM_OPENS; i++) {
        const [ms, h] = await timedOpen(spec.id);
        warm += ms;
        h.close();
      }
      envs.push({ ...timing, openColdMs, openWarmMs: warm / WARM_OPENS });
    } catch (e) {
      envs.push({ env: spec.id, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return { crossOriginIsolated: globalThis.crossOriginIsolated === true, userAgent: navigator.userAgent, envs };
}

declare global {
  interface Window {
    /** `envs`: env ids to run, all deterministic envs when absent (fixed by the first call). */
    probeBench(concurrency: number, repeats: number, envs?: string[]): Promise<OrchestrationResult>;
    probeEnvs: typeof probeEnvs;
  }
}
window.probeEnvs = probeEnvs;

let client: Promise<LlmClient> | undefined;

window.probeBench = async (concurrency, repeats, ids) => {
  const envs = benchEnvs(ids);
  client ??= instantClient(openWorkerEnv, envs); // recorded on the first call, before its clock starts
  sizePools(concurrency); // as the benchmark does
  return orchestrate({ openEnv: openWorkerEnv, client: await client, save: benchmarkEpisodeSaver(), saveRun: putRun, concurrency, repeats, envs, now: () => performance.now() });
};
