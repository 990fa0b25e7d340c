/**
 * The benchmark form's last used configuration, kept in localStorage so the next run starts from
 * it (and with only the envs and models the user chose last ticked). What is read back is checked
 * field by field: storage outlives app versions, and an env or model may be gone since.
 */
export interface FormMemory {
  envs: string[];
  itemsMode: 'split' | 'first' | 'custom';
  firstN: number;
  custom: string;
  models: string[];
  concurrency: number;
  maxRounds: number | null;
  temperature: number | null;
  repeats: number;
}

const KEY = 'agentgym.bench-form';

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

export function saveFormMemory(storage: KeyValue, memory: FormMemory): void {
  try {
    storage.setItem(KEY, JSON.stringify(memory));
  } catch {
    // Storage full or disabled (private mode): the form just starts from its defaults next time.
  }
}

/** The remembered fields that are still valid, with unknown envs left out; null when none is kept. */
export function loadFormMemory(storage: KeyValue, knownEnvs: readonly string[]): Partial<FormMemory> | null {
  let v: unknown;
  try {
    v = JSON.parse(storage.getItem(KEY) ?? 'null');
  } catch {
    return null;
  }
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const out: Partial<FormMemory> = {};
  const strings = (x: unknown) => (Array.isArray(x) && x.every((s) => typeof s === 'string') ? (x as string[]) : null);
  const whole = (x: unknown, min: number, max: number) => (Number.isInteger(x) && (x as number) >= min && (x as number) <= max ? (x as number) : undefined);
  const envs = strings(o.envs);
  if (envs) out.envs = envs.filter((e) => knownEnvs.includes(e));
  if (o.itemsMode === 'split' || o.itemsMode === 'first' || o.itemsMode === 'custom') out.itemsMode = o.itemsMode;
  if (whole(o.firstN, 1, 1e6) !== undefined) out.firstN = o.firstN as number;
  if (typeof o.custom === 'string') out.custom = o.custom;
  const models = strings(o.models);
  if (models) out.models = models;
  if (whole(o.concurrency, 1, 64) !== undefined) out.concurrency = o.concurrency as number;
  if (o.maxRounds === null || whole(o.maxRounds, 1, 1e6) !== undefined) out.maxRounds = o.maxRounds as number | null;
  if (o.temperature === null || (typeof o.temperature === 'number' && o.temperature >= 0 && o.temperature <= 2)) out.temperature = o.temperature as number | null;
  if (whole(o.repeats, 1, 100) !== undefined) out.repeats = o.repeats as number;
  return out;
}
