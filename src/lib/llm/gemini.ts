/** Google Gemini's native generateContent API (the key goes in a header, never in the URL). */
import { arr, compact, num, parseJson, rec, str, type Json } from './json.ts';
import { LlmError, type TokenUsage } from './types.ts';
import { joinUrl, type Reply, type WireFormat } from './wire.ts';

export const geminiWire: WireFormat = {
  request(config, key, messages, params, stream) {
    const method = stream ? 'streamGenerateContent?alt=sse' : 'generateContent';
    const model = config.model.replace(/^models\//, '');
    const body = compact({
      contents: messages.map((m) => ({ role: m.role === 'assistant' ? 'model' : 'user', parts: [{ text: m.content }] })),
      generationConfig: compact({
        temperature: params.temperature,
        topP: params.topP,
        maxOutputTokens: params.maxTokens,
        seed: params.seed,
      }),
    });
    return {
      url: joinUrl(config.baseUrl, `models/${encodeURIComponent(model)}:${method}`),
      headers: { 'content-type': 'application/json', ...(key ? { 'x-goog-api-key': key } : {}) },
      body,
    };
  },

  parse(json) {
    const j = rec(json);
    if (!j || !Array.isArray(j.candidates)) throw new LlmError('bad-response', `Reply has no candidates: ${JSON.stringify(json).slice(0, 200)}`);
    const c = chunkOf(j);
    return compact({ text: c.text, model: str(j.modelVersion), finishReason: c.finishReason, usage: usageOf(rec(j.usageMetadata)) });
  },

  stream() {
    const acc: Reply = { text: '' };
    return {
      accept(ev) {
        const j = rec(parseJson(ev.data, 'stream chunk'));
        if (!j) throw new LlmError('bad-response', `Stream chunk is not an object: ${ev.data.slice(0, 120)}`);
        const err = rec(j.error);
        if (err) throw new LlmError('server', `Error in stream: ${str(err.message) ?? JSON.stringify(err)}`);
        const c = chunkOf(j);
        acc.text += c.text;
        acc.model ??= str(j.modelVersion);
        acc.finishReason = c.finishReason ?? acc.finishReason;
        acc.usage = usageOf(rec(j.usageMetadata)) ?? acc.usage;
        return c.text;
      },
      // Gemini sends no end marker: the last chunk carries the finishReason.
      get complete() {
        return acc.finishReason !== undefined;
      },
      result: () => compact({ ...acc }),
    };
  },
};

function chunkOf(j: Json): { text: string; finishReason?: string } {
  const cand = rec(arr(j.candidates)[0]);
  const parts = arr(rec(cand?.content)?.parts).map((p) => rec(p));
  // Thought summaries (thought: true) are not part of the answer.
  const text = parts
    .filter((p) => p && p.thought !== true)
    .map((p) => str(p?.text) ?? '')
    .join('');
  return { text, finishReason: str(cand?.finishReason) };
}

function usageOf(u: Json | undefined): TokenUsage | undefined {
  if (!u) return undefined;
  const thoughts = num(u.thoughtsTokenCount) ?? 0;
  return compact({
    inputTokens: num(u.promptTokenCount) ?? 0,
    // Thinking tokens are billed as output, as OpenAI's reasoning tokens are.
    outputTokens: (num(u.candidatesTokenCount) ?? 0) + thoughts,
    cachedTokens: num(u.cachedContentTokenCount) || undefined,
    reasoningTokens: thoughts || undefined,
  });
}
