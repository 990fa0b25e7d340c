import { describe, expect, it } from 'vitest';
import type { EpisodeRecord, StepRecord } from '../records.ts';
import { formatScore, summarizeRun } from './metrics.ts';
import { summaryCsv } from './csv.ts';
import { summaryTable } from './table.ts';
import { wilson } from './stats.ts';

const step = (done: boolean, reward = 0): StepRecord => ({ reply: 'r', action: 'a', by: 'model', observation: 'o', reward, done, valid: true, at: 0 });

function episode(env: string, end: Partial<EpisodeRecord>, steps: StepRecord[]): EpisodeRecord {
  return {
    id: `${env}-${Math.random()}`, env, itemId: `${env}_0`, agent: { kind: 'human', label: 'p' }, startedAt: 0, finishedAt: 10,
    initialObservation: 'o0', steps, status: 'done', finalReward: steps.at(-1)?.reward ?? 0, success: false, appVersion: '0', dataVersion: '0', ...end,
  };
}

describe('benchmark metrics', () => {
  const maze = [
    episode('maze', { outcome: 'success', success: true }, [step(false), step(true, 1)]),
    episode('maze', { outcome: 'failure' }, [step(true, -1)]),
    episode('maze', { outcome: 'truncated' }, [step(false), step(false)]),
    episode('maze', { status: 'error', error: 'boom' }, []),
    // Records from before `outcome`: done at the round limit, and done with a success.
    episode('maze', {}, [step(false)]),
    episode('maze', { success: true }, [step(true, 1)]),
  ];
  const babyai = [
    episode('babyai', { outcome: 'success', success: true }, [step(true, 0.7)]),
    episode('babyai', { outcome: 'truncated' }, [step(false), step(false)]),
  ];

  it('counts success, failure, truncation and errors apart, deriving old records, and scores without the errors', () => {
    const [row] = summarizeRun(maze);
    expect(row).toMatchObject({ env: 'maze', headline: 'success-rate', episodes: 6, success: 2, failure: 1, truncated: 2, errors: 1 });
    // The error episode is not a model failure: rates are over the 5 that played out; errors over all 6.
    expect([row.successRate, row.failureRate, row.truncatedRate, row.errorRate]).toEqual([2 / 5, 1 / 5, 2 / 5, 1 / 6]);
    expect(row.score).toBe(row.successRate);
    expect(formatScore(row)).toBe('40.0% success');
  });

  it('leads with mean reward for BabyAI, and with success for a mixed "all" row', () => {
    const rows = summarizeRun([...maze, ...babyai]);
    const baby = rows.find((r) => r.env === 'babyai')!;
    expect(baby).toMatchObject({ headline: 'mean-reward', score: 0.35, success: 1, truncated: 1 });
    expect(formatScore(baby)).toBe('0.350 mean reward');
    expect(rows.at(-1)).toMatchObject({ env: 'all', headline: 'success-rate', episodes: 8, success: 3, failure: 1, truncated: 3, errors: 1 });
    expect(summarizeRun(babyai).at(-1)).toMatchObject({ env: 'all', headline: 'mean-reward', score: 0.35 });
  });

  it('shows the counts in the CLI table and the CSV', () => {
    const rows = summarizeRun([...maze, ...babyai]);
    const table = summaryTable(rows).split('\n');
    expect(table[2]).toMatch(/^babyai\s+2\s+0\.350 mean reward\s+1 \(50\.0%\)\s+0 \(0\.0%\)\s+1 \(50\.0%\)\s+0 \(0\.0%\)\s+0\.350/);
    expect(table[3]).toMatch(/^maze\s+6\s+40\.0% success\s+2 \(40\.0%\)\s+1 \(20\.0%\)\s+2 \(40\.0%\)\s+1 \(16\.7%\)/);
    const csv = summaryCsv({ m: rows }).split('\n');
    expect(csv[1]).toMatch(/^m,babyai,mean-reward,0\.35,2,1,0\.5,0,0,1,0\.5,0,0,0\.35,/);
  });

  it('adds intervals and, with repeats, pass@k and pass^k to the summary, the CLI table and the CSV', () => {
    // Three items played twice: item 0 won both times, item 1 once, item 2 never.
    const won = [[true, true], [true, false], [false, false]];
    const eps = won.flatMap((tries, item) => tries.map((ok) => episode('maze', { itemId: `maze_${item}`, outcome: ok ? 'success' : 'failure', success: ok, finalReward: ok ? 1 : 0 }, [step(true, ok ? 1 : 0)])));
    const [row] = summarizeRun(eps);
    expect(row.successCi).toEqual(wilson(3, 6));
    expect(row.rewardSe).toBeCloseTo(Math.sqrt(0.3 / 6), 12);
    expect(row.rewardCi![0]).toBeLessThan(0.5);
    expect(row.rewardCi![1]).toBeGreaterThan(0.5);
    expect(row.passK).toEqual({ k: 2, passAt: 2 / 3, passHat: 1 / 3 });
    expect(summarizeRun(eps.filter((_, i) => i % 2 === 0))[0].passK).toBeNull();
    const [head, , line] = summaryTable([row]).split('\n');
    expect(head).toMatch(/success 95% CI\s+reward ± SE\s+reward 95% CI\s+pass@k\s+pass\^k$/);
    expect(line).toMatch(/18\.8%–81\.2%\s+0\.500 ± 0\.224\s+0\.\d{3}–0\.\d{3}\s+66\.7% \(k=2\)\s+33\.3%$/);
    const [csvHead, csvRow] = summaryCsv({ m: [row] }).split('\n');
    expect(csvHead).toMatch(/,wallMs,rewardSe,successLow95,successHigh95,rewardLow95,rewardHigh95,passK,passAtK,passHatK$/);
    expect(csvRow).toMatch(/,0\.223607,0\.187616,0\.812384,0\.\d+,0\.\d+,2,0\.666667,0\.333333$/);
  });
});
