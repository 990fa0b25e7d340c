/** Validation of imported RunRecords. */
import { arr, assignDefined, checkParams, num, obj, oneOf, opt, str, ValidationError } from '../check.ts';
import { getEnv } from '../../../workers/envs/registry.ts';
import type { ModelRef, RunRecord } from './types.ts';
import { MAX_INSTRUCTION_CHARS } from '../agent/instruction.ts';

export function checkRun(v: unknown, path: string): RunRecord {
  const o = obj(v, path);
  const c = obj(o.config, `${path}.config`);
  const envs = arr(c.envs, `${path}.config.envs`, 64).map((e, i) => str(e, `${path}.config.envs[${i}]`, 64));
  for (const e of envs) if (!getEnv(e)) throw new ValidationError(`${path}.config.envs: unknown environment "${e}"`);
  const itemsObj = obj(c.items, `${path}.config.items`);
  const items: Record<string, number[]> = {};
  for (const e of envs) items[e] = arr(itemsObj[e] ?? [], `${path}.config.items.${e}`).map((x, i) => num(x, `${path}.config.items.${e}[${i}]`));
  const models = arr(c.models, `${path}.config.models`, 16).map((m, i) => checkModel(m, `${path}.config.models[${i}]`));
  const finished = obj(o.finished, `${path}.finished`);
  const dv = obj(o.dataVersions ?? {}, `${path}.dataVersions`);
  const run: RunRecord = {
    id: str(o.id, `${path}.id`, 200),
    name: str(o.name, `${path}.name`, 500),
    createdAt: num(o.createdAt, `${path}.createdAt`),
    status: oneOf(o.status, `${path}.status`, ['running', 'paused', 'done', 'incomplete', 'cancelled'] as const),
    config: {
      envs,
      items,
      models,
      concurrency: num(c.concurrency, `${path}.config.concurrency`),
      params: checkParams(c.params, `${path}.config.params`),
      repeats: num(c.repeats, `${path}.config.repeats`),
    },
    finished: Object.fromEntries(Object.entries(finished).map(([k, x]) => [k, str(x, `${path}.finished.${k}`, 300)])),
    appVersion: str(o.appVersion, `${path}.appVersion`, 64),
    dataVersions: Object.fromEntries(Object.entries(dv).map(([k, x]) => [k, str(x, `${path}.dataVersions.${k}`, 64)])),
    promptsHash: str(o.promptsHash, `${path}.promptsHash`, 128),
  };
  assignDefined(run.config, {
    maxRounds: opt(c.maxRounds, (x) => num(x, `${path}.config.maxRounds`)),
    instructions: opt(c.instructions, (x) => Object.fromEntries(Object.entries(obj(x, `${path}.config.instructions`)).map(([k, v]) => [k, str(v, `${path}.config.instructions.${k}`, MAX_INSTRUCTION_CHARS)]))),
  });
  return assignDefined(run, {
    finishedAt: opt(o.finishedAt, (x) => num(x, `${path}.finishedAt`)),
    lastError: opt(o.lastError, (x) => str(x, `${path}.lastError`, 10_000)),
    errors: opt(o.errors, (x) => Object.fromEntries(Object.entries(obj(x, `${path}.errors`)).map(([k, v]) => [k, str(v, `${path}.errors.${k}`, 10_000)]))),
    splitsVersion: opt(o.splitsVersion, (x) => str(x, `${path}.splitsVersion`, 64)),
    providerSwaps: opt(o.providerSwaps, (x) =>
      arr(x, `${path}.providerSwaps`, 1000).map((v, i) => {
        const p = `${path}.providerSwaps[${i}]`;
        const so = obj(v, p);
        return { modelIdx: num(so.modelIdx, `${p}.modelIdx`), from: checkModel(so.from, `${p}.from`), to: checkModel(so.to, `${p}.to`), at: num(so.at, `${p}.at`), finishedBefore: num(so.finishedBefore, `${p}.finishedBefore`) };
      }),
    ),
    formats: opt(o.formats, (x) => Object.fromEntries(Object.entries(obj(x, `${path}.formats`)).map(([k, v]) => [k, str(v, `${path}.formats.${k}`, 128)]))),
  });
}

function checkModel(v: unknown, path: string): ModelRef {
  const mo = obj(v, path);
  return { providerId: str(mo.providerId, `${path}.providerId`, 200), label: str(mo.label, `${path}.label`, 200), model: str(mo.model, `${path}.model`, 200) };
}
