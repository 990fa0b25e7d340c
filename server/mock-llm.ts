/**
 * A loopback mock LLM server for tests and demos. It speaks OpenAI chat completions
 * (/v1/chat/completions), Anthropic Messages (/v1/messages) and Gemini generateContent
 * (/v1beta/models/<model>:generateContent | :streamGenerateContent?alt=sse), streamed in each
 * provider's real event format or whole, with usage fields shaped like the real ones.
 *
 * Replies are scripted: the first script whose `match` occurs in the conversation's 3rd message
 * (the first observation, or the env's opening turn that holds it) is used, and the reply index is the number of assistant turns after
 * the instruction's reply. Faults (429 with Retry-After, 500, hang, cut stream, garbage body) apply
 * to the next N model requests. Control it in-process (configure/log) or over HTTP:
 * POST /__mock/config (JSON, merged), GET /__mock/log, DELETE /__mock/log.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface MockScript {
  match: string;
  replies: string[];
}

export interface MockFaults {
  /** Answer the next N requests with 429. */
  rateLimit?: number;
  /** Retry-After header sent with each 429 (seconds or an HTTP date). */
  retryAfter?: string;
  serverError?: number;
  /** Accept the next N requests and never answer them. */
  hang?: number;
  /** Stream the next N replies half-way, then end the response without the end marker. */
  cutStream?: number;
  /** Answer the next N requests with 200 and a body that is not JSON. */
  garbage?: number;
  /** Wait this many milliseconds before answering each request (a slow model). */
  delayMs?: number;
}

export interface MockConfig {
  scripts: MockScript[];
  defaultReply: string;
  /** Model id reported in replies; the requested one when absent. */
  model?: string;
  /** When set, requests must carry this key (Bearer, x-api-key or x-goog-api-key) or get a 401. */
  requireKey?: string;
  /** When set, other model ids get a 404 "model not found". */
  knownModels?: string[];
  /** Report an OpenRouter-style `usage.cost` of this many dollars per token. */
  costPerToken?: number;
  faults: MockFaults;
}

export interface MockRequestLog {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

type Api = 'openai' | 'anthropic' | 'gemini';
interface Turn {
  role: 'user' | 'assistant';
  text: string;
}

const ALLOWED_HEADERS = 'authorization, x-api-key, x-goog-api-key, anthropic-version, anthropic-dangerous-direct-browser-access, content-type';

export function defaultMockConfig(): MockConfig {
  return { scripts: [], defaultReply: 'Thought: I am a mock model with no script for this.\nAction: noop', faults: {} };
}

export class MockLlmServer {
  config: MockConfig = defaultMockConfig();
  readonly log: MockRequestLog[] = [];
  private server: Server | undefined;
  private sockets = new Set<Socket>();

  /** Listen on loopback; port 0 picks a free one. Returns the server's origin. */
  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((e) => send(res, 500, { error: { message: String(e) } }));
    });
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
    this.server = server;
    return `http://${host}:${(server.address() as AddressInfo).port}`;
  }

  /** Merge into the config; `faults` and `scripts` given here replace the old ones. */
  configure(patch: Partial<MockConfig>): void {
    // Fault counters count down in place: keep the caller's object out of it.
    this.config = { ...this.config, ...patch, faults: { ...(patch.faults ?? this.config.faults) } };
  }

  reset(): void {
    this.config = defaultMockConfig();
    this.log.length = 0;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-expose-headers', 'retry-after, retry-after-ms');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
        'access-control-allow-headers': ALLOWED_HEADERS,
        'access-control-max-age': '600',
      });
      return void res.end();
    }
    const url = new URL(req.url ?? '/', 'http://mock');
    const raw = await readBody(req);
    if (url.pathname === '/__mock/config' && req.method === 'POST') {
      const patch = parse(raw);
      if (!isObject(patch)) return send(res, 400, { error: { message: 'Config must be a JSON object' } });
      this.configure(patch as Partial<MockConfig>);
      return send(res, 200, this.config);
    }
    if (url.pathname === '/__mock/log') {
      if (req.method === 'DELETE') this.log.length = 0;
      return send(res, 200, this.log);
    }
    const api = apiOf(req.method, url.pathname);
    if (!api) return send(res, 404, { error: { message: `No route ${req.method} ${url.pathname}` } });
    const body = parse(raw);
    this.log.push({ method: req.method ?? '', path: url.pathname + url.search, headers: { ...req.headers }, body });
    if (!isObject(body)) return send(res, 400, errorBody(api, 400, 'Body must be a JSON object'));
    await this.answer(api, req, res, body, url);
  }

  private async answer(api: Api, req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>, url: URL): Promise<void> {
    const cfg = this.config;
    const f = cfg.faults;
    if (cfg.requireKey !== undefined && keyOf(req) !== cfg.requireKey) return send(res, 401, errorBody(api, 401, 'Invalid API key'));
    const requested = api === 'gemini' ? decodeURIComponent(url.pathname.split('/models/')[1].split(':')[0]) : String(body.model ?? '');
    if (cfg.knownModels && !cfg.knownModels.includes(requested)) return send(res, 404, errorBody(api, 404, `The model '${requested}' does not exist`));
    if (take(f, 'rateLimit')) return send(res, 429, errorBody(api, 429, 'Rate limit reached'), f.retryAfter !== undefined ? { 'retry-after': f.retryAfter } : {});
    if (take(f, 'serverError')) return send(res, 500, errorBody(api, 500, 'Internal server error'));
    if (take(f, 'hang')) return; // never answered; close() destroys the socket
    if (f.delayMs) await new Promise((r) => setTimeout(r, f.delayMs));
    const stream = api === 'gemini' ? url.pathname.endsWith(':streamGenerateContent') : body.stream === true;
    if (take(f, 'garbage')) {
      if (stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        return void res.end('data: {"choices": [{"delta": {"content": "Thou\n\n');
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end('{"id": "x", "choices": [ this is not json');
    }
    const turns = turnsOf(api, body);
    const reply = this.replyFor(turns);
    const model = cfg.model ?? requested;
    const inputTokens = Math.ceil(turns.reduce((n, t) => n + t.text.length, 0) / 4) + 3;
    const outputTokens = Math.max(1, Math.ceil(reply.length / 4));
    const u = { model, reply, inputTokens, outputTokens, cost: cfg.costPerToken !== undefined ? (inputTokens + outputTokens) * cfg.costPerToken : undefined };
    if (!stream) return send(res, 200, WHOLE[api](u));
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const events = STREAMED[api](u, body);
    const cut = take(f, 'cutStream');
    const upTo = cut ? Math.max(1, Math.floor(events.length / 2)) : events.length;
    for (const ev of events.slice(0, upTo)) {
      res.write(ev);
      await new Promise((r) => setImmediate(r));
    }
    res.end();
  }

  private replyFor(turns: Turn[]): string {
    const firstObservation = turns[2]?.text ?? '';
    const script = this.config.scripts.find((s) => firstObservation.includes(s.match));
    const index = turns.filter((t) => t.role === 'assistant').length - 1;
    return script?.replies[index] ?? this.config.defaultReply;
  }
}

interface Reply {
  model: string;
  reply: string;
  inputTokens: number;
  outputTokens: number;
  cost?: number;
}

const id = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 12)}`;

/** Pieces of a few characters, like tokens, so streaming shows several deltas. */
function pieces(text: string): string[] {
  return text.match(/\s*\S{1,6}|\s+$/g) ?? [];
}

function openaiUsage(u: Reply) {
  return {
    prompt_tokens: u.inputTokens,
    completion_tokens: u.outputTokens,
    total_tokens: u.inputTokens + u.outputTokens,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
    ...(u.cost !== undefined ? { cost: u.cost } : {}),
  };
}

const anthropicUsage = (u: Reply, output: number) => ({ input_tokens: u.inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: output });

const geminiUsage = (u: Reply, final: boolean) => ({
  promptTokenCount: u.inputTokens,
  ...(final ? { candidatesTokenCount: u.outputTokens } : {}),
  totalTokenCount: u.inputTokens + (final ? u.outputTokens : 0),
});

const WHOLE: Record<Api, (u: Reply) => unknown> = {
  openai: (u) => ({
    id: id('chatcmpl-'),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: u.model,
    choices: [{ index: 0, message: { role: 'assistant', content: u.reply }, finish_reason: 'stop' }],
    usage: openaiUsage(u),
  }),
  anthropic: (u) => ({
    id: id('msg_'),
    type: 'message',
    role: 'assistant',
    model: u.model,
    content: [{ type: 'text', text: u.reply }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: anthropicUsage(u, u.outputTokens),
  }),
  gemini: (u) => ({
    candidates: [{ content: { parts: [{ text: u.reply }], role: 'model' }, finishReason: 'STOP', index: 0 }],
    usageMetadata: geminiUsage(u, true),
    modelVersion: u.model,
    responseId: id(''),
  }),
};

const data = (x: unknown) => `data: ${JSON.stringify(x)}\n\n`;
const named = (event: string, x: unknown) => `event: ${event}\n${data(x)}`;

const STREAMED: Record<Api, (u: Reply, body: Record<string, unknown>) => string[]> = {
  openai: (u, body) => {
    const base = { id: id('chatcmpl-'), object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: u.model };
    const chunk = (delta: object, finish: string | null) => data({ ...base, choices: [{ index: 0, delta, finish_reason: finish }], usage: null });
    const withUsage = isObject(body.stream_options) && body.stream_options.include_usage === true;
    return [
      chunk({ role: 'assistant', content: '' }, null),
      ...pieces(u.reply).map((p) => chunk({ content: p }, null)),
      chunk({}, 'stop'),
      ...(withUsage ? [data({ ...base, choices: [], usage: openaiUsage(u) })] : []),
      'data: [DONE]\n\n',
    ];
  },
  anthropic: (u) => {
    const start = { id: id('msg_'), type: 'message', role: 'assistant', content: [], model: u.model, stop_reason: null, stop_sequence: null, usage: anthropicUsage(u, 1) };
    return [
      named('message_start', { type: 'message_start', message: start }),
      named('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
      named('ping', { type: 'ping' }),
      ...pieces(u.reply).map((p) => named('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: p } })),
      named('content_block_stop', { type: 'content_block_stop', index: 0 }),
      named('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: u.outputTokens } }),
      named('message_stop', { type: 'message_stop' }),
    ];
  },
  gemini: (u) => {
    const ps = pieces(u.reply);
    const responseId = id('');
    return ps.map((p, i) => {
      const last = i === ps.length - 1;
      return data({
        candidates: [{ content: { parts: [{ text: p }], role: 'model' }, index: 0, ...(last ? { finishReason: 'STOP' } : {}) }],
        usageMetadata: geminiUsage(u, last),
        modelVersion: u.model,
        responseId,
      });
    });
  },
};

function apiOf(method: string | undefined, path: string): Api | undefined {
  if (method !== 'POST') return undefined;
  if (path === '/v1/chat/completions') return 'openai';
  if (path === '/v1/messages') return 'anthropic';
  if (/^\/v1beta\/models\/[^/]+:(generateContent|streamGenerateContent)$/.test(path)) return 'gemini';
  return undefined;
}

/** The conversation as user/assistant turns, whatever the API (system turns left out). */
function turnsOf(api: Api, body: Record<string, unknown>): Turn[] {
  const list = Array.isArray(api === 'gemini' ? body.contents : body.messages) ? ((api === 'gemini' ? body.contents : body.messages) as unknown[]) : [];
  const turns: Turn[] = [];
  for (const m of list) {
    if (!isObject(m)) continue;
    const role = m.role === 'assistant' || m.role === 'model' ? 'assistant' : m.role === 'user' ? 'user' : null;
    if (!role) continue;
    turns.push({ role, text: textOf(api === 'gemini' ? m.parts : m.content) });
  }
  return turns;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((p) => (isObject(p) && typeof p.text === 'string' ? p.text : '')).join('');
}

function errorBody(api: Api, status: number, message: string): unknown {
  if (api === 'anthropic') {
    const type = { 400: 'invalid_request_error', 401: 'authentication_error', 404: 'not_found_error', 429: 'rate_limit_error' }[status] ?? 'api_error';
    return { type: 'error', error: { type, message } };
  }
  if (api === 'gemini') return { error: { code: status, message, status: status === 429 ? 'RESOURCE_EXHAUSTED' : 'ERROR' } };
  return { error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'invalid_request_error', code: status === 404 ? 'model_not_found' : null } };
}

function keyOf(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  const k = req.headers['x-api-key'] ?? req.headers['x-goog-api-key'];
  return typeof k === 'string' ? k : undefined;
}

function take(faults: MockFaults, kind: 'rateLimit' | 'serverError' | 'hang' | 'cutStream' | 'garbage'): boolean {
  const n = faults[kind] ?? 0;
  if (n <= 0) return false;
  faults[kind] = n - 1;
  return true;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
