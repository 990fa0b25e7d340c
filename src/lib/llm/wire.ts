/** What each wire format provides: how to build a request and how to read replies, whole or streamed. */
import type { ModelParams } from '../records.ts';
import type { SseEvent } from './sse.ts';
import type { ChatMessage, ProviderConfig, TokenUsage } from './types.ts';

export interface WireRequest {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface Reply {
  text: string;
  model?: string;
  usage?: TokenUsage;
  providerCost?: number;
  finishReason?: string;
}

export interface StreamReader {
  /** Take one event; returns the text it adds ('' for none). Throws LlmError on an error event. */
  accept(event: SseEvent): string;
  /** Whether the provider said the reply is complete; a stream ending before that was cut. */
  readonly complete: boolean;
  result(): Reply;
}

export interface WireFormat {
  request(config: ProviderConfig, key: string, messages: ChatMessage[], params: ModelParams, stream: boolean): WireRequest;
  /** Read a whole (non-streamed) reply body; throws LlmError('bad-response') on the wrong shape. */
  parse(json: unknown): Reply;
  stream(): StreamReader;
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
