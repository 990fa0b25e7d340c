/** Boundary types of the LLM layer: provider settings, one chat call, its result and its failures. */
import type { ModelParams } from '../records.ts';

/** The three wire formats every supported provider speaks. */
export type ProviderKind = 'openai' | 'anthropic' | 'gemini';

/** A configured provider. The API key is stored apart from this (see keys.ts) and never in it. */
export interface ProviderConfig {
  id: string;
  label: string;
  kind: ProviderKind;
  /** Base URL up to the version segment, e.g. https://api.openai.com/v1. */
  baseUrl: string;
  model: string;
  params: ModelParams;
  /** Preset this config was made from, if any. */
  preset?: string;
  /** Stream replies token by token (default true). */
  stream?: boolean;
  /** OpenAI's newer models reject `max_tokens`; other OpenAI-compatible servers only know it. */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
}

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  params?: ModelParams;
  /** Called with each piece of text as it streams in. */
  onToken?: (delta: string) => void;
  /** Called before a retry, e.g. so a UI can drop partial streamed text and say why it waits. */
  onRetry?: (error: LlmError, attempt: number, delayMs: number) => void;
  signal?: AbortSignal;
}

/** Token counts as the provider reported them. inputTokens counts every prompt token, cached ones too. */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cachedTokens?: number;
  reasoningTokens?: number;
  /** Set when the provider reported no usage and the counts were estimated from text length. */
  estimated?: boolean;
}

export interface ChatResult {
  text: string;
  /** Model id as the provider returned it (the requested id when the provider gave none). */
  model: string;
  usage: TokenUsage;
  /** US dollars, when the provider reports the cost of the call (OpenRouter). */
  providerCost?: number;
  finishReason?: string;
  latencyMs: number;
}

export interface LlmClient {
  readonly config: ProviderConfig;
  chat(request: ChatRequest): Promise<ChatResult>;
}

export type LlmErrorKind =
  | 'auth' // 401/403: the key was refused
  | 'not-found' // 404 or an error body naming an unknown model
  | 'rate-limit' // 429
  | 'server' // 5xx, or an error event inside a stream
  | 'bad-request' // other 4xx
  | 'network' // fetch failed: offline, unreachable, or blocked by CORS
  | 'timeout' // no data for the per-request timeout
  | 'cut-stream' // the stream ended before the provider said it had finished
  | 'bad-response' // a body that is not the JSON the wire format promises
  | 'aborted'; // the caller cancelled

export class LlmError extends Error {
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly status?: number,
    /** Milliseconds the server asked us to wait (Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'LlmError';
  }

  /** Transient kinds; a malformed body is one too (a proxy's error page served with status 200). */
  get retryable(): boolean {
    return ['rate-limit', 'server', 'network', 'timeout', 'cut-stream', 'bad-response'].includes(this.kind);
  }
}
