/**
 * Env data downloads in progress, for the page's progress bar: each pool reports what its workers
 * receive. A download counts until its last byte arrives (or the env has opened, if a worker died
 * mid-download: see `done`).
 */
import type { DataProgressMessage } from '../../workers/data-progress.ts';

class DataDownloads {
  /** By env and file: bytes received and expected. */
  active = $state<Record<string, { env: string; path: string; received: number; total: number }>>({});

  report(m: DataProgressMessage): void {
    const key = `${m.env}/${m.path}`;
    if (m.done) delete this.active[key];
    else this.active[key] = { env: m.env, path: m.path, received: m.received, total: m.total };
  }

  /** The env has opened: whatever it was fetching has arrived. */
  done(env: string): void {
    for (const key of Object.keys(this.active)) if (this.active[key].env === env) delete this.active[key];
  }
}

export const dataDownloads = new DataDownloads();
