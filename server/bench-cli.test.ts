import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, UsageError, type CliIo } from './bench-cli.ts';
import { oracleScript, repeatScript } from './mock-scripts.ts';
import { useMockServer } from '../testing/llm.ts';
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
      'model,env,headline,score,episodes,success,successRate,failure,failureRate,truncated,truncatedRate,errors,errorRate,meanReward,meanProgress,grounding,meanSteps,inputTokens,outputTokens,cost,wallMs,rewardSe,successLow95,successHigh95,rewardLow95,rewardHigh95,passK,passAtK,passHatK',
    );
    const outcomes = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((l) => [l.item_id, l.outcome]);
    expect(outcomes.sort()).toEqual([['maze_0', 'success'], ['maze_1', 'truncated'], ['maze_2', 'success'], ['maze_3', 'truncated']]);
    expect(readFileSync(out, 'utf8')).not.toContain('sk-env-key');
  });

  it('prints the first error of each kind with its count', async () => {
    // Every reply is not JSON: each episode ends in the same error.
    server.mock.configure({ scripts: [], requireKey: 'k', faults: { garbage: 1000 } });
    const dir = mkdtempSync(join(tmpdir(), 'bench-'));
    const t = io();
    await runCli(['--base-url', `${server.origin()}/v1`, '--api-key', 'k', '--model', 'mock-1', '--envs', 'maze', '--items', '0-2', '--concurrency', '1', '--retry-budget', '0', '--out', join(dir, 'r.jsonl')], t);
    expect(t.out.join('')).toMatch(/3 episodes ended in an error \(not scored\), by kind \(count × first message\):\n3 × .*Malformed JSON in reply.* \(first: maze_0\)\n/);
    server.mock.configure({ faults: {} });
  });

  it('rejects bad arguments with a usage error', async () => {
    await expect(runCli(['--envs', 'maze'], io())).rejects.toThrow('--model is required');
    await expect(runCli(['--model', 'm', '--envs', 'nope'], io())).rejects.toThrow(UsageError);
    await expect(runCli(['--model', 'm', '--envs', 'maze', '--items', '30'], io())).rejects.toThrow('out of range');
    await expect(runCli(['--model', 'm', '--concurrency', '0'], io())).rejects.toThrow('--concurrency must be a whole number from 1 to 64');
    await expect(runCli(['--model', 'm', '--bogus'], io())).rejects.toThrow(UsageError);
  });

  it("plays AgentEval's split file with the user's own instruction, and records both in the run", async () => {
    server.mock.configure({ scripts: [await oracleScript('maze', 18)], requireKey: 'k' });
    const dir = mkdtempSync(join(tmpdir(), 'bench-'));
    const split = join(dir, 'maze_test.json');
    writeFileSync(split, JSON.stringify([{ item_id: 'maze_18' }]));
    const prompt = join(dir, 'maze.txt');
    writeFileSync(prompt, 'My own maze rules. Answer with Action: move <direction>.');
    const out = join(dir, 'r.jsonl');
    const r = await runCli(['--base-url', `${server.origin()}/v1`, '--api-key', 'k', '--model', 'mock-1', '--split', split, '--instruction', `maze=${prompt}`, '--out', out], io());
    expect(r.episodes.map((e) => e.itemId)).toEqual(['maze_18']);
    expect(r.episodes[0].success).toBe(true);
    expect(r.episodes[0].format).toMatch(/\+custom-[0-9a-f]{8}$/);
    const imported = parseJsonl(readFileSync(out, 'utf8'));
    expect(imported.run?.config.instructions).toEqual({ maze: 'My own maze rules. Answer with Action: move <direction>.' });
    expect(JSON.stringify(server.mock.log.at(-1)?.body)).toContain('My own maze rules.');
    await expect(runCli(['--model', 'm', '--split', join(dir, 'missing.json')], io())).rejects.toThrow('--split: cannot read');
    await expect(runCli(['--model', 'm', '--envs', 'maze', '--instruction', 'wordle=x'], io())).rejects.toThrow('which this run does not play');
  });
});
