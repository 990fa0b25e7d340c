/** CSV summary of a run: one row per model and env (plus an "all" row per model). */
import type { EnvSummary } from './types.ts';

type Column = [name: string, value: (r: EnvSummary) => unknown];

const FIELDS: (keyof EnvSummary)[] = [
  'env', 'headline', 'score', 'episodes', 'success', 'successRate', 'failure', 'failureRate',
  'truncated', 'truncatedRate', 'errors', 'errorRate', 'meanReward', 'meanProgress', 'grounding',
  'meanSteps', 'inputTokens', 'outputTokens', 'cost', 'wallMs', 'rewardSe',
];

/** Plain fields, then the intervals and pass@k spread over columns of their own (after the old ones, so readers by position keep working). */
const COLUMNS: Column[] = [
  ...FIELDS.map((f): Column => [f, (r) => r[f]]),
  ['successLow95', (r) => r.successCi[0]],
  ['successHigh95', (r) => r.successCi[1]],
  ['rewardLow95', (r) => r.rewardCi?.[0]],
  ['rewardHigh95', (r) => r.rewardCi?.[1]],
  ['passK', (r) => r.passK?.k],
  ['passAtK', (r) => r.passK?.passAt],
  ['passHatK', (r) => r.passK?.passHat],
];

function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function summaryCsv(byModel: Record<string, EnvSummary[]>): string {
  const lines = [['model', ...COLUMNS.map(([name]) => name)].join(',')];
  for (const [model, rows] of Object.entries(byModel)) {
    for (const r of rows) lines.push([cell(model), ...COLUMNS.map(([, value]) => cell(value(r)))].join(','));
  }
  return lines.join('\n') + '\n';
}
