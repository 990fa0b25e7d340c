/**
 * Headless benchmark over the same runner the app uses (server/bench-main.ts is the program):
 *   npm run bench -- --provider openai --base-url URL --api-key KEY --model M --envs wordle,maze \
 *     --concurrency 8 --out results.jsonl [--csv summary.csv] [--items 0-9] [--max-rounds N]
 *     [--temperature T] [--repeats R] [--name NAME] [--split babyai_test.json]
 *     [--instruction babyai=prompts/babyai.txt ...]
 * The key may come from OPENAI_API_KEY / ANTHROPIC_API_KEY / GEMINI_API_KEY instead. Whole eval
 * splits by default; `--split` takes AgentEval's `<env>_test.json` item lists (its envs unless
 * --envs is given); `--instruction env=file` plays an env with the user's own instruction. Exit code 0 when the run completed, whatever the scores.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { ENVS, getEnv } from '../workers/envs/registry.ts';
import { openLocalEnv } from '../workers/local-env.ts';
import { BenchRunner, type Progress } from '../src/lib/bench/scheduler.ts';
import { episodesByModel, newRun, playTask } from '../src/lib/bench/run.ts';
import { summarizeRun } from '../src/lib/bench/metrics.ts';
import { summaryCsv } from '../src/lib/bench/csv.ts';
import { parseItemList } from '../src/lib/bench/items.ts';
import { parseSplitFile } from '../src/lib/bench/split-file.ts';
import { checkInstruction } from '../src/lib/agent/instruction.ts';
import { errorMessage } from '../workers/error-message.ts';
import { summaryTable } from '../src/lib/bench/table.ts';
import { errorKinds, errorReport } from '../src/lib/bench/errors.ts';
import type { RunConfig } from '../src/lib/bench/types.ts';
import { createLlmClient } from '../src/lib/llm/client.ts';
import type { ProviderConfig, ProviderKind } from '../src/lib/llm/types.ts';
import type { EpisodeRecord } from '../src/lib/records.ts';
import { toJsonl } from '../src/lib/trajectory.ts';
import { APP_VERSION } from '../src/lib/version.ts';

const KEY_ENV: Record<ProviderKind, string> = { openai: 'OPENAI_API_KEY', anthropic: 'ANTHROPIC_API_KEY', gemini: 'GEMINI_API_KEY' };
const DEFAULT_BASE: Record<ProviderKind, string> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
  gemini: 'https://generativelanguage.googleapis.com/v1beta',
};

export class UsageError extends Error {}

export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stderr is a terminal (a live progress line) or not (a line per 10%). */
  tty: boolean;
}

export interface CliResult {
  episodes: EpisodeRecord[];
  status: string;
}

export async function runCli(argv: string[], io: CliIo): Promise<CliResult> {
  const values = parseCli(argv);
  const provider = values.provider as ProviderKind;
  if (!(provider in KEY_ENV)) throw new UsageError(`--provider must be one of ${Object.keys(KEY_ENV).join(', ')}`);
  if (!values.model) throw new UsageError('--model is required');
  const key = values['api-key'] ?? io.env[KEY_ENV[provider]] ?? '';
  const split = values.split ? readSplit(values.split) : null;
  const envIds = values.envs ? values.envs.split(',').map((s) => s.trim()).filter(Boolean) : split ? Object.keys(split) : ENVS.filter((e) => e.agentgym).map((e) => e.id);
  for (const id of envIds) if (!getEnv(id)) throw new UsageError(`Unknown env "${id}". Known: ${ENVS.map((e) => e.id).join(', ')}`);
  const items: Record<string, number[]> = {};
  for (const id of envIds) {
    const spec = getEnv(id)!;
    if (split && !split[id]) throw new UsageError(`--split lists no items of ${id}`);
    try {
      items[id] = split ? split[id] : values.items ? parseItemList(values.items, spec.itemCount) : [...spec.evalItems];
    } catch (e) {
      throw new UsageError(`--items for ${id}: ${errorMessage(e)}`);
    }
  }
  const instructions = readInstructions(values.instruction ?? [], envIds);
  const concurrency = intArg(values.concurrency, '--concurrency', 1, 64);
  const repeats = intArg(values.repeats, '--repeats', 1, 100);
  const maxRounds = values['max-rounds'] === undefined ? undefined : intArg(values['max-rounds'], '--max-rounds', 1, 1000);
  const temperature = values.temperature === undefined ? undefined : Number(values.temperature);
  if (temperature !== undefined && !(temperature >= 0 && temperature <= 2)) throw new UsageError('--temperature must be a number from 0 to 2');

  const baseUrl = values['base-url'] ?? DEFAULT_BASE[provider];
  try {
    new URL(baseUrl);
  } catch {
    throw new UsageError(`--base-url is not a URL: ${baseUrl}`);
  }
  const config: ProviderConfig = { id: 'cli', label: `${provider} · ${values.model}`, kind: provider, baseUrl, model: values.model, params: temperature === undefined ? {} : { temperature }, stream: false };
  const client = createLlmClient(config, key);
  const runConfig: RunConfig = {
    envs: envIds,
    items,
    models: [{ providerId: 'cli', label: config.label, model: values.model }],
    concurrency,
    params: config.params,
    repeats,
    ...(maxRounds ? { maxRounds } : {}),
    ...(Object.keys(instructions).length ? { instructions } : {}),
  };
  const run = await newRun(randomUUID(), values.name ?? `${config.label} ${new Date().toISOString()}`, runConfig, APP_VERSION, Date.now());
  const episodes = new Map<string, EpisodeRecord>();
  const bar = progressPrinter(io);
  const runner = new BenchRunner(run, {
    play: playTask(run, {
      openEnv: openLocalEnv,
      client: async () => client,
      save: async (ep) => void episodes.set(ep.id, ep),
      appVersion: APP_VERSION,
    }),
    saveRun: async () => {},
    onProgress: bar,
  });
  const final = await runner.start();
  io.stderr('\n');
  const finished = Object.values(final.finished).map((id) => episodes.get(id)!).filter(Boolean);
  writeFileSync(values.out, await toJsonl(finished, final));
  const byModel = Object.fromEntries(Object.entries(episodesByModel(final, finished)).map(([m, eps]) => [m, summarizeRun(eps)]));
  if (values.csv) writeFileSync(values.csv, summaryCsv(byModel));
  for (const [model, rows] of Object.entries(byModel)) io.stdout(`\n${model}\n${summaryTable(rows)}\n`);
  const errors = errorKinds(finished);
  if (errors.length) io.stdout(`\nErrors, by kind (count × first message):\n${errorReport(errors)}\n`);
  io.stdout(`\n${finished.length} episodes written to ${values.out}${values.csv ? ` and a summary to ${values.csv}` : ''}; run ${final.status}${final.lastError ? `: ${final.lastError}` : ''}.\n`);
  return { episodes: finished, status: final.status };
}

function parseCli(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      options: {
        provider: { type: 'string', default: 'openai' },
        'base-url': { type: 'string' },
        'api-key': { type: 'string' },
        model: { type: 'string' },
        envs: { type: 'string' },
        items: { type: 'string' },
        concurrency: { type: 'string', default: '4' },
        'max-rounds': { type: 'string' },
        temperature: { type: 'string' },
        repeats: { type: 'string', default: '1' },
        out: { type: 'string', default: 'results.jsonl' },
        csv: { type: 'string' },
        name: { type: 'string' },
        split: { type: 'string' },
        instruction: { type: 'string', multiple: true },
      },
    }).values;
  } catch (e) {
    throw new UsageError(errorMessage(e));
  }
}

function readText(path: string, flag: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`${flag}: cannot read ${path}: ${errorMessage(e)}`);
  }
}

function readSplit(path: string): Record<string, number[]> {
  try {
    return parseSplitFile(readText(path, '--split'), path);
  } catch (e) {
    throw e instanceof UsageError ? e : new UsageError(`--split: ${errorMessage(e)}`);
  }
}

/** `--instruction env=file`, repeatable: the user's own instruction text per env. */
function readInstructions(flags: readonly string[], envIds: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const flag of flags) {
    const m = /^([a-z][a-z0-9-]*)=(.+)$/.exec(flag);
    if (!m) throw new UsageError(`--instruction must be <env>=<file>, got "${flag}"`);
    if (!envIds.includes(m[1])) throw new UsageError(`--instruction names ${m[1]}, which this run does not play (envs: ${envIds.join(', ')})`);
    const text = readText(m[2], '--instruction');
    const err = checkInstruction(text);
    if (err) throw new UsageError(`--instruction ${m[1]}: ${err}`);
    out[m[1]] = text;
  }
  return out;
}

function intArg(v: string | undefined, name: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

function progressPrinter(io: CliIo): (p: Progress) => void {
  let lastDecile = -1;
  return (p) => {
    const done = p.done + p.failed;
    const width = 30;
    const filled = p.total ? Math.round((done / p.total) * width) : 0;
    const rate = done ? ` · success ${((p.success / done) * 100).toFixed(1)}%` : '';
    const eta = p.etaMs !== null && done < p.total ? ` · ETA ${Math.ceil(p.etaMs / 1000)} s` : '';
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${p.total} · ${p.running} running · ${p.failed} failed${rate}${eta}`;
    if (io.tty) io.stderr(`\r${line}\u001b[K`);
    else {
      const decile = p.total ? Math.floor((done / p.total) * 10) : 10;
      if (decile !== lastDecile) {
        lastDecile = decile;
        io.stderr(`${line}\n`);
      }
    }
  };
}
