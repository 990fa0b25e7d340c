/**
 * The webarena env: a thin HTTP client of the WebArena proxy (server/webarena), which holds the
 * browser, the sites and the evaluators. One proxy episode per env instance, opened on first reset.
 * The proxy is the one the app passes in when the session opens (its settings), else the Node
 * fallback of proxy-client.ts.
 */
import type { CreateOptions, Env, EnvModule, HttpReplyContext, Picture, ServiceEndpoint, StepResult } from '../contract.ts';
import { errorMessage } from '../../error-message.ts';
import { WebArenaOracle } from './oracle.ts';
import { acquire, release } from './proxy-client.ts';
import { pagePicture, resetReply, screenshotSrc, stepReply } from './replies.ts';

const CALL_TIMEOUT_MS = 120_000;

class WebArenaEnv implements Env {
  private endpoint: ServiceEndpoint | null = null;
  private episode: number | null = null;
  private last = '';
  private url = '';

  /** `given`: the proxy from the app's settings; without it, the Node fallback (shared, counted). */
  constructor(private readonly given?: ServiceEndpoint) {}

  async reset(index: number): Promise<string> {
    const id = await this.open();
    const r = resetReply(await this.call('POST', `/episodes/${id}/reset`, { task: index }));
    this.last = r.observation;
    this.url = r.url;
    return this.last;
  }

  async step(action: string): Promise<StepResult> {
    if (this.episode === null) throw new Error('Call reset before step.');
    const { url, ...r } = stepReply(await this.call('POST', `/episodes/${this.episode}/step`, { action }));
    this.last = r.observation;
    this.url = url;
    return r;
  }

  observation(): string {
    return this.last;
  }

  /** The screenshot of the current tab and the page's tree; a failed screenshot is said, not fatal. */
  async picture(): Promise<Picture | null> {
    if (this.episode === null) return null;
    let shot: string | { error: string };
    try {
      shot = screenshotSrc(await this.call('GET', `/episodes/${this.episode}/screenshot`)) ?? { error: 'The proxy sent no PNG.' };
    } catch (e) {
      shot = { error: errorMessage(e) };
    }
    return pagePicture(this.last, this.url, shot);
  }

  /** AgentGym's GET /observation_metadata: the latest observation's elements and a screenshot. */
  async metadata(): Promise<{ text: { obs_nodes_info: unknown }; image: string }> {
    if (this.episode === null) throw new Error('Call reset first.');
    const { nodes } = (await this.call('GET', `/episodes/${this.episode}/observation`)) as { nodes: unknown };
    const image = screenshotSrc(await this.call('GET', `/episodes/${this.episode}/screenshot`));
    if (!image) throw new Error('WebArena proxy: unexpected reply (no PNG).');
    return { text: { obs_nodes_info: nodes }, image };
  }

  async close(): Promise<void> {
    if (!this.endpoint) return;
    try {
      if (this.episode !== null) await this.call('DELETE', `/episodes/${this.episode}`);
    } finally {
      this.endpoint = null;
      this.episode = null;
      if (!this.given) release();
    }
  }

  private async open(): Promise<number> {
    this.endpoint ??= this.given ? { url: this.given.url.replace(/\/+$/, ''), token: this.given.token } : await acquire();
    if (this.episode === null) this.episode = ((await this.call('POST', '/episodes')) as { id: number }).id;
    return this.episode;
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const ep = this.endpoint!;
    let res: Response;
    try {
      res = await fetch(ep.url + path, {
        method,
        headers: { Authorization: `Bearer ${ep.token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        // A hung proxy or browser must not hang the episode (a reset may launch Chromium first).
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
    } catch (e) {
      if (e instanceof Error && e.name === 'TimeoutError') throw new Error(`The WebArena proxy at ${ep.url} did not answer within ${CALL_TIMEOUT_MS / 1000} s.`);
      // A browser reports a stopped proxy and a refused origin alike; Settings' test tells them apart.
      throw new Error(`Cannot reach the WebArena proxy at ${ep.url} (${errorMessage(e)}). Is it running (npm run proxy), and does it allow this page's origin?`);
    }
    const json = (await res.json().catch(() => null)) as { error?: unknown } | null;
    if (!res.ok) throw new Error(`WebArena proxy: ${typeof json?.error === 'string' ? json.error : `HTTP ${res.status}`}`);
    return json;
  }
}

export const module: EnvModule = {
  create: (_data, options?: CreateOptions) => new WebArenaEnv(options?.proxy),
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
