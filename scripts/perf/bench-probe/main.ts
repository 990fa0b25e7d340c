/** Probe page for perf:orchestration: the runner with module workers and IndexedDB, as in the app. */
import { openWorkerEnv } from '../../../src/lib/env-client.ts';
import { putEpisode } from '../../../src/lib/store.ts';
import { orchestrate, type OrchestrationResult } from '../orchestrate.ts';

declare global {
  interface Window {
    probeBench(concurrency: number, repeats: number): Promise<OrchestrationResult>;
  }
}

window.probeBench = (concurrency, repeats) => orchestrate({ openEnv: openWorkerEnv, save: putEpisode, concurrency, repeats, now: () => performance.now() });
