/**
 * Which user dataset each env runs on in this page or process (none: the built-in data). The
 * registry consults it, so every reader of a manifest (picker, benchmark, run records, HTTP
 * server) sees the dataset's item count and data version. In Node the dataset's DataSource sits
 * here too; in the browser the worker builds its own from the stored files.
 */
import type { DataSource } from '../envs/contract.ts';
import type { UserDataset } from './dataset.ts';

const active = new Map<string, { dataset: UserDataset; source: DataSource | null }>();

export function useDataset(dataset: UserDataset, source: DataSource | null = null): void {
  active.set(dataset.env, { dataset, source });
}

export function useBuiltIn(env: string): void {
  active.delete(env);
}

export function activeDataset(env: string): UserDataset | undefined {
  return active.get(env)?.dataset;
}

/** The dataset's DataSource where this process reads the files itself (Node). */
export function activeSource(env: string): DataSource | null {
  return active.get(env)?.source ?? null;
}

