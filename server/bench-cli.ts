/**
 * Headless benchmark over the same runner the app uses (server/bench-main.ts is the program); see
 * USAGE. Results are a journal (bench-journal.ts): each episode is appended as it ends, so an
 * interrupt loses only the episodes in flight and `--resume` carries on. Episodes that could not
 * get a reply within the retry budget end as errors: not scored, replayed by `--resume` (or only
 * they, with `--retry-errors`), and they make the run "incomplete" (a non-zero exit).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { ENVS, getEnv } from '../workers/envs/registry.ts';
import { openLocalEnv } from '../workers/local-env.ts';
import { BenchRunner, type Progress } from '../src/lib/bench/scheduler.ts';
import { JournalWriter, loadJournal, rewriteJournal } from './bench-journal.ts';
import { episodesByModel, newRun, playTask } from '../src/lib/bench/run.ts';
import { summarizeRun } from '../src/lib/bench/metrics.ts';
import { summaryCsv } from '../src/lib/bench/csv.ts';
import { parseItemList } from '../src/lib/bench/items.ts';
import { parseSplitFile } from '../src/lib/bench/split-file.ts';
import { checkInstruction } from '../src/lib/agent/instruction.ts';
import { errorMessage } from '../workers/error-message.ts';
import { summaryTable } from '../src/lib/bench/table.ts';
import { errorKinds, errorReport } from '../src/lib/bench/errors.ts';
import { expandTasks, type RunConfig, type RunRecord } from '../src/lib/bench/types.ts';
import { modelRefFor, providerName, swapProviders, swapText, type ProviderChoice } from '../src/lib/bench/providers.ts';
import { createLlmClient, type ClientOptions } from '../src/lib/llm/client.ts';
import type { ProviderConfig, ProviderKind } from '../src/lib/llm/types.ts';
import type { EpisodeRecord } from '../src/lib/records.ts';
import { APP_VERSION } from '../src/lib/version.ts';
import { DATA_FLAG_OPTIONS, DATA_FLAGS_USAGE, useDataFlags } from './data-flags.ts';

const KEY_ENV: Record<ProviderKind, string> = { openai: 'OPENAI_API_KEY', anthropic: 'ANTHROPIC_API_KEY', gemini: 'GEMINI_API_KEY' };
const DEFAULT_BASE: Record<ProviderKind, string> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
  gemini: 'https://generativelanguage.googleapis.com/v1beta',
};

export const USAGE = `Usage: npm run bench -- --provider openai|anthropic|gemini --model M [options]
  --base-url URL            the provider's API base (default: the provider's own)
  --api-key-file PATH       read the API key from a file; or set OPENAI_API_KEY / ANTHROPIC_API_KEY /
                            GEMINI_API_KEY. Prefer either to --api-key KEY, which other users can see in ps.
  --envs a,b  --items 0-9  --split <env>_test.json  --instruction env=file  --repeats R
  --concurrency N  --max-rounds N  --temperature T  --name NAME
  --out results.jsonl       written as episodes end (one line each, fsync'd); never overwritten
  --resume results.jsonl    carry on an interrupted or incomplete run (same settings), replaying errors
  --retry-errors            with --resume: replay only the episodes that ended in an error
  --swap-provider           with --resume: play the run's models whose provider this command does not give
                            (a run from the browser, or another --model) with --provider/--model from
                            here on; the change is recorded in the run
  --retry-budget SECONDS    how long one model call keeps retrying 429s, 5xx and bad replies (default 300)
  --csv summary.csv
${DATA_FLAGS_USAGE}
Exit code: 0 when every episode played out (whatever the scores), 1 when some ended in an error
(the run is incomplete: --resume it), 130 when interrupted (Ctrl-C; --resume it), 2 on bad arguments.`;

export class UsageError extends Error {}

export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stderr is a terminal (a live progress line) or not (a line per 10%). */
  tty: boolean;
  /** Aborted on SIGINT/SIGTERM: episodes in flight are dropped, everything ended is already on disk. */
  signal?: AbortSignal;
  /** The LLM client's fetch, clock and retry policy (tests make waits instant). */
  client?: ClientOptions;
}

export interface CliResult {
  episodes: EpisodeRecord[];
  status: string;
}

export async function runCli(argv: string[], io: CliIo): Promise<CliResult> {
  const values = parseCli(argv);
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return { episodes: [], status: 'done' };
  }
  const provider = values.provider as ProviderKind;
  if (!(provider in KEY_ENV)) throw new UsageError(`--provider must be one of ${Object.keys(KEY_ENV).join(', ')}`);
  if (!values.model) throw new UsageError('--model is required');
  if (values['api-key'] !== undefined) io.stderr('bench: --api-key is visible to other users in ps; prefer --api-key-file or the environment variable.\n');
  const key = values['api-key'] ?? (values['api-key-file'] ? readText(values['api-key-file'], '--api-key-file').trim() : undefined) ?? io.env[KEY_ENV[provider]] ?? '';
  if (values['retry-errors'] && !values.resume) throw new UsageError('--retry-errors needs --resume <file>');
  if (values['swap-provider'] && !values.resume) throw new UsageError('--swap-provider needs --resume <file>');
  if (values.resume && values.out !== undefined && values.out !== values.resume) throw new UsageError('--resume writes to the file it resumes; leave out --out');
  const out = values.resume ?? values.out ?? 'results.jsonl';
  if (!values.resume && existsSync(out) && statSync(out).size > 0) throw new UsageError(`${out} already holds results: --resume ${out} to carry on, or choose another --out`);
  const budgetS = values['retry-budget'] === undefined ? undefined : intArg(values['retry-budget'], '--retry-budget', 0, 86_400);
  try {
    for (const line of await useDataFlags(values)) io.stdout(`${line}\n`);
  } catch (e) {
    throw new UsageError(errorMessage(e));
  }
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
  const client = createLlmClient(config, key, { ...io.client, retry: { ...io.client?.retry, ...(budgetS === undefined ? {} : { budgetMs: budgetS * 1000 }) } });
  const ours: ProviderChoice = { id: config.id, label: provider, model: values.model };
  const runConfig: RunConfig = {
    envs: envIds,
    items,
    models: [modelRefFor(ours)],
    concurrency,
    params: config.params,
    repeats,
    ...(maxRounds ? { maxRounds } : {}),
    ...(Object.keys(instructions).length ? { instructions } : {}),
  };
  const fresh = await newRun(randomUUID(), values.name ?? `${config.label} ${new Date().toISOString()}`, runConfig, APP_VERSION, Date.now());
  const { run, episodes } = values.resume ? await resumeFrom(values.resume, fresh, io, { ours, swap: values['swap-provider'] === true }) : { run: fresh, episodes: new Map<string, EpisodeRecord>() };
  const journal = new JournalWriter(out, run);
  const bar = progressPrinter(io);
  const play = playTask(run, {
    openEnv: openLocalEnv,
    client: async () => client,
    save: async () => {},
    appVersion: APP_VERSION,
  });
  const runner = new BenchRunner(
    run,
    {
      play: async (task, ctx) => {
        const ep = await play(task, ctx);
        if (ep.status === 'done' || ep.status === 'error') {
          await journal.append(ep);
          episodes.set(task.key, ep);
        }
        return ep;
      },
      saveRun: async () => {},
      onProgress: bar,
    },
    new Map([...episodes].filter(([, ep]) => ep.status === 'done')),
  );
  const interrupt = () => runner.cancel();
  io.signal?.addEventListener('abort', interrupt);
  let final: RunRecord;
  try {
    final = await runner.start({ onlyErrors: values['retry-errors'] === true });
  } finally {
    io.signal?.removeEventListener('abort', interrupt);
    journal.close();
  }
  io.stderr('\n');
  // One line per task in task order, the final run record on the first line (atomic replace).
  const ended = expandTasks(final.config).flatMap((t) => episodes.get(t.key) ?? []);
  await rewriteJournal(out, final, ended);
  const byModel = Object.fromEntries(Object.entries(episodesByModel(final, ended)).map(([m, eps]) => [m, summarizeRun(eps)]));
  if (values.csv) writeFileSync(values.csv, summaryCsv(byModel));
  for (const [model, rows] of Object.entries(byModel)) io.stdout(`\n${model}\n${summaryTable(rows)}\n`);
  io.stdout(`\n${ended.length} episodes in ${out}${values.csv ? ` and a summary in ${values.csv}` : ''}; run ${final.status}${final.lastError ? `: ${final.lastError}` : ''}.\n`);
  const errors = errorKinds(ended);
  const errored = errors.reduce((n, k) => n + k.count, 0);
  if (errored) io.stdout(`${errored} episodes ended in an error (not scored), by kind (count × first message):\n${errorReport(errors)}\nReplay them with: npm run bench -- <same options> --resume ${out} --retry-errors\n`);
  // --retry-errors leaves tasks never started for a plain --resume.
  const unplayed = expandTasks(final.config).length - ended.length;
  if (final.status === 'incomplete' && unplayed > 0) io.stdout(`${unplayed} episodes not played yet: carry on with --resume ${out}.\n`);
  if (final.status === 'cancelled') io.stdout(`Interrupted: the episodes in flight were dropped; carry on with --resume ${out}.\n`);
  return { episodes: ended, status: final.status };
}

/**
 * The run recorded in a journal, checked against this invocation's settings; errored lines dropped
 * for replay. A model of the run this command cannot play (another provider or model) refuses the
 * resume, naming it, unless `swap`: then ours plays it from here on, as the Benchmark view does.
 */
async function resumeFrom(path: string, fresh: RunRecord, io: CliIo, providers: { ours: ProviderChoice; swap: boolean }): Promise<{ run: RunRecord; episodes: Map<string, EpisodeRecord> }> {
  let journal;
  try {
    journal = loadJournal(path);
  } catch (e) {
    throw new UsageError(`--resume: ${errorMessage(e)}`);
  }
  const old = journal.run;
  const differs = Object.entries(sameRunFields(fresh)).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(sameRunFields(old)[k as keyof ReturnType<typeof sameRunFields>]));
  if (differs.length) throw new UsageError(`--resume: ${path} was run with other settings (${differs.map(([k]) => k).join(', ')}); give the same options`);
  const ourRef = modelRefFor(providers.ours);
  // Ours is one provider and one model: a run's model is ours only if both match.
  const missing = old.config.models.flatMap((m, i) => (m.providerId === ourRef.providerId && m.model === ourRef.model && m.label === ourRef.label ? [] : [i]));
  if (missing.length && !providers.swap) {
    const names = missing.map((i) => providerName(old.config.models[i])).join(', ');
    throw new UsageError(`--resume: ${path} was played with ${names}, which this command does not give (it gives "${ourRef.label}"): add --swap-provider to play the rest of the run with "${ourRef.label}" (recorded in the run), or resume with the run's own --provider and --model`);
  }
  const swapped = swapProviders(old, new Map(missing.map((i) => [i, providers.ours])), Date.now());
  for (const s of swapped.providerSwaps?.slice(old.providerSwaps?.length ?? 0) ?? []) io.stderr(`bench: provider changed for the rest of the run (recorded in it): ${swapText(s)}\n`);
  if (journal.dropped) io.stderr(`bench: dropped a torn last line in ${path} (a crash mid-write); that episode will be replayed.\n`);
  const done = new Map([...journal.episodes].filter(([, ep]) => ep.status === 'done'));
  const errors = Object.fromEntries([...journal.episodes].filter(([, ep]) => ep.status === 'error').map(([key, ep]) => [key, ep.error ?? 'error']));
  const run: RunRecord = {
    ...swapped,
    status: 'running',
    config: { ...swapped.config, concurrency: fresh.config.concurrency },
    finished: Object.fromEntries([...done].map(([key, ep]) => [key, ep.id])),
    errors,
  };
  await rewriteJournal(path, run, [...done.values()]);
  return { run, episodes: done };
}

/** What must match for a resume to be the same run: the tasks and how they are prompted (the models are checked apart: a missing one can be swapped). */
function sameRunFields(run: RunRecord) {
  const { concurrency: _concurrency, models: _models, ...config } = run.config;
  return { config, formats: run.formats, promptsHash: run.promptsHash, dataVersions: run.dataVersions, splitsVersion: run.splitsVersion };
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
        'api-key-file': { type: 'string' },
        resume: { type: 'string' },
        'retry-errors': { type: 'boolean' },
        'swap-provider': { type: 'boolean' },
        'retry-budget': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        model: { type: 'string' },
        envs: { type: 'string' },
        items: { type: 'string' },
        concurrency: { type: 'string', default: '4' },
        'max-rounds': { type: 'string' },
        temperature: { type: 'string' },
        repeats: { type: 'string', default: '1' },
        out: { type: 'string' },
        csv: { type: 'string' },
        name: { type: 'string' },
        split: { type: 'string' },
        instruction: { type: 'string', multiple: true },
        ...DATA_FLAG_OPTIONS,
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
    // Errors are not scored: the rate is over the episodes that played out.
    const rate = p.done ? ` · success ${((p.success / p.done) * 100).toFixed(1)}%` : '';
    const eta = p.etaMs !== null && done < p.total ? ` · ETA ${Math.ceil(p.etaMs / 1000)} s` : '';
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${p.total} · ${p.running} running · ${p.failed} errors${rate}${eta}`;
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
