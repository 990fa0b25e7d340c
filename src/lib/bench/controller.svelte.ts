/**
 * The benchmark as the app runs it: one live BenchRunner at a time, kept outside the view so a run
 * goes on while the user looks at other pages. Each episode is saved once it ends, and the run
 * (with its running totals) after it; a run that was 'running' when the page died resumes when the
 * Benchmark page opens again.
 */
import { openWorkerEnv, sizePools } from '../env-client.ts';
import { llmSettings } from '../llm/llm-settings.svelte.ts';
import { getEpisodeSummaries, getRun, listRuns, newId, putEpisode, putRun } from '../store.ts';
import { guardSave, requestPersistentStorage } from '../storage-health.svelte.ts';
import { APP_VERSION } from '../version.ts';
import { newRun, playTask } from './run.ts';
import { BenchRunner, type Progress } from './scheduler.ts';
import type { RunConfig, RunRecord } from './types.ts';

class BenchController {
  runs = $state.raw<RunRecord[]>([]);
  progress = $state.raw<Progress | null>(null);
  activeId = $state<string | null>(null);
  /** Whether a runner is going (new runs wait until it ends). */
  live = $state(false);
  error = $state('');
  private runner: BenchRunner | null = null;
  private loaded = false;

  async load(): Promise<void> {
    await llmSettings.load();
    await this.refresh();
    if (this.loaded) return;
    this.loaded = true;
    // A run still marked running was cut short by a reload or a crash: pick it up again.
    const orphan = this.runs.find((r) => r.status === 'running');
    if (orphan && !this.runner) void this.launch(orphan);
  }

  async refresh(): Promise<void> {
    this.runs = await listRuns();
  }

  async start(name: string, config: RunConfig): Promise<void> {
    if (this.runner) throw new Error('A run is in progress: pause or cancel it first.');
    // A long run must not be evicted under storage pressure; the browser may say no, which is fine.
    void requestPersistentStorage();
    const run = await newRun(newId(), name, config, APP_VERSION, Date.now());
    await putRun(run);
    await this.refresh();
    void this.launch(run);
  }

  async resume(id: string): Promise<void> {
    if (this.runner) throw new Error('A run is in progress: pause or cancel it first.');
    const run = await getRun(id);
    if (!run) throw new Error('That run is no longer in this browser.');
    void this.launch(run);
  }

  pause(): void {
    this.runner?.pause();
  }

  cancel(): void {
    this.runner?.cancel();
  }

  private async launch(run: RunRecord): Promise<void> {
    this.error = '';
    this.activeId = run.id;
    // How finished tasks ended, for the progress bars: their headers, in one read, without steps.
    const byId = new Map((await getEpisodeSummaries(Object.values(run.finished))).map((e) => [e.id, e]));
    const known = new Map(Object.entries(run.finished).flatMap(([key, id]) => (byId.has(id) ? [[key, byId.get(id)!] as const] : [])));
    const runner = new BenchRunner(
      run,
      {
        play: playTask(run, {
          openEnv: openWorkerEnv,
          client: (i) => llmSettings.client(run.config.models[i].providerId),
          save: (ep) => guardSave(ep, () => putEpisode(ep)).then(() => {}),
          appVersion: APP_VERSION,
          prices: llmSettings.priceOverrides,
        }),
        saveRun: async (r) => {
          await putRun(r);
          this.runs = this.runs.map((x) => (x.id === r.id ? r : x));
        },
        onProgress: (p) => (this.progress = p),
      },
      known,
    );
    this.runner = runner;
    this.live = true;
    sizePools(run.config.concurrency);
    try {
      const done = await runner.start();
      if (done.lastError) this.error = `The run stopped: ${done.lastError}`;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.runner = null;
      this.live = false;
      await this.refresh();
    }
  }
}

export const bench = new BenchController();
