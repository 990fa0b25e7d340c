import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, UsageError, type CliIo } from './bench-cli.ts';
import { oracleScript, repeatScript } from './mock-scripts.ts';
import { useMockServer } from '../src/lib/llm/test-support.ts';
import { parseJsonl } from '../src/lib/trajectory.ts';

const server = useMockServer();

function io(env: Record<string, string> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { env, out, err, stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), tty: false };
}

describe('bench CLI', () => {
  it('runs a model over the chosen items and writes the summary and AgentTraj JSONL', async () => {
    // Items 0-3 of MAZE: the model plays the oracle on even items and bumps into walls on odd ones.
    server.mock.configure({
      scripts: await Promise.all([0, 1, 2, 3].map((i) => (i % 2 === 0 ? oracleScript('maze', i) : repeatScript('maze', i, 'Thought: up.\nAction: move up', 20)))),
      requireKey: 'sk-env-key',
    });
    const dir = mkdtempSync(join(tmpdir(), 'bench-'));
    const out = join(dir, 'r.jsonl');
    const csv = join(dir, 's.csv');
    const t = io({ OPENAI_API_KEY: 'sk-env-key' });
    const r = await runCli(['--base-url', `${server.origin()}/v1`, '--model', 'mock-1', '--envs', 'maze', '--items', '0-3', '--concurrency', '3', '--out', out, '--csv', csv], t);
    expect(r.status).toBe('done');
    expect(r.episodes).toHaveLength(4);
    const text = t.out.join('');
    // The odd items walk into a wall until MAZE's 15 rounds run out: truncated, not failed.
    expect(text).toMatch(/score\s+success\s+failed\s+out of rounds\s+errors/);
    expect(text).toMatch(/maze\s+4\s+50\.0% success\s+2 \(50\.0%\)\s+0 \(0\.0%\)\s+2 \(50\.0%\)\s+0 \(0\.0%\)/);
    expect(text).toMatch(/all\s+4\s+50\.0% success/);
    expect(t.err.join('')).toContain('4/4');
    const imported = parseJsonl(readFileSync(out, 'utf8'));
    expect(imported.episodes.map((e) => e.itemId).sort()).toEqual(['maze_0', 'maze_1', 'maze_2', 'maze_3']);
    expect(imported.run?.config.envs).toEqual(['maze']);
    expect(imported.episodes.filter((e) => e.success)).toHaveLength(2);
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toBe(
      'model,env,headline,score,episodes,success,successRate,failure,failureRate,truncated,truncatedRate,errors,errorRate,meanReward,meanProgress,grounding,meanSteps,inputTokens,outputTokens,cost,wallMs',
    );
    const outcomes = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((l) => [l.item_id, l.outcome]);
    expect(outcomes.sort()).toEqual([['maze_0', 'success'], ['maze_1', 'truncated'], ['maze_2', 'success'], ['maze_3', 'truncated']]);
    expect(readFileSync(out, 'utf8')).not.toContain('sk-env-key');
  });

  it('rejects bad arguments with a usage error', async () => {
    await expect(runCli(['--envs', 'maze'], io())).rejects.toThrow('--model is required');
    await expect(runCli(['--model', 'm', '--envs', 'nope'], io())).rejects.toThrow(UsageError);
    await expect(runCli(['--model', 'm', '--envs', 'maze', '--items', '30'], io())).rejects.toThrow('out of range');
    await expect(runCli(['--model', 'm', '--concurrency', '0'], io())).rejects.toThrow('--concurrency must be a whole number from 1 to 64');
    await expect(runCli(['--model', 'm', '--bogus'], io())).rejects.toThrow(UsageError);
  });
});
