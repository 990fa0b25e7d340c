/** Small readers for provider JSON: bodies from outside are checked field by field, never trusted. */
import { LlmError } from './types.ts';

export type Json = Record<string, unknown>;

export function rec(x: unknown): Json | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Json) : undefined;
}

export function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

export function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

export function arr(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

/** JSON.parse that fails with a message saying what was expected and what came. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const shown = text.length > 120 ? `${text.slice(0, 120)}…` : text;
    throw new LlmError('bad-response', `Malformed JSON in ${what}: ${JSON.stringify(shown)}`);
  }
}

/** Drop undefined members so records stay compact and compare cleanly. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
