/**
 * The benchmark as the app runs it: one live BenchRunner at a time, kept outside the view so a run
 * goes on while the user looks at other pages. Each episode is saved once it ends (those ending
 * together in one transaction), and the run (with its running totals) after it; a run that was 'running' when the page died resumes when the
 * Benchmark page opens again.
 */
import { openWorkerEnv, sizePools } from '../env-client.ts';
import { llmSettings } from '../llm/llm-settings.svelte.ts';
import { benchmarkEpisodeSaver, getEpisodeSummaries, getRun, listRuns, newId, putRun } from '../store.ts';
import { guardSave, requestPersistentStorage } from '../storage-health.svelte.ts';
import { APP_VERSION } from '../version.ts';
import { missingProviders, providerName, swapProviders, type ProviderChoice } from './providers.ts';
import { newRun, playTask } from './run.ts';
import { BenchRunner, type Progress } from './scheduler.ts';
import type { RunConfig, RunRecord } from './types.ts';

class BenchController {
  runs = $state.raw<RunRecord[]>([]);
  progress = $state.raw<Progress | null>(null);
  activeId = $state<string | null>(null);
  /** Whether a runner is going (new runs wait until it ends). */
  live = $state(false);
  /** Pause was pressed and the episodes in flight are still finishing. */
  pausing = $state(false);
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
    if (!orphan || this.runner) return;
    const missing = this.missing(orphan);
    if (missing.length === 0) return void this.launch(orphan);
    // Its provider was deleted meanwhile: pause it for the user to pick another on Resume.
    await putRun({ ...orphan, status: 'paused', lastError: missingText(orphan, missing) });
    await this.refresh();
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

  /** The run's models whose provider this browser lacks (model indices); such a run must not resume as it is. */
  missing(run: RunRecord): number[] {
    return missingProviders(run, llmSettings.providers);
  }

  /**
   * Resume a run; `picks` gives a provider of this browser for each model whose provider is
   * missing (recorded in the run). Refused while any is still missing: every remaining episode
   * would end in an error.
   */
  async resume(id: string, picks: ReadonlyMap<number, ProviderChoice> = new Map()): Promise<void> {
    if (this.runner) throw new Error('A run is in progress: pause or cancel it first.');
    let run = await getRun(id);
    if (!run) throw new Error('That run is no longer in this browser.');
    await llmSettings.load();
    run = swapProviders(run, picks, Date.now());
    const missing = this.missing(run);
    if (missing.length) throw new Error(missingText(run, missing));
    if (picks.size) await putRun(run);
    void this.launch(run);
  }

  pause(): void {
    if (!this.runner) return;
    this.pausing = true;
    this.runner.pause();
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
    // Episodes that end close together are stored in one transaction.
    const store = benchmarkEpisodeSaver();
    const runner = new BenchRunner(
      run,
      {
        play: playTask(run, {
          openEnv: openWorkerEnv,
          client: (i) => llmSettings.client(run.config.models[i].providerId),
          save: (ep) => guardSave(ep, () => store(ep)).then(() => {}),
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
      this.pausing = false;
      await this.refresh();
    }
  }
}

export const bench = new BenchController();

function missingText(run: RunRecord, missing: number[]): string {
  const names = missing.map((i) => providerName(run.config.models[i])).join(', ');
  return `This browser has no provider ${names}, which the run "${run.name}" was played with: pick one of yours for the rest of the run, or add it in Settings.`;
}
