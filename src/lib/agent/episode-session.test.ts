import { describe, expect, it } from 'vitest';
import { openLocalEnv } from '../../../workers/local-env.ts';
import { MazeOracle } from '../../../workers/envs/maze/oracle.ts';
import { ENVS, requireEnv } from '../../../workers/envs/registry.ts';
import { createLlmClient } from '../llm/client.ts';
import { fakeClock, mockConfig, useMockServer } from '../../../testing/llm.ts';
import type { ChatRequest, LlmClient, ProviderKind } from '../llm/types.ts';
import type { EpisodeRecord } from '../records.ts';
import { EpisodeSession } from './episode-session.ts';

const server = useMockServer();
const mock = server.mock;

/** The oracle's moves on a MAZE item, played in-process, as ReAct replies for the mock to script. */
async function oracleReplies(index: number): Promise<{ first: string; replies: string[] }> {
  const env = await openLocalEnv('maze');
  const oracle = new MazeOracle();
  let snap = await env.reset(index);
  const first = snap.observation;
  const replies: string[] = [];
  while (!snap.done) {
    const action = oracle.next(snap.observation);
    replies.push(`Thought: I head for the goal, avoiding walls.\nAction: ${action}`);
    snap = await env.step(action);
  }
  expect(snap.reward).toBe(1);
  return { first, replies };
}

/** A client that answers from a list, recording each prompt: for loop logic that needs no HTTP. */
function listClient(replies: string[], seen: ChatRequest[] = []): LlmClient {
  let i = 0;
  return {
    config: { id: 'list', label: 'List', kind: 'openai', baseUrl: 'http://unused', model: 'list-1', params: {} },
    chat: async (req) => {
      seen.push(req);
      const text = replies[i++] ?? 'Action: none';
      return { text, model: 'list-1', usage: { inputTokens: 10, outputTokens: 5 }, latencyMs: 1 };
    },
  };
}

describe('EpisodeSession on MAZE through the mock LLM', () => {
  it.each<ProviderKind>(['openai', 'anthropic', 'gemini'])('%s: plays item 0 to success, retrying a 429 mid-way, reporting every step', async (kind) => {
    const { first, replies } = await oracleReplies(0);
    mock.configure({ scripts: [{ match: first, replies }], model: 'mock-maze-2025' });
    const clock = fakeClock();
    const client = createLlmClient(mockConfig(server.origin(), kind, true), 'sk-maze-key', { clock });
    const updates: EpisodeRecord[] = [];
    let tokens = '';
    const retries: string[] = [];
    const episode = await EpisodeSession.start({
      env: await openLocalEnv('maze'),
      spec: requireEnv('maze'),
      index: 0,
      client,
      onToken: (t) => (tokens += t),
      onRetry: (e) => retries.push(e.kind),
      onUpdate: (r) => {
        updates.push(r);
        if (r.steps.length === 3 && r.status === 'running') mock.configure({ faults: { rateLimit: 1, retryAfter: '2' } });
      },
    });
    await episode.run();

    const rec = episode.snapshot;
    expect(rec.status).toBe('done');
    expect(rec.success).toBe(true);
    expect(rec.finalReward).toBe(1);
    expect(rec.itemId).toBe('maze_0');
    expect(rec.initialObservation).toBe(first);
    expect(rec.steps.map((s) => s.reply)).toEqual(replies);
    expect(rec.steps.every((s) => s.by === 'model' && s.valid && s.thought === 'I head for the goal, avoiding walls.')).toBe(true);
    expect(rec.steps.at(-1)!.observation).toBe('Success\n');
    // A custom endpoint's host stays out of records (they are exported and shared).
    expect(rec.agent).toMatchObject({ kind: 'model', provider: `custom-${kind}`, model: 'mock-maze-2025', params: { temperature: 0 } });
    expect(JSON.stringify(rec)).not.toContain(new URL(server.origin()).host);
    // Every step reached the caller, in order, before the next one.
    const stepCounts = updates.map((u) => u.steps.length);
    for (let n = 1; n <= replies.length; n++) expect(stepCounts).toContain(n);
    expect(stepCounts).toEqual([...stepCounts].sort((a, b) => a - b));
    expect(updates.at(-1)).toEqual(rec);
    // The 429 was retried after its Retry-After, costing one extra request.
    expect(retries).toEqual(['rate-limit']);
    // Retry-After 2 s plus a quarter second of jitter (random() = 0.5).
    expect(clock.sleeps).toEqual([2125]);
    expect(mock.log).toHaveLength(replies.length + 1);
    expect(tokens).toContain(replies.join(''));
    // Accounting: per step and in total.
    for (const s of rec.steps) {
      expect(s.usage!.inputTokens).toBeGreaterThan(0);
      expect(s.model).toBe('mock-maze-2025');
      expect(s.latencyMs).toBeGreaterThanOrEqual(0);
    }
    expect(rec.usage!.outputTokens).toBe(rec.steps.reduce((n, s) => n + s.usage!.outputTokens, 0));
  });

  it('records provider-reported cost, or the price table cost for a known model', async () => {
    const { first, replies } = await oracleReplies(18);
    mock.configure({ scripts: [{ match: first, replies }], costPerToken: 1e-6 });
    const run = async (model: string) => {
      const ep = await EpisodeSession.start({ env: await openLocalEnv('maze'), spec: requireEnv('maze'), index: 18, client: createLlmClient(mockConfig(server.origin(), 'openai', false, model), 'k'), onUpdate: () => {} });
      await ep.run();
      return ep.snapshot;
    };
    const reported = await run('mock-1');
    const u = reported.steps[0].usage!;
    expect(u.costSource).toBe('provider');
    expect(u.cost).toBeCloseTo((u.inputTokens + u.outputTokens) * 1e-6, 12);

    mock.configure({ costPerToken: undefined, model: 'gpt-4o-mini-2024-07-18' });
    const table = await run('gpt-4o-mini');
    const t = table.steps[0].usage!;
    expect(t.costSource).toBe('table');
    expect(t.cost).toBeCloseTo((t.inputTokens * 0.15 + t.outputTokens * 0.6) / 1e6, 12);
    expect(table.usage!.cost).toBeCloseTo(table.steps.reduce((n, s) => n + s.usage!.cost!, 0), 12);
  });

  it('pauses when offline, keeps what was played, and resumes to the end', async () => {
    const { first, replies } = await oracleReplies(0);
    mock.configure({ scripts: [{ match: first, replies }] });
    let offline = false;
    let wentOffline = false;
    const client = createLlmClient(mockConfig(server.origin(), 'openai', true), 'k', {
      clock: fakeClock(),
      fetch: (input, init) => (offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    const ep = await EpisodeSession.start({
      env: await openLocalEnv('maze'),
      spec: requireEnv('maze'),
      index: 0,
      client,
      onUpdate: (r) => {
        if (r.steps.length === 4 && !wentOffline) offline = wentOffline = true;
      },
    });
    await ep.run();
    let rec = ep.snapshot;
    expect(rec.status).toBe('paused');
    expect(rec.error).toMatch(/offline/);
    expect(rec.steps).toHaveLength(4);
    offline = false;
    await ep.run();
    rec = ep.snapshot;
    expect(rec.status).toBe('done');
    expect(rec.success).toBe(true);
    expect(rec.error).toBeUndefined();
    expect(rec.steps.map((s) => s.reply)).toEqual(replies);
  });

  it('stops a call in flight without recording it', async () => {
    mock.configure({ faults: { hang: 1 } });
    const ep = await EpisodeSession.start({ env: await openLocalEnv('maze'), spec: requireEnv('maze'), index: 0, client: createLlmClient(mockConfig(server.origin(), 'anthropic', true), 'k'), onUpdate: () => {} });
    const running = ep.run();
    await new Promise((r) => setTimeout(r, 50));
    await ep.stop();
    await running;
    expect(ep.snapshot).toMatchObject({ status: 'stopped', steps: [] });
    expect(ep.snapshot.finishedAt).toBeDefined();
  });
});

describe('EpisodeSession controls', () => {
  const maze = requireEnv('maze');

  it('steps once, lets a person take over, and hands back', async () => {
    const ep = await EpisodeSession.start({ env: await openLocalEnv('maze'), spec: maze, index: 18, client: listClient(['Thought: left.\nAction: move left', 'Thought: down.\nAction: move down']), onUpdate: () => {} });
    await ep.stepOnce();
    expect(ep.snapshot).toMatchObject({ status: 'paused', steps: [{ by: 'model', action: 'move left' }] });
    await ep.humanStep('move right');
    expect(ep.snapshot.steps[1]).toMatchObject({ by: 'human', action: 'move right', reply: 'move right', valid: true });
    expect(ep.snapshot.steps[1].usage).toBeUndefined();
    await ep.humanStep('move left');
    await ep.run();
    const rec = ep.snapshot;
    expect(rec.steps.map((s) => `${s.by}:${s.action}`)).toEqual(['model:move left', 'human:move right', 'human:move left', 'model:move down']);
    expect(rec).toMatchObject({ status: 'done', success: true });
    await expect(ep.humanStep('move up')).rejects.toThrow(/ended/);
  });

  it('pauses after the step in flight', async () => {
    let ep!: EpisodeSession;
    ep = await EpisodeSession.start({
      env: await openLocalEnv('maze'),
      spec: maze,
      index: 0,
      client: listClient(Array(10).fill('Action: move right')),
      onUpdate: (r) => {
        if (r.steps.length === 2) void ep.pause();
      },
    });
    await ep.run();
    expect(ep.snapshot).toMatchObject({ status: 'paused' });
    expect(ep.snapshot.steps).toHaveLength(2);
  });

  it('ends at the round limit with the last reward, as truncated', async () => {
    const ep = await EpisodeSession.start({ env: await openLocalEnv('maze'), spec: maze, index: 0, maxRounds: 3, client: listClient(Array(10).fill('Action: move up')), onUpdate: () => {} });
    await ep.run();
    expect(ep.snapshot).toMatchObject({ status: 'done', outcome: 'truncated', success: false, finalReward: 0 });
    expect(ep.snapshot.steps).toHaveLength(3);
  });

  it('branches from recorded steps with their recorded actions, not a re-read of the replies', async () => {
    const feedback = 'No action in that reply.';
    const steps = [
      { reply: 'Thought: an old reply the parser reads otherwise.\nAction: go west', by: 'model' as const, action: 'move left', observation: '' },
      { reply: 'Action: move up', by: 'model' as const, action: null, observation: feedback },
    ];
    const ep = await EpisodeSession.start({ env: await openLocalEnv('maze'), spec: maze, index: 18, prefix: { steps, parent: { step: 2 } }, onUpdate: () => {} });
    expect(ep.snapshot.steps.map((s) => [s.action, s.valid])).toEqual([['move left', true], [null, false]]);
    expect(ep.snapshot.steps[1].observation).toBe(feedback);
    const direct = await openLocalEnv('maze');
    await direct.reset(18);
    expect(ep.snapshot.steps[0].observation).toBe((await direct.step('move left')).observation);
  });

  it('trims the prompt to the context budget, keeping the instruction', async () => {
    const seen: ChatRequest[] = [];
    const long = `Thought: ${'hmm '.repeat(300)}\nAction: move up`;
    const ep = await EpisodeSession.start({ env: await openLocalEnv('maze'), spec: maze, index: 0, maxRounds: 8, contextTokens: 2000, client: listClient(Array(8).fill(long), seen), onUpdate: () => {} });
    await ep.run();
    const last = seen.at(-1)!.messages;
    const format = await maze.format();
    // MAZE's opening (AgentGym's client) folds the rules into the first observation's turn: kept whole.
    expect(last.slice(0, 3)).toEqual(format.opening!(format.instruction, ep.snapshot.initialObservation));
    expect(last.length).toBeLessThan(3 + 2 * 7);
    expect(last.at(-1)!.content).toBe(ep.snapshot.steps[6].observation);
  });
});

/** Replies in an env's own format, where it differs from "Thought: ...\nAction: <action>". */
const SAMPLE_REPLY: Record<string, (action: string) => string> = {
  bird: (sql) => `Thought: I try this first.\n\nAction: \`\`\`sql\n${sql}\n\`\`\``,
  // WebArena reads the action inside the first pair of triple backticks.
  webarena: (action) => `Thought: I try this first.\nAction: \`\`\`${action}\`\`\``,
};

describe('action extraction in the loop, for every registered env', () => {
  it.each(ENVS.map((e) => [e.id, e] as const))('%s', async (id, spec) => {
    const start = await (await openLocalEnv(id)).reset(spec.evalItems[0] ?? 0);
    const action = start.availableActions?.[0] ?? 'inventory';
    const reply = SAMPLE_REPLY[id]?.(action) ?? `Thought: I try this first.\nAction: ${action}`;
    const ep = await EpisodeSession.start({ env: await openLocalEnv(id), spec, index: spec.evalItems[0] ?? 0, client: listClient([reply]), onUpdate: () => {} });
    await ep.stepOnce();
    const [step] = ep.snapshot.steps;
    expect(step.action).toBe(action);
    expect(step.thought).toBe('I try this first.');
    expect(step.reply).toBe(reply);
  });
});
