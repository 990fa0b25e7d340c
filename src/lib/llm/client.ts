/**
 * An LlmClient over plain fetch for any configured provider: streams when it can, falls back to a
 * whole reply when a stream is cut or the server does not stream, and retries transient failures.
 */
import { anthropicWire } from './anthropic.ts';
import { geminiWire } from './gemini.ts';
import { Attempt, errorFromResponse } from './http.ts';
import { parseJson } from './json.ts';
import { openaiWire } from './openai.ts';
import { DEFAULT_RETRY, systemClock, withRetry, type Clock, type RetryPolicy } from './retry.ts';
import { readSse } from './sse.ts';
import { LlmError, type ChatRequest, type ChatResult, type LlmClient, type ProviderConfig, type ProviderKind } from './types.ts';
import type { Reply, WireFormat } from './wire.ts';

const WIRES: Record<ProviderKind, WireFormat> = { openai: openaiWire, anthropic: anthropicWire, gemini: geminiWire };

export interface ClientOptions {
  fetch?: typeof fetch;
  clock?: Clock;
  retry?: Partial<RetryPolicy>;
}

export function createLlmClient(config: ProviderConfig, key: string, options: ClientOptions = {}): LlmClient {
  const wire = WIRES[config.kind];
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const clock = options.clock ?? systemClock;
  const policy = { ...DEFAULT_RETRY, ...options.retry };

  async function once(req: ChatRequest, stream: boolean): Promise<ChatResult> {
    const started = clock.now();
    const attempt = new Attempt(policy.timeoutMs, req.signal);
    try {
      const params = { ...config.params, ...req.params };
      const { url, headers, body } = wire.request(config, key, req.messages, params, stream);
      const res = await fetchFn(url, { method: 'POST', headers, body: JSON.stringify(body), signal: attempt.controller.signal });
      attempt.touch();
      if (!res.ok) throw errorFromResponse(res, await res.text(), clock.now());
      const isSse = (res.headers.get('content-type') ?? '').includes('text/event-stream');
      let reply: Reply;
      if (stream && isSse && res.body) {
        const reader = wire.stream();
        for await (const ev of readSse(res.body, () => attempt.touch())) {
          const delta = reader.accept(ev);
          if (delta) req.onToken?.(delta);
        }
        if (!reader.complete) throw new LlmError('cut-stream', 'The reply stream ended before the provider finished it');
        reply = reader.result();
      } else {
        reply = wire.parse(parseJson(await res.text(), 'reply'));
        if (reply.text) req.onToken?.(reply.text);
      }
      const latencyMs = clock.now() - started;
      return {
        text: reply.text,
        model: reply.model ?? config.model,
        usage: reply.usage ?? estimateUsage(req, reply.text),
        ...(reply.providerCost !== undefined ? { providerCost: reply.providerCost } : {}),
        ...(reply.finishReason !== undefined ? { finishReason: reply.finishReason } : {}),
        latencyMs,
      };
    } catch (e) {
      throw redact(attempt.classify(e), key);
    } finally {
      attempt.finish();
    }
  }

  return {
    config,
    chat(req) {
      let stream = config.stream !== false;
      return withRetry(() => once(req, stream), policy, clock, req.signal, (error, n, delay) => {
        // After a cut stream, ask for the whole reply at once.
        if (error.kind === 'cut-stream') stream = false;
        req.onRetry?.(error, n, delay);
      });
    },
  };
}

/** When the provider reports no usage: about four characters a token, flagged as an estimate. */
function estimateUsage(req: ChatRequest, text: string) {
  const chars = req.messages.reduce((n, m) => n + m.content.length, 0);
  return { inputTokens: Math.ceil(chars / 4), outputTokens: Math.ceil(text.length / 4), estimated: true };
}

/** Errors are shown and may be logged: make sure the key never appears in one. */
function redact(error: LlmError, key: string): LlmError {
  if (!key || !error.message.includes(key)) return error;
  return new LlmError(error.kind, error.message.split(key).join('[key]'), error.status, error.retryAfterMs);
}
