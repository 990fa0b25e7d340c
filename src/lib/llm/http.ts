/** One HTTP attempt: idle timeout, caller cancellation, and turning every failure into an LlmError. */
import { parseJson, rec, str } from './json.ts';
import { parseRetryAfter } from './retry.ts';
import { LlmError } from './types.ts';

export class Attempt {
  readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timedOut = false;
  private readonly onOuterAbort = () => this.controller.abort();

  constructor(
    private readonly timeoutMs: number,
    private readonly outer?: AbortSignal,
  ) {
    if (outer?.aborted) this.controller.abort();
    outer?.addEventListener('abort', this.onOuterAbort, { once: true });
    this.touch();
  }

  /** Data arrived: restart the idle timer. */
  touch(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, this.timeoutMs);
  }

  finish(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }

  /** Name what went wrong, whatever was thrown (fetch and body reads throw different things). */
  classify(e: unknown): LlmError {
    if (this.timedOut) return new LlmError('timeout', `No answer within ${Math.round(this.timeoutMs / 1000)} s`);
    if (this.outer?.aborted) return new LlmError('aborted', 'Cancelled');
    if (e instanceof LlmError) return e;
    if (e instanceof TypeError) return new LlmError('network', `Network error: ${e.message}`);
    return new LlmError('network', e instanceof Error ? e.message : String(e));
  }
}

const MODEL_MISSING = /model.*(not[ _]found|does not exist|not exist|unknown)|(unknown|invalid) model|no such model/i;

/** An error reply as an LlmError, with the provider's own message when its body has one. */
export function errorFromResponse(res: Response, body: string, now: number): LlmError {
  const detail = providerMessage(body) ?? (body.trim().slice(0, 300) || res.statusText);
  const message = `HTTP ${res.status}: ${detail}`;
  const s = res.status;
  if (s === 401 || s === 403) return new LlmError('auth', message, s);
  if (s === 404 || (s === 400 && MODEL_MISSING.test(detail))) return new LlmError('not-found', message, s);
  if (s === 429) return new LlmError('rate-limit', message, s, parseRetryAfter(res.headers, now));
  // 529 is Anthropic's "overloaded".
  if (s >= 500) return new LlmError('server', message, s, parseRetryAfter(res.headers, now));
  if (s === 408) return new LlmError('timeout', message, s);
  return new LlmError('bad-request', message, s);
}

/** `error.message` in OpenAI, Anthropic and Gemini error bodies; Ollama's `error` string. */
function providerMessage(body: string): string | undefined {
  try {
    const j = rec(parseJson(body, 'error'));
    return str(rec(j?.error)?.message) ?? str(j?.error) ?? str(j?.message);
  } catch {
    return undefined;
  }
}
