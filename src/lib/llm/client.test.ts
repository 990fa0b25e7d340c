import { describe, expect, it } from 'vitest';
import { MockLlmServer } from '../../../server/mock-llm.ts';
import { createLlmClient } from './client.ts';
import { parseRetryAfter } from './retry.ts';
import { fakeClock, mockConfig, useMockServer } from '../../../testing/llm.ts';
import { LlmError, type ChatMessage, type ProviderKind } from './types.ts';

const server = useMockServer();
const mock = server.mock;

const KEY = 'sk-test-0123456789abcd';
const conversation: ChatMessage[] = [
  { role: 'user', content: 'Play the game.' },
  { role: 'assistant', content: 'OK' },
  { role: 'user', content: 'You are at the start.' },
];
const REPLY = 'Thought: the goal is below me.\nAction: move down';

async function failure(p: Promise<unknown>): Promise<LlmError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof LlmError)) throw new Error(`expected an LlmError, got ${String(e)}`);
  return e;
}

describe.each<[ProviderKind, boolean]>([
  ['openai', true],
  ['openai', false],
  ['anthropic', true],
  ['anthropic', false],
  ['gemini', true],
  ['gemini', false],
])('%s wire format, stream=%s', (kind, stream) => {
  it('gets the scripted reply, the returned model id and usage, sending the key only in headers', async () => {
    mock.configure({ scripts: [{ match: 'at the start', replies: [REPLY] }], model: 'mock-1-2025-06-01' });
    const tokens: string[] = [];
    const client = createLlmClient(mockConfig(server.origin(), kind, stream), KEY);
    const r = await client.chat({ messages: conversation, onToken: (t) => tokens.push(t) });
    expect(r.text).toBe(REPLY);
    expect(tokens.join('')).toBe(REPLY);
    if (stream) expect(tokens.length).toBeGreaterThan(3);
    expect(r.model).toBe('mock-1-2025-06-01');
    expect(r.usage.inputTokens).toBeGreaterThan(5);
    expect(r.usage.outputTokens).toBe(Math.ceil(REPLY.length / 4));
    expect(r.usage.estimated).toBeUndefined();
    expect(r.finishReason).toBeTruthy();

    const [req] = mock.log;
    expect(req.path).not.toContain(KEY);
    expect(JSON.stringify(req.body)).not.toContain(KEY);
    const h = req.headers;
    if (kind === 'openai') expect(h.authorization).toBe(`Bearer ${KEY}`);
    if (kind === 'anthropic') {
      expect(h['x-api-key']).toBe(KEY);
      expect(h['anthropic-version']).toBe('2023-06-01');
      expect(h['anthropic-dangerous-direct-browser-access']).toBe('true');
    }
    if (kind === 'gemini') {
      expect(h['x-goog-api-key']).toBe(KEY);
      expect(req.path).toContain(stream ? ':streamGenerateContent?alt=sse' : ':generateContent');
    }
  });

  it('indexes replies by assistant turns after the instruction reply', async () => {
    mock.configure({ scripts: [{ match: 'at the start', replies: ['first', 'second'] }] });
    const client = createLlmClient(mockConfig(server.origin(), kind, stream), KEY);
    const later = [...conversation, { role: 'assistant' as const, content: 'first' }, { role: 'user' as const, content: 'moved' }];
    expect((await client.chat({ messages: later })).text).toBe('second');
  });

  it('retries a malformed body (a proxy error page with status 200) and fails cleanly once out of attempts', async () => {
    mock.configure({ faults: { garbage: 2 } });
    const client = (maxAttempts: number) => createLlmClient(mockConfig(server.origin(), kind, stream), KEY, { clock: fakeClock(), retry: { maxAttempts } });
    const e = await failure(client(1).chat({ messages: conversation }));
    expect(e.kind).toBe('bad-response');
    expect(e.message).toMatch(/Malformed JSON/);
    expect((await client(3).chat({ messages: conversation })).text).toBe(mock.config.defaultReply);
    expect(mock.log).toHaveLength(3);
  });
});

describe('faults', () => {
  it('honours Retry-After in seconds on 429, then succeeds', async () => {
    mock.configure({ faults: { rateLimit: 2, retryAfter: '3' } });
    const clock = fakeClock();
    const retries: string[] = [];
    const client = createLlmClient(mockConfig(server.origin(), 'openai', true), KEY, { clock });
    const r = await client.chat({ messages: conversation, onRetry: (e) => retries.push(e.kind) });
    expect(r.text).toBe(mock.config.defaultReply);
    // Retry-After plus up to a quarter second of jitter (the fake clock's random() is 0.5).
    expect(clock.sleeps).toEqual([3125, 3125]);
    expect(retries).toEqual(['rate-limit', 'rate-limit']);
    expect(mock.log).toHaveLength(3);
  });

  it('reads Retry-After as an HTTP date and retry-after-ms', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:07 GMT' }), now)).toBe(7000);
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
  });

  it('backs off exponentially with jitter on 5xx and gives up after maxAttempts', async () => {
    mock.configure({ faults: { serverError: 10 } });
    const clock = fakeClock();
    const client = createLlmClient(mockConfig(server.origin(), 'anthropic', false), KEY, { clock, retry: { maxAttempts: 4, baseDelayMs: 1000 } });
    const e = await failure(client.chat({ messages: conversation }));
    expect(e.kind).toBe('server');
    expect(e.status).toBe(500);
    // random() = 0.5: half fixed plus a quarter of the ceiling 1 s, 2 s, 4 s.
    expect(clock.sleeps).toEqual([750, 1500, 3000]);
    expect(mock.log).toHaveLength(4);
  });

  it('does not wait for a Retry-After beyond the limit', async () => {
    mock.configure({ faults: { rateLimit: 1, retryAfter: '3600' } });
    const clock = fakeClock();
    const e = await failure(createLlmClient(mockConfig(server.origin(), 'openai', false), KEY, { clock }).chat({ messages: conversation }));
    expect(e.kind).toBe('rate-limit');
    expect(e.retryAfterMs).toBe(3_600_000);
    expect(clock.sleeps).toEqual([]);
  });

  it('times out a request that hangs, and retries it', async () => {
    mock.configure({ faults: { hang: 1 } });
    const one = createLlmClient(mockConfig(server.origin(), 'openai', true), KEY, { clock: fakeClock(), retry: { timeoutMs: 150, maxAttempts: 1 } });
    const e = await failure(one.chat({ messages: conversation }));
    expect(e.kind).toBe('timeout');
    mock.configure({ faults: { hang: 1 } });
    const two = createLlmClient(mockConfig(server.origin(), 'openai', true), KEY, { clock: fakeClock(), retry: { timeoutMs: 150, maxAttempts: 2 } });
    expect((await two.chat({ messages: conversation })).text).toBe(mock.config.defaultReply);
  });

  it.each<ProviderKind>(['openai', 'anthropic', 'gemini'])('%s: a cut stream is an error, retried without streaming', async (kind) => {
    mock.configure({ faults: { cutStream: 1 }, defaultReply: REPLY });
    const once = createLlmClient(mockConfig(server.origin(), kind, true), KEY, { clock: fakeClock(), retry: { maxAttempts: 1 } });
    expect((await failure(once.chat({ messages: conversation }))).kind).toBe('cut-stream');

    mock.configure({ faults: { cutStream: 1 } });
    mock.log.length = 0;
    const retried: string[] = [];
    const client = createLlmClient(mockConfig(server.origin(), kind, true), KEY, { clock: fakeClock() });
    const r = await client.chat({ messages: conversation, onRetry: (err) => retried.push(err.kind) });
    expect(r.text).toBe(REPLY);
    expect(retried).toEqual(['cut-stream']);
    expect(mock.log).toHaveLength(2);
    expect(mock.log[1].path).not.toContain('stream');
    expect((mock.log[1].body as { stream?: boolean }).stream).toBeUndefined();
  });

  it('classifies a refused key and an unknown model, redacting the key', async () => {
    mock.configure({ requireKey: 'the-right-key' });
    const e = await failure(createLlmClient(mockConfig(server.origin(), 'openai', false), KEY).chat({ messages: conversation }));
    expect([e.kind, e.status]).toEqual(['auth', 401]);
    mock.configure({ requireKey: undefined, knownModels: ['real-model'] });
    for (const kind of ['openai', 'anthropic', 'gemini'] as const) {
      const nf = await failure(createLlmClient(mockConfig(server.origin(), kind, false, 'no-such-model'), KEY).chat({ messages: conversation }));
      expect(nf.kind).toBe('not-found');
      expect(nf.message).toContain('no-such-model');
    }
  });

  it('fails fast as a network error when nothing listens, and as aborted when cancelled', async () => {
    const probe = new MockLlmServer();
    const dead = await probe.start();
    await probe.close();
    const clock = fakeClock();
    const e = await failure(createLlmClient(mockConfig(dead, 'openai', true), KEY, { clock, retry: { maxAttempts: 2 } }).chat({ messages: conversation }));
    expect(e.kind).toBe('network');
    expect(clock.sleeps).toHaveLength(1);

    mock.configure({ faults: { hang: 1 } });
    const ctrl = new AbortController();
    const pending = createLlmClient(mockConfig(server.origin(), 'openai', true), KEY).chat({ messages: conversation, signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 50);
    expect((await failure(pending)).kind).toBe('aborted');
  });
});
