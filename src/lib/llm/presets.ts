/** Known providers and their base URLs; anything else is a custom base URL with one of the three kinds. */
import type { ProviderConfig, ProviderKind } from './types.ts';

export interface Preset {
  id: string;
  label: string;
  kind: ProviderKind;
  baseUrl: string;
  /** A sensible first model; people usually change it. */
  model: string;
  /** Local servers usually need no key. */
  needsKey: boolean;
  maxTokensField?: ProviderConfig['maxTokensField'];
}

export const PRESETS: readonly Preset[] = [
  { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4.1-mini', needsKey: true, maxTokensField: 'max_completion_tokens' },
  { id: 'anthropic', label: 'Anthropic', kind: 'anthropic', baseUrl: 'https://api.anthropic.com/v1', model: 'claude-haiku-4-5', needsKey: true },
  { id: 'gemini', label: 'Google Gemini', kind: 'gemini', baseUrl: 'https://generativelanguage.googleapis.com/v1beta', model: 'gemini-2.5-flash', needsKey: true },
  { id: 'gemini-openai', label: 'Google Gemini (OpenAI-compatible)', kind: 'openai', baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai', model: 'gemini-2.5-flash', needsKey: true },
  { id: 'openrouter', label: 'OpenRouter', kind: 'openai', baseUrl: 'https://openrouter.ai/api/v1', model: 'openai/gpt-4.1-mini', needsKey: true },
  { id: 'groq', label: 'Groq', kind: 'openai', baseUrl: 'https://api.groq.com/openai/v1', model: 'llama-3.3-70b-versatile', needsKey: true },
  { id: 'together', label: 'Together', kind: 'openai', baseUrl: 'https://api.together.xyz/v1', model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', needsKey: true },
  { id: 'ollama', label: 'Ollama (local)', kind: 'openai', baseUrl: 'http://localhost:11434/v1', model: 'llama3.2', needsKey: false },
  { id: 'vllm', label: 'vLLM (local)', kind: 'openai', baseUrl: 'http://localhost:8000/v1', model: 'Qwen/Qwen2.5-7B-Instruct', needsKey: false },
  { id: 'llamacpp', label: 'llama.cpp server (local)', kind: 'openai', baseUrl: 'http://localhost:8080/v1', model: 'default', needsKey: false },
];

export function getPreset(id: string | undefined): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** A new provider config from a preset, with a fresh id. */
export function configFromPreset(preset: Preset, id: string): ProviderConfig {
  return {
    id,
    label: preset.label,
    kind: preset.kind,
    baseUrl: preset.baseUrl,
    model: preset.model,
    params: { temperature: 0 },
    preset: preset.id,
    stream: true,
    ...(preset.maxTokensField ? { maxTokensField: preset.maxTokensField } : {}),
  };
}
