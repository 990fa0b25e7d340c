/**
 * One WebArena episode in the proxy: a fresh browser context per reset (its own cookies, so the demo
 * sites give it its own state), the tabs, the last observation's node map, PREVIOUS ACTION, and the
 * prompt text WebArena's PromptConstructor builds. A crashed page or context is replaced by a fresh
 * one at the task's start, and the agent is told so.
 */
import { randomUUID } from 'node:crypto';
import type { CDPSession, Page } from 'playwright-core';
import { describeAction, parseAction, actionText, type Action } from './actions.ts';
import { navigationAllowed, refusal } from './allowlist.ts';
import { fetchTree, firstSeenIds, formatTree, type AxNode, type NodeInfo } from './axtree.ts';
import { VIEWPORT, type ContextSupply } from './contexts.ts';
import { evaluate, type Verdict } from './evaluators.ts';
import { execute, type Tabs } from './execute.ts';
import { SESSION_COOKIE } from './sites/http-kit.ts';
import type { TaskConfig } from './tasks.ts';
import type { UrlMap } from './url-map.ts';

export interface EpisodeEnv {
  contexts: ContextSupply;
  origins: readonly string[];
  urls: UrlMap;
  /** Steps allowed per episode before it is truncated (a cap on work per episode). */
  maxSteps: number;
  /** JS heap a tab may use, in bytes; an episode past it is truncated (a cap on memory per episode). */
  maxHeapBytes: number;
}

export interface StepReply {
  observation: string;
  reward: number;
  done: boolean;
  truncated: boolean;
  info: { valid: boolean; url: string; answer?: string; verdicts?: Verdict[]; error?: string };
}

export class Episode {
  private tabs: Tabs | null = null;
  private task: TaskConfig | null = null;
  private nodes = new Map<string, NodeInfo>();
  private previous = 'None';
  private idOf: (node: AxNode) => string = firstSeenIds();
  private steps = 0;
  private finished = false;
  private cdp = new WeakMap<Page, CDPSession>();
  /** The latest prompt text (AgentGym's GET /observation). */
  observation = '';
  lastUsed = Date.now();

  constructor(private readonly env: EpisodeEnv) {}

  async reset(task: TaskConfig): Promise<string> {
    this.close();
    this.task = task;
    this.previous = 'None';
    this.idOf = firstSeenIds();
    this.steps = 0;
    this.finished = false;
    await this.open(task);
    return this.observe();
  }

  async step(reply: string): Promise<StepReply> {
    const task = this.task;
    if (!task || !this.tabs) throw new Error('Reset the episode first.');
    if (this.finished) throw new Error('The episode has finished; reset to play again.');
    this.steps++;
    const parsed = parseAction(actionText(reply));
    const url = () => this.env.urls.toPublic(this.tabs?.current.url() ?? '');
    // WebArena: an unparsable action is not a browser step; its error text is the observation.
    if ('error' in parsed) return this.reply(parsed.error, 0, false, { valid: false, url: url() });
    const action = parsed.action;
    if (action.kind === 'goto') {
      action.url = this.env.urls.toLocal(action.url);
      if (!navigationAllowed(action.url, this.env.origins)) return this.reply(refusal(action.url), 0, false, { valid: false, url: url() });
    }
    try {
      return await this.act(task, action);
    } catch (e) {
      // The page or context died under us: a fresh context at the task's start, and the agent is told.
      const error = e instanceof Error ? e.message.split('\n')[0] : String(e);
      this.close();
      await this.open(task);
      this.previous = 'None';
      this.finished = false; // a crash while grading a stop leaves the episode open
      const observation = `The browser page failed (${error}); it was reopened at the task's start.\n${await this.observe()}`;
      return this.reply(observation, 0, false, { valid: false, url: url(), error });
    }
  }

  private async act(task: TaskConfig, action: Action): Promise<StepReply> {
    const tabs = this.tabs!;
    const description = describeAction(action, (id) => this.nodes.get(id)?.text);
    await execute(action, tabs, (id) => this.nodes.get(id));
    this.previous = this.env.urls.toPublic(description);
    const observation = await this.observe();
    const url = this.env.urls.toPublic(tabs.current.url());
    if (action.kind === 'stop') {
      this.finished = true;
      const { reward, verdicts } = await evaluate(task, action.answer, tabs.current);
      return this.reply(observation, reward, true, { valid: true, url, answer: action.answer, verdicts });
    }
    const heap = await this.heapBytes();
    if (heap > this.env.maxHeapBytes) {
      this.finished = true;
      const note = `The page uses ${Math.round(heap / 2 ** 20)} MB of memory, more than the ${Math.round(this.env.maxHeapBytes / 2 ** 20)} MB allowed per episode; the episode ends here.`;
      return { observation: `${observation}\n${note}`, reward: 0, done: false, truncated: true, info: { valid: true, url, error: note } };
    }
    return this.reply(observation, 0, false, { valid: true, url });
  }

  /** The current tab's JS heap in use (CDP Runtime.getHeapUsage). */
  private async heapBytes(): Promise<number> {
    const cdp = this.cdp.get(this.tabs!.current);
    return cdp ? (await cdp.send('Runtime.getHeapUsage')).usedSize : 0;
  }

  private reply(observation: string, reward: number, done: boolean, info: StepReply['info']): StepReply {
    const truncated = !done && this.steps >= this.env.maxSteps;
    if (truncated) this.finished = true;
    return { observation, reward, done, truncated, info };
  }

  /** A PNG of the current tab, base64. */
  async screenshot(): Promise<string> {
    if (!this.tabs) throw new Error('Reset the episode first.');
    return (await this.tabs.current.screenshot({ type: 'png' })).toString('base64');
  }

  /** The latest observation's elements, as AgentGym's /observation_metadata names them. */
  nodeInfo(): Record<string, { backend_id: number; union_bound: [number, number, number, number] | null; text: string }> {
    return Object.fromEntries([...this.nodes].map(([id, n]) => [id, { backend_id: n.backendId, union_bound: n.bound, text: n.text }]));
  }

  currentUrl(): string {
    return this.tabs ? this.env.urls.toPublic(this.tabs.current.url()) : '';
  }

  private async open(task: TaskConfig): Promise<void> {
    const { context, page } = await this.env.contexts.take();
    try {
      // A fresh session per episode: the demo sites keep state per session (WebArena's site reset).
      const sid = randomUUID();
      await context.addCookies(this.env.origins.map((url) => ({ name: SESSION_COOKIE, value: sid, url })));
      // Several start URLs (" |AND| ") open several tabs; the first is focused.
      const starts = task.start_url.split(' |AND| ');
      for (const [i, start] of starts.entries()) {
        if (!navigationAllowed(start, this.env.origins)) throw new Error(`Task ${task.task_id}: start URL ${start} is not on an allowed site`);
        await (i === 0 ? page : await context.newPage()).goto(start, { waitUntil: 'load' });
      }
      this.tabs = { context, current: page };
      await page.bringToFront();
    } catch (e) {
      await context.close().catch(() => {});
      throw e;
    }
  }

  /** The tab header and AX tree of the current tab, inside WebArena's prompt template. */
  private async observe(): Promise<string> {
    const tabs = this.tabs!;
    const page = tabs.current;
    const pages = tabs.context.pages();
    const titles = await Promise.all(pages.map((p) => p.title().catch(() => '')));
    const header = titles.map((t, i) => (pages[i] === page ? `Tab ${i} (current): ${t}` : `Tab ${i}: ${t}`)).join(' | ');
    let cdp = this.cdp.get(page);
    if (!cdp) this.cdp.set(page, (cdp = await tabs.context.newCDPSession(page)));
    const { nodes, bounds } = await fetchTree(cdp);
    const tree = formatTree(nodes, bounds, { viewportOnly: true, viewport: VIEWPORT, idOf: this.idOf });
    this.nodes = tree.nodes;
    const u = this.env.urls;
    this.observation = `OBSERVATION:\n${u.toPublic(`${header}\n\n${tree.text}`)}\nURL: ${u.toPublic(page.url())}\nOBJECTIVE: ${this.task!.intent}\nPREVIOUS ACTION: ${this.previous}`;
    return this.observation;
  }

  /**
   * Lets go of the context. Its teardown (renderer exit) is not waited for: nothing of it is used
   * again, a reset or close need not pay for it, and closing the browser ends any still running.
   */
  close(): void {
    const tabs = this.tabs;
    this.tabs = null;
    this.nodes = new Map();
    if (tabs) void tabs.context.close().catch(() => {});
  }
}
