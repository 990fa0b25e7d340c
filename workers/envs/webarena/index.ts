/**
 * The webarena env: a thin HTTP client of the WebArena proxy (server/webarena), which holds the
 * browser, the sites and the evaluators. One proxy episode per env instance, opened on first reset.
 */
import type { Env, EnvModule, HttpReplyContext, StepResult } from '../contract.ts';
import { WebArenaOracle } from './oracle.ts';
import { acquire, release, type ProxyEndpoint } from './proxy-client.ts';

const CALL_TIMEOUT_MS = 120_000;

class WebArenaEnv implements Env {
  private endpoint: ProxyEndpoint | null = null;
  private episode: number | null = null;
  private last = '';

  async reset(index: number): Promise<string> {
    const id = await this.open();
    const r = (await this.call('POST', `/episodes/${id}/reset`, { task: index })) as { observation: string };
    this.last = r.observation;
    return this.last;
  }

  async step(action: string): Promise<StepResult> {
    if (this.episode === null) throw new Error('Call reset before step.');
    const r = (await this.call('POST', `/episodes/${this.episode}/step`, { action })) as StepResult;
    this.last = r.observation;
    return r;
  }

  observation(): string {
    return this.last;
  }

  /** AgentGym's GET /observation_metadata: the latest observation's elements and a screenshot. */
  async metadata(): Promise<{ text: { obs_nodes_info: unknown }; image: string }> {
    if (this.episode === null) throw new Error('Call reset first.');
    const { nodes } = (await this.call('GET', `/episodes/${this.episode}/observation`)) as { nodes: unknown };
    const { png } = (await this.call('GET', `/episodes/${this.episode}/screenshot`)) as { png: string };
    return { text: { obs_nodes_info: nodes }, image: `data:image/png;base64,${png}` };
  }

  async close(): Promise<void> {
    if (!this.endpoint) return;
    try {
      if (this.episode !== null) await this.call('DELETE', `/episodes/${this.episode}`);
    } finally {
      this.endpoint = null;
      this.episode = null;
      release();
    }
  }

  private async open(): Promise<number> {
    this.endpoint ??= await acquire();
    if (this.episode === null) this.episode = ((await this.call('POST', '/episodes')) as { id: number }).id;
    return this.episode;
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const ep = this.endpoint!;
    const res = await fetch(ep.url + path, {
      method,
      headers: { Authorization: `Bearer ${ep.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      // A hung proxy or browser must not hang the episode (a reset may launch Chromium first).
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    const json = (await res.json().catch(() => null)) as { error?: string } | null;
    if (!res.ok) throw new Error(`WebArena proxy: ${json?.error ?? `HTTP ${res.status}`}`);
    return json;
  }
}

export const module: EnvModule = {
  create: () => new WebArenaEnv(),
  http: {
    // AgentGym's WebArena server names the env "env_idx" and the task "idx".
    idField: 'env_idx',
    resetField: 'idx',
    extraGets: { observation_metadata: (env) => (env as WebArenaEnv).metadata() },
    replies: {
      create: (id) => ({ env_idx: id }),
      // AgentGym's reply has "terminated"; "done" too, as every env here answers.
      step: (r: HttpReplyContext) => ({ observation: r.observation, reward: r.reward, terminated: r.done, truncated: false, done: r.done, info: r.info }),
    },
  },
  oracle: () => new WebArenaOracle(),
};
