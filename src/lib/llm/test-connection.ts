/**
 * "Test connection": one tiny call, and when it fails, the precise fix. A browser reports a CORS
 * refusal and an unreachable server the same way (a fetch TypeError), so a second, no-cors probe
 * tells them apart: an opaque answer means the server is up but refuses this page's origin.
 */
import { serverAnswers } from '../reachable.ts';
import { createLlmClient } from './client.ts';
import { getPreset } from './presets.ts';
import type { Clock } from './retry.ts';
import { LlmError, type ProviderConfig } from './types.ts';

export type ConnectionOutcome = 'ok' | 'rate-limited' | 'auth' | 'not-found' | 'cors' | 'unreachable' | 'offline' | 'timeout' | 'failed';

export interface ConnectionResult {
  ok: boolean;
  outcome: ConnectionOutcome;
  message: string;
}

export interface TestOptions {
  fetch?: typeof fetch;
  clock?: Clock;
  /** The page's origin, named in CORS fixes. */
  origin?: string;
  online?: () => boolean;
  timeoutMs?: number;
}

export async function testConnection(config: ProviderConfig, key: string, o: TestOptions = {}): Promise<ConnectionResult> {
  const fetchFn = o.fetch ?? ((input, init) => fetch(input, init));
  const client = createLlmClient({ ...config, stream: false }, key, { fetch: fetchFn, clock: o.clock, retry: { maxAttempts: 1, timeoutMs: o.timeoutMs ?? 20_000 } });
  try {
    const r = await client.chat({ messages: [{ role: 'user', content: 'Reply with the word OK.' }], params: { temperature: 0, maxTokens: 16 } });
    return { ok: true, outcome: 'ok', message: `Connected: ${r.model} answered in ${r.latencyMs} ms.` };
  } catch (e) {
    if (!(e instanceof LlmError)) throw e;
    return explain(e, config, key, o, fetchFn);
  }
}

async function explain(e: LlmError, config: ProviderConfig, key: string, o: TestOptions, fetchFn: typeof fetch): Promise<ConnectionResult> {
  const fail = (outcome: ConnectionOutcome, message: string): ConnectionResult => ({ ok: false, outcome, message });
  switch (e.kind) {
    case 'auth':
      return fail('auth', key ? `The key was refused (${e.message}). Check that it is the right key for ${config.label} and still active.` : `${config.label} needs an API key (${e.message}).`);
    case 'not-found':
      return fail('not-found', `Model "${config.model}" was not found at ${config.baseUrl} (${e.message}). Check the model id, and the base URL.`);
    case 'rate-limit':
      return { ok: true, outcome: 'rate-limited', message: `The key works, but ${config.label} is rate limiting it right now (${e.message}).` };
    case 'timeout':
      return fail('timeout', `${config.baseUrl} did not answer in time. A local model may still be loading; try again.`);
    case 'network':
      return networkFailure(config, o, fetchFn);
    default:
      return fail('failed', e.message);
  }
}

async function networkFailure(config: ProviderConfig, o: TestOptions, fetchFn: typeof fetch): Promise<ConnectionResult> {
  const online = o.online ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  if (!online()) return { ok: false, outcome: 'offline', message: 'This browser is offline. Connect to the network and test again.' };
  const origin = o.origin ?? (typeof location === 'undefined' ? 'this page' : location.origin);
  if (!(await serverAnswers(config.baseUrl, fetchFn, o.timeoutMs ?? 20_000))) {
    return { ok: false, outcome: 'unreachable', message: `Could not reach ${config.baseUrl}. Check the URL, and that the server is running.` };
  }
  const url = new URL(config.baseUrl);
  if (config.preset === 'ollama' || url.port === '11434') {
    return { ok: false, outcome: 'cors', message: `Ollama is running but refuses calls from ${origin}. Start Ollama with OLLAMA_ORIGINS=${origin} (for example: OLLAMA_ORIGINS=${origin} ollama serve), then test again.` };
  }
  const preset = getPreset(config.preset);
  const who = preset ? preset.label : url.host;
  return { ok: false, outcome: 'cors', message: `${who} answered but does not allow calls from ${origin} (CORS). Allow this origin on the server (Access-Control-Allow-Origin), or use a provider that accepts browser calls.` };
}
