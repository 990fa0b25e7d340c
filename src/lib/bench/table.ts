/** The run summary as a plain-text table (CLI output). */
import { formatScore } from './metrics.ts';
import type { Interval } from './stats.ts';
import type { EnvSummary } from './types.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const share = (count: number, rate: number) => `${count} (${pct(rate)})`;
const interval = ([lo, hi]: Interval, f: (x: number) => string) => `${f(lo)}–${f(hi)}`;
const fixed3 = (x: number) => x.toFixed(3);

export function summaryTable(rows: readonly EnvSummary[]): string {
  const head = ['env', 'episodes', 'score', 'success', 'failed', 'out of rounds', 'errors', 'mean reward', 'progress', 'grounding', 'mean steps', 'tokens in', 'tokens out', 'cost $', 'success 95% CI', 'reward ± SE', 'reward 95% CI', 'pass@k', 'pass^k'];
  const body = rows.map((r) => [
    r.env,
    String(r.episodes),
    formatScore(r),
    share(r.success, r.successRate),
    share(r.failure, r.failureRate),
    share(r.truncated, r.truncatedRate),
    share(r.errors, r.errorRate),
    r.meanReward.toFixed(3),
    r.meanProgress === null ? '-' : pct(r.meanProgress),
    pct(r.grounding),
    r.meanSteps.toFixed(1),
    String(r.inputTokens),
    String(r.outputTokens),
    r.cost.toFixed(4),
    interval(r.successCi, pct),
    `${fixed3(r.meanReward)} ± ${fixed3(r.rewardSe)}`,
    r.rewardCi ? interval(r.rewardCi, fixed3) : '-',
    r.passK ? `${pct(r.passK.passAt)} (k=${r.passK.k})` : '-',
    r.passK ? pct(r.passK.passHat) : '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
