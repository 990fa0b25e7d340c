import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './bench-cli.ts';
import { oracleScript } from './mock-scripts.ts';
import { fakeClock, useMockServer } from '../testing/llm.ts';
import { parseJsonl } from '../src/lib/trajectory.ts';

const server = useMockServer();
const ITEMS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** CLI io with instant retry waits; `abortAt` aborts (as SIGINT does) once the progress shows that many ended. */
function io(abortAt?: number): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const ctl = new AbortController();
  return {
    env: { OPENAI_API_KEY: 'k' },
    out,
    err,
    stdout: (s) => void out.push(s),
    stderr: (s) => {
      err.push(s);
      if (abortAt !== undefined && s.includes(` ${abortAt}/${ITEMS.length} `)) ctl.abort();
    },
    tty: false,
    signal: ctl.signal,
    client: { clock: fakeClock() },
  };
}

const args = (extra: string[], items = '0-9') => ['--base-url', `${server.origin()}/v1`, '--model', 'mock-1', '--envs', 'maze', '--items', items, '--concurrency', '2', ...extra];
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { item_id: string; outcome: string; x_run?: { status: string } });

async function oracle() {
  server.mock.configure({ scripts: await Promise.all(ITEMS.map((i) => oracleScript('maze', i))) });
}

describe('durable bench runs', () => {
  it('an interrupt keeps every ended episode on disk, and --resume plays the rest: each episode exactly once', async () => {
    await oracle();
    const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'r.jsonl');
    const first = await runCli(args(['--out', out]), io(3));
    expect(first.status).toBe('cancelled');
    const kept = lines(out).map((l) => l.item_id);
    expect(kept.length).toBeGreaterThanOrEqual(3);
    expect(kept.length).toBeLessThan(10);
    expect(new Set(kept).size).toBe(kept.length);

    const t = io();
    const second = await runCli(args(['--resume', out]), t);
    expect(second.status).toBe('done');
    const all = lines(out);
    expect(all.map((l) => l.item_id).sort()).toEqual(ITEMS.map((i) => `maze_${i}`).sort());
    expect(all.every((l) => l.outcome === 'success')).toBe(true);
    // The resumed session played only what the first did not finish.
    expect(t.err.join('')).toMatch(/10\/10/);
    expect(parseJsonl(readFileSync(out, 'utf8')).run?.status).toBe('done');
    expect(all[0].x_run?.status).toBe('done');
  });

  it('refuses to overwrite results, and to resume with other settings', async () => {
    await oracle();
    const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'r.jsonl');
    await runCli(args(['--out', out], '0-1'), io());
    await expect(runCli(args(['--out', out], '0-1'), io())).rejects.toThrow('already holds results');
    await expect(runCli(args(['--resume', out, '--max-rounds', '3'], '0-1'), io())).rejects.toThrow(/other settings \(config\)/);
    await expect(runCli(args(['--resume', out], '0-2'), io())).rejects.toThrow(/other settings \(config\)/);
    // Concurrency may change between sessions.
    expect((await runCli(args(['--resume', out, '--concurrency', '1'], '0-1'), io())).status).toBe('done');
    await expect(runCli(args(['--retry-errors']), io())).rejects.toThrow('--retry-errors needs --resume');
  });

  it("refuses to resume a run whose provider this command lacks, names it, and --swap-provider plays the rest with ours, recorded in the run", async () => {
    await oracle();
    const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'r.jsonl');
    await runCli(args(['--out', out]), io(3));
    const kept = lines(out).length;
    // As the Benchmark view exports it: the run names the browser's provider.
    const [first, ...rest] = readFileSync(out, 'utf8').split('\n');
    const head = JSON.parse(first) as { x_run: { config: { models: unknown[] } } };
    const browser = { providerId: 'p-browser', label: 'OpenAI · gpt-4o-mini', model: 'gpt-4o-mini' };
    head.x_run.config.models = [browser];
    writeFileSync(out, [JSON.stringify(head), ...rest].join('\n'));

    await expect(runCli(args(['--resume', out]), io())).rejects.toThrow(/played with "OpenAI · gpt-4o-mini" \(provider id p-browser\), which this command does not give \(it gives "openai · mock-1"\): add --swap-provider/);
    expect(lines(out)).toHaveLength(kept);
    await expect(runCli(args(['--swap-provider']), io())).rejects.toThrow('--swap-provider needs --resume');

    const t = io();
    expect((await runCli(args(['--resume', out, '--swap-provider']), t)).status).toBe('done');
    expect(t.err.join('')).toContain(`provider changed for the rest of the run (recorded in it): model 1: OpenAI · gpt-4o-mini → openai · mock-1 after ${kept} episodes`);
    const run = parseJsonl(readFileSync(out, 'utf8')).run!;
    expect(run.status).toBe('done');
    expect(run.config.models).toEqual([{ providerId: 'cli', label: 'openai · mock-1', model: 'mock-1' }]);
    expect(run.providerSwaps).toMatchObject([{ modelIdx: 0, from: browser, to: { providerId: 'cli', model: 'mock-1' }, finishedBefore: kept }]);
    expect(lines(out).map((l) => l.item_id).sort()).toEqual(ITEMS.map((i) => `maze_${i}`).sort());
    // Another model on the command line is another provider too.
    await expect(runCli(args(['--resume', out]).map((a) => (a === 'mock-1' ? 'mock-2' : a)), io())).rejects.toThrow(/"openai · mock-1" \(provider id cli\)/);
  });

  it('--retry-errors plays no task that was never started, and says what is left', async () => {
    await oracle();
    const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'r.jsonl');
    await runCli(args(['--out', out]), io(2));
    const before = lines(out).length;
    const t = io();
    expect((await runCli(args(['--resume', out, '--retry-errors']), t)).status).toBe('incomplete');
    expect(lines(out)).toHaveLength(before);
    expect(t.out.join('')).toContain(`${10 - before} episodes not played yet: carry on with --resume ${out}.`);
  });

  it('drops a line torn by a crash and replays that episode', async () => {
    await oracle();
    const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'r.jsonl');
    await runCli(args(['--out', out]), io(2));
    appendFileSync(out, '{"item_id": "maze_9", "conver');
    const t = io();
    expect((await runCli(args(['--resume', out]), t)).status).toBe('done');
    expect(t.err.join('')).toContain('dropped a torn last line');
    expect(lines(out)).toHaveLength(10);
  });
});

describe('outages are not model failures', () => {
  it('40 429s in a row and 3 garbage bodies still give 100% on the oracle, with no error episodes', async () => {
    await oracle();
    server.mock.configure({ faults: { rateLimit: 40, retryAfter: '1', garbage: 3 } });
    const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'r.jsonl');
    const t = io();
    const r = await runCli(args(['--out', out]), t);
    expect(server.mock.log.filter((l) => l.path.includes('chat/completions')).length).toBeGreaterThan(43);
    expect(r.status).toBe('done');
    expect(r.episodes.filter((e) => e.status === 'error')).toEqual([]);
    expect(r.episodes.every((e) => e.success)).toBe(true);
    expect(t.out.join('')).toMatch(/maze\s+10\s+100\.0% success/);
  });

  it('an outage beyond the retry budget leaves error episodes: unscored, run incomplete, replayed by --retry-errors', async () => {
    await oracle();
    server.mock.configure({ faults: { rateLimit: 2, retryAfter: '1' } });
    const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'r.jsonl');
    const t = io();
    const r = await runCli(args(['--out', out, '--retry-budget', '0', '--concurrency', '1']), t);
    expect(r.status).toBe('incomplete');
    expect(r.episodes.filter((e) => e.status === 'error')).toHaveLength(2);
    const text = t.out.join('');
    // 8 played out, all solved: 100 % of those, the 2 errors apart with their reason.
    expect(text).toMatch(/maze\s+10\s+100\.0% success\s+8 \(100\.0%\)\s+0 \(0\.0%\)\s+0 \(0\.0%\)\s+2 \(20\.0%\)/);
    expect(text).toMatch(/2 episodes ended in an error \(not scored\), by kind \(count × first message\):\n2 × .*HTTP 429.* \(first: maze_\d\)/);
    expect(lines(out).filter((l) => l.outcome === 'error')).toHaveLength(2);

    const again = await runCli(args(['--resume', out, '--retry-errors']), io());
    expect(again.status).toBe('done');
    const all = lines(out);
    expect(all).toHaveLength(10);
    expect(all.every((l) => l.outcome === 'success')).toBe(true);
    expect(existsSync(`${out}.tmp-${process.pid}`)).toBe(false);
  });
});

describe('API key sources', () => {
  it('reads --api-key-file and warns that --api-key shows in ps', async () => {
    await oracle();
    server.mock.configure({ requireKey: 'sk-file' });
    const dir = mkdtempSync(join(tmpdir(), 'bench-'));
    writeFileSync(join(dir, 'key'), 'sk-file\n');
    const r = await runCli(args(['--out', join(dir, 'a.jsonl'), '--api-key-file', join(dir, 'key')], '0'), { ...io(), env: {} });
    expect(r.status).toBe('done');
    const t = { ...io(), env: {} };
    await runCli(args(['--out', join(dir, 'b.jsonl'), '--api-key', 'sk-file'], '0'), t);
    expect(t.err.join('')).toContain('visible to other users in ps');
  });
});
