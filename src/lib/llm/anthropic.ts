/** Anthropic Messages API, called straight from the browser. */
import { arr, compact, num, parseJson, rec, str, type Json } from './json.ts';
import { LlmError, type TokenUsage } from './types.ts';
import { joinUrl, type WireFormat } from './wire.ts';

export const ANTHROPIC_VERSION = '2023-06-01';
/** Anthropic requires max_tokens; used when the user set none. */
const DEFAULT_MAX_TOKENS = 1024;

export const anthropicWire: WireFormat = {
  request(config, key, messages, params, stream) {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...(key ? { 'x-api-key': key } : {}),
      'anthropic-version': ANTHROPIC_VERSION,
      // Without it Anthropic answers a browser's request with a CORS 401.
      'anthropic-dangerous-direct-browser-access': 'true',
    };
    const body = compact({
      model: config.model,
      messages,
      max_tokens: params.maxTokens ?? DEFAULT_MAX_TOKENS,
      temperature: params.temperature,
      top_p: params.topP,
      stream: stream || undefined,
    });
    return { url: joinUrl(config.baseUrl, 'messages'), headers, body };
  },

  parse(json) {
    const j = rec(json);
    if (!j || !Array.isArray(j.content)) throw new LlmError('bad-response', `Reply has no content: ${JSON.stringify(json).slice(0, 200)}`);
    return compact({ text: textOf(j.content), model: str(j.model), finishReason: str(j.stop_reason), usage: usageOf(rec(j.usage)) });
  },

  stream() {
    let text = '';
    let model: string | undefined;
    let finishReason: string | undefined;
    let usage: Json = {};
    let done = false;
    return {
      accept(ev) {
        if (ev.event === 'ping') return '';
        const j = rec(parseJson(ev.data, `"${ev.event}" event`));
        if (!j) throw new LlmError('bad-response', `Event is not an object: ${ev.data.slice(0, 120)}`);
        switch (j.type) {
          case 'message_start': {
            const m = rec(j.message);
            model = str(m?.model);
            usage = { ...rec(m?.usage) };
            return '';
          }
          case 'content_block_delta': {
            const d = rec(j.delta);
            const delta = d?.type === 'text_delta' ? (str(d.text) ?? '') : '';
            text += delta;
            return delta;
          }
          case 'message_delta':
            finishReason = str(rec(j.delta)?.stop_reason) ?? finishReason;
            // Its usage is cumulative: it replaces the counts of message_start.
            usage = { ...usage, ...rec(j.usage) };
            return '';
          case 'message_stop':
            done = true;
            return '';
          case 'error': {
            const e = rec(j.error);
            throw new LlmError('server', `Error in stream: ${str(e?.type) ?? ''} ${str(e?.message) ?? ''}`.trim());
          }
          default:
            return '';
        }
      },
      get complete() {
        return done;
      },
      result: () => compact({ text, model, finishReason, usage: usageOf(usage) }),
    };
  },
};

function textOf(content: unknown[]): string {
  return arr(content)
    .map((b) => rec(b))
    .filter((b) => b?.type === 'text')
    .map((b) => str(b?.text) ?? '')
    .join('');
}

/** Anthropic's input_tokens leaves out cache reads and writes; ours counts every prompt token. */
function usageOf(u: Json | undefined): TokenUsage | undefined {
  if (!u) return undefined;
  const cacheRead = num(u.cache_read_input_tokens) ?? 0;
  const cacheWrite = num(u.cache_creation_input_tokens) ?? 0;
  return compact({
    inputTokens: (num(u.input_tokens) ?? 0) + cacheRead + cacheWrite,
    outputTokens: num(u.output_tokens) ?? 0,
    cachedTokens: cacheRead || undefined,
  });
}
