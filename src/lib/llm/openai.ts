/** OpenAI chat completions: OpenAI, OpenRouter, Groq, Together, Gemini's compatible endpoint, vLLM, llama.cpp, Ollama. */
import { arr, compact, num, parseJson, rec, str, type Json } from './json.ts';
import { LlmError, type TokenUsage } from './types.ts';
import { joinUrl, type Reply, type WireFormat } from './wire.ts';

export const openaiWire: WireFormat = {
  request(config, key, messages, params, stream) {
    // Only these headers: extra ones (SDK telemetry) make some servers fail the CORS preflight.
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key) headers.authorization = `Bearer ${key}`;
    const body = compact({
      model: config.model,
      messages,
      temperature: params.temperature,
      top_p: params.topP,
      seed: params.seed,
      [config.maxTokensField ?? 'max_tokens']: params.maxTokens,
      stream: stream || undefined,
      stream_options: stream ? { include_usage: true } : undefined,
    });
    return { url: joinUrl(config.baseUrl, 'chat/completions'), headers, body };
  },

  parse(json) {
    const j = rec(json);
    const choice = rec(arr(j?.choices)[0]);
    if (!j || !choice) throw new LlmError('bad-response', `Reply has no choices: ${JSON.stringify(json).slice(0, 200)}`);
    return compact({
      text: str(rec(choice.message)?.content) ?? '',
      model: str(j.model),
      finishReason: str(choice.finish_reason),
      ...usageOf(j),
    });
  },

  stream() {
    let text = '';
    let model: string | undefined;
    let finishReason: string | undefined;
    let done = false;
    let usage: Pick<Reply, 'usage' | 'providerCost'> = {};
    return {
      accept(ev) {
        if (ev.data.trim() === '[DONE]') {
          done = true;
          return '';
        }
        const j = rec(parseJson(ev.data, 'stream chunk'));
        if (!j) throw new LlmError('bad-response', `Stream chunk is not an object: ${ev.data.slice(0, 120)}`);
        const err = rec(j.error);
        if (err) throw new LlmError('server', `Error in stream: ${str(err.message) ?? JSON.stringify(err)}`);
        model ??= str(j.model);
        if (rec(j.usage)) usage = usageOf(j);
        const choice = rec(arr(j.choices)[0]);
        finishReason = str(choice?.finish_reason) ?? finishReason;
        const delta = str(rec(choice?.delta)?.content) ?? '';
        text += delta;
        return delta;
      },
      // Compatible servers all send [DONE]; a finish_reason already means the text is whole.
      get complete() {
        return done || finishReason !== undefined;
      },
      result: () => compact({ text, model, finishReason, ...usage }),
    };
  },
};

function usageOf(j: Json): Pick<Reply, 'usage' | 'providerCost'> {
  const u = rec(j.usage);
  if (!u) return {};
  const usage: TokenUsage = compact({
    inputTokens: num(u.prompt_tokens) ?? 0,
    outputTokens: num(u.completion_tokens) ?? 0,
    cachedTokens: num(rec(u.prompt_tokens_details)?.cached_tokens) || undefined,
    reasoningTokens: num(rec(u.completion_tokens_details)?.reasoning_tokens) || undefined,
  });
  // OpenRouter reports the call's cost in credits (1 credit = 1 USD).
  return compact({ usage, providerCost: num(u.cost) });
}
