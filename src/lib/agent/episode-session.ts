/**
 * One live episode played by an API model, a person, or both: AgentGym's evaluation loop with the
 * model as the agent, under a person's control (run to the end, pause, step once, stop, take over
 * with typed actions and hand back). Without a client it is a person's episode.
 * Every change is reported with the whole EpisodeRecord, so the caller can persist as it goes.
 */
import { parseReply } from '../episode.ts';
import { isSuccess, itemId, type ActionParse, type AgentFormat, type EnvManifest } from '../../../workers/envs/contract.ts';
import { errorMessage } from '../../../workers/error-message.ts';
import type { EnvHandle } from '../../../workers/env-handle.ts';
import { thoughtOf } from '../../../workers/envs/react-format.ts';
import { accountUsage, sumUsage, type PriceTable } from '../llm/pricing.ts';
import { LlmError, type ChatMessage, type ChatResult, type LlmClient, type ProviderConfig } from '../llm/types.ts';
import type { EpisodeRecord, ModelParams, StepRecord, Usage } from '../records.ts';
import { conversationOf, openingOf, trimToBudget } from './conversation.ts';

export const DEFAULT_CONTEXT_TOKENS = 32_000;

export interface EpisodeSessionOptions {
  env: EnvHandle;
  spec: EnvManifest;
  /** The agent-side format; the env's own when absent. */
  format?: AgentFormat;
  index: number;
  /** The model; absent when a person plays alone. */
  client?: LlmClient;
  /**
   * Re-play these recorded steps first, with their recorded actions (today's reply parser may read
   * an old reply otherwise): a branch from a replay or a past episode (with its parent), or an
   * interrupted episode resumed under its own id (without).
   */
  prefix?: { steps: readonly Pick<StepRecord, 'reply' | 'by' | 'action' | 'observation'>[]; parent?: NonNullable<EpisodeRecord['parent']> };
  /** Called after every change with a copy of the record; awaited before the loop goes on. */
  onUpdate: (record: EpisodeRecord) => void | Promise<void>;
  /** Streamed reply text of the step in flight. */
  onToken?: (delta: string) => void;
  /** A retry is pending (rate limit, server error...): say so, and drop partial streamed text. */
  onRetry?: (error: LlmError, attempt: number, delayMs: number) => void;
  /** Overrides the provider config's parameters. */
  params?: ModelParams;
  /** Defaults to the env's AgentGym round limit. */
  maxRounds?: number;
  /** Approximate tokens the prompt may take; older turns are trimmed to fit. */
  contextTokens?: number;
  prices?: PriceTable;
  id?: string;
  runId?: string;
  /** The env was opened in live mode: the record says so (it can't be re-run). */
  live?: boolean;
  appVersion?: string;
  now?: () => number;
}

interface Produced {
  reply: string;
  parse: ActionParse;
  by: StepRecord['by'];
  result?: ChatResult;
}

export class EpisodeSession {
  private readonly record: EpisodeRecord;
  private readonly maxRounds: number;
  private readonly params: ModelParams;
  private readonly now: () => number;
  private driver: Promise<void> | undefined;
  private pauseRequested = false;
  private inFlight: AbortController | undefined;
  private readonly opening: readonly ChatMessage[];
  /** Why the model last failed (the episode is then paused), for callers that decide what next. */
  failure: unknown;

  private constructor(
    private readonly o: EpisodeSessionOptions,
    private readonly format: AgentFormat,
    initialObservation: string,
  ) {
    this.now = o.now ?? Date.now;
    this.maxRounds = o.maxRounds ?? o.spec.maxRounds;
    this.opening = openingOf(format, initialObservation);
    this.params = { ...o.client?.config.params, ...o.params };
    this.record = {
      id: o.id ?? crypto.randomUUID(),
      env: o.spec.id,
      itemId: itemId(o.spec.id, o.index),
      agent: o.client
        ? { kind: 'model', label: o.client.config.label, provider: providerName(o.client.config), model: o.client.config.model, params: this.params }
        : { kind: 'human', label: 'You' },
      startedAt: this.now(),
      initialObservation,
      steps: [],
      status: 'paused',
      finalReward: 0,
      success: false,
      appVersion: o.appVersion ?? '0.0.0',
      dataVersion: o.spec.dataVersion,
      format: format.id,
      ...(o.runId ? { runId: o.runId } : {}),
      ...(o.live ? { live: true as const } : {}),
    };
  }

  /** Reset the env on the item and report the fresh record (status 'paused': nothing played yet). */
  static async start(options: EpisodeSessionOptions): Promise<EpisodeSession> {
    const format = options.format ?? (await options.spec.format());
    const snap = await options.env.reset(options.index);
    const episode = new EpisodeSession(options, format, snap.observation);
    if (options.prefix) {
      if (options.prefix.parent) episode.record.parent = options.prefix.parent;
      for (const s of options.prefix.steps) {
        // A step without an action was answered with feedback, which is its observation.
        await episode.apply({ reply: s.reply, parse: s.action === null ? { invalid: s.observation } : { action: s.action }, by: s.by });
      }
      if (!episode.finished) episode.record.status = 'paused';
    }
    await episode.emit();
    return episode;
  }

  /**
   * A copy for callers. A recorded step is never changed afterwards, so steps are shared rather
   * than cloned: a deep clone on every update made each step cost the whole episode so far.
   */
  get snapshot(): EpisodeRecord {
    return { ...this.record, agent: { ...this.record.agent }, steps: [...this.record.steps] };
  }

  get finished(): boolean {
    return ['done', 'stopped', 'error'].includes(this.record.status);
  }

  /** Let the model play until the episode ends, is paused, stopped, or a call fails (then paused). */
  run(): Promise<void> {
    return this.drive(false);
  }

  /** Let the model take one step, then pause. */
  stepOnce(): Promise<void> {
    return this.drive(true);
  }

  /** Pause after the step in flight; resolves once the loop has stopped (e.g. to take over). */
  async pause(): Promise<void> {
    this.pauseRequested = true;
    await this.driver;
  }

  /** End the episode now, cancelling a model call in flight (that step is not recorded). */
  async stop(): Promise<void> {
    if (this.finished) return;
    this.pauseRequested = true;
    this.inFlight?.abort();
    await this.driver;
    if (this.finished) return;
    this.finish('stopped');
    await this.emit();
  }

  /** Give up on a paused episode as failed (a benchmark moving on), keeping its error message. */
  async abandon(): Promise<void> {
    if (this.finished || this.driver) return;
    this.finish('error');
    await this.emit();
  }

  /**
   * A person plays one step while the model is paused. A typed full "Thought/Action" reply is
   * parsed like the model's; anything else is the action itself.
   */
  async humanStep(text: string): Promise<void> {
    if (this.driver) throw new Error('Pause the model before taking over.');
    if (this.finished) throw new Error('The episode has ended.');
    const parse = parseReply(this.format, text, 'human');
    delete this.record.error;
    await this.apply({ reply: text, parse, by: 'human' });
    if (!this.finished) {
      this.record.status = 'paused';
      await this.emit();
    }
  }

  private drive(once: boolean): Promise<void> {
    if (!this.o.client) return Promise.reject(new Error('No model is playing this episode.'));
    if (this.driver || this.finished) return this.driver ?? Promise.resolve();
    this.pauseRequested = false;
    this.failure = undefined;
    this.driver = (async () => {
      this.record.status = 'running';
      delete this.record.error;
      await this.emit();
      while (!this.finished && !this.pauseRequested) {
        const ok = await this.modelStep();
        if (!ok || once) break;
      }
      if (this.record.status === 'running') {
        this.record.status = 'paused';
        await this.emit();
      }
    })().finally(() => {
      this.driver = undefined;
    });
    return this.driver;
  }

  /** One model turn; false when the loop must halt (a failed call pauses with its message). */
  private async modelStep(): Promise<boolean> {
    const client = this.o.client!;
    const budget = (this.o.contextTokens ?? DEFAULT_CONTEXT_TOKENS) - (this.params.maxTokens ?? 0);
    const { messages } = trimToBudget(conversationOf(this.format, this.record, this.opening), budget);
    this.inFlight = new AbortController();
    let result: ChatResult;
    try {
      result = await client.chat({ messages, params: this.params, onToken: this.o.onToken, onRetry: this.o.onRetry, signal: this.inFlight.signal });
    } catch (e) {
      if (e instanceof LlmError && e.kind === 'aborted') return false;
      this.record.status = 'paused';
      this.failure = e;
      this.record.error = pauseMessage(e);
      await this.emit();
      return false;
    } finally {
      this.inFlight = undefined;
    }
    if (this.record.agent.kind === 'model') this.record.agent.model = result.model;
    await this.apply({ reply: result.text, parse: this.format.extractAction(result.text), by: 'model', result });
    return true;
  }

  private async apply(p: Produced): Promise<void> {
    // An extra step after the end (e.g. a replayed prefix longer than the env now allows) is dropped.
    if (this.finished) return;
    let snap;
    try {
      snap = 'action' in p.parse ? await this.o.env.step(p.parse.action) : await this.o.env.invalid(p.parse.invalid);
    } catch (e) {
      this.record.error = `The environment failed: ${errorMessage(e)}`;
      this.finish('error');
      await this.emit();
      return;
    }
    const thought = thoughtOf(p.reply);
    const usage: Usage | undefined = p.result && accountUsage(p.result.usage, p.result.model, p.result.providerCost, this.o.prices);
    const step: StepRecord = {
      reply: p.reply,
      ...(thought && thought !== p.reply.trim() ? { thought } : {}),
      action: 'action' in p.parse ? p.parse.action : null,
      by: p.by,
      observation: snap.observation,
      reward: snap.reward,
      done: snap.done,
      valid: 'action' in p.parse && snap.info.valid !== false,
      ...(snap.info.progress !== undefined ? { progress: snap.info.progress } : {}),
      ...(typeof snap.info.hint === 'string' ? { hint: snap.info.hint } : {}),
      ...(snap.info.verdicts?.length ? { verdicts: snap.info.verdicts } : {}),
      ...(usage ? { usage, model: p.result!.model, latencyMs: p.result!.latencyMs } : {}),
      at: this.now(),
    };
    this.record.steps.push(step);
    this.record.finalReward = step.reward;
    this.record.success = isSuccess(this.o.spec.scoring, step.reward);
    this.record.usage = sumUsage(this.record.steps.map((s) => s.usage));
    if (step.done) this.finish('done', this.record.success ? 'success' : 'failure');
    else if (snap.truncated || this.record.steps.length >= this.maxRounds) this.finish('done', 'truncated');
    await this.emit();
  }

  private finish(status: 'done' | 'stopped' | 'error', outcome?: EpisodeRecord['outcome']): void {
    this.record.status = status;
    if (outcome) this.record.outcome = outcome;
    this.record.finishedAt = this.now();
  }

  private async emit(): Promise<void> {
    await this.o.onUpdate(this.snapshot);
  }
}

/**
 * The preset ("openai", "ollama"...), else "custom-<wire format>". Never a custom base URL's host:
 * records are exported and shared, and that host may be a private or internal machine.
 */
function providerName(c: ProviderConfig): string {
  return c.preset ?? `custom-${c.kind}`;
}

function pauseMessage(e: unknown): string {
  if (!(e instanceof LlmError)) return `Paused: ${errorMessage(e)}`;
  const hint: Partial<Record<LlmError['kind'], string>> = {
    network: 'Cannot reach the provider (offline?). Resume when the connection is back.',
    timeout: 'The provider did not answer in time. Resume to try again.',
    'rate-limit': 'Still rate limited after retries. Wait a little, then resume.',
    server: 'The provider kept failing. Resume to try again.',
    'cut-stream': 'The reply kept being cut off. Resume to try again.',
    auth: 'The key was refused. Fix it in Settings, then resume.',
    'not-found': 'The model was not found. Fix the model id in Settings, then resume.',
  };
  return `Paused: ${hint[e.kind] ?? 'the model call failed.'} (${e.message})`;
}
