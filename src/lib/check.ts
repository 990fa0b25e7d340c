/** Tiny structural validators for data from outside (imports, links). Errors name the field. */
import type { Verdict } from '../../workers/envs/contract.ts';
import type { ModelParams } from './records.ts';
export class ValidationError extends Error {}

export type Obj = Record<string, unknown>;

export function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ValidationError(`${path} must be an object`);
  return v as Obj;
}

export function str(v: unknown, path: string, max = 1_000_000): string {
  if (typeof v !== 'string') throw new ValidationError(`${path} must be a string`);
  if (v.length > max) throw new ValidationError(`${path} is too long (${v.length} > ${max} characters)`);
  return v;
}

export function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ValidationError(`${path} must be a finite number`);
  return v;
}

export function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new ValidationError(`${path} must be true or false`);
  return v;
}

export function arr(v: unknown, path: string, max = 100_000): unknown[] {
  if (!Array.isArray(v)) throw new ValidationError(`${path} must be a list`);
  if (v.length > max) throw new ValidationError(`${path} has too many entries (${v.length} > ${max})`);
  return v;
}

export function oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T {
  if (typeof v !== 'string' || !options.includes(v as T)) throw new ValidationError(`${path} must be one of ${options.join(', ')}`);
  return v as T;
}

export function opt<T>(v: unknown, f: (v: unknown) => T): T | undefined {
  return v === undefined ? undefined : f(v);
}

/** Model parameters (temperature, maxTokens, topP, seed): numbers only, unknown keys dropped. */
export function checkParams(v: unknown, path: string): ModelParams {
  const o = obj(v ?? {}, path);
  const out: ModelParams = {};
  for (const k of ['temperature', 'maxTokens', 'topP', 'seed'] as const) {
    if (o[k] !== undefined) out[k] = num(o[k], `${path}.${k}`);
  }
  return out;
}

/** Copy the fields of `extra` that are defined onto `target` (optional fields stay absent). */
export function assignDefined<T extends object>(target: T, extra: Partial<T>): T {
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  return target;
}

/** An env evaluator's checks (WebArena's verdicts), bounded: they come back from files and links. */
export function checkVerdicts(v: unknown, path: string): Verdict[] {
  return arr(v, path, 50).map((x, i) => {
    const o = obj(x, `${path}[${i}]`);
    return {
      evaluator: str(o.evaluator, `${path}[${i}].evaluator`, 64),
      check: str(o.check, `${path}[${i}].check`, 200),
      pass: bool(o.pass, `${path}[${i}].pass`),
      detail: str(o.detail, `${path}[${i}].detail`, 2000),
    };
  });
}
