/** CSV summary of a run: one row per model and env (plus an "all" row per model). */
import type { EnvSummary } from './types.ts';

const COLUMNS: (keyof EnvSummary)[] = [
  'env', 'headline', 'score', 'episodes', 'success', 'successRate', 'failure', 'failureRate',
  'truncated', 'truncatedRate', 'errors', 'errorRate', 'meanReward', 'meanProgress', 'grounding',
  'meanSteps', 'inputTokens', 'outputTokens', 'cost', 'wallMs',
];

function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function summaryCsv(byModel: Record<string, EnvSummary[]>): string {
  const lines = [['model', ...COLUMNS].join(',')];
  for (const [model, rows] of Object.entries(byModel)) {
    for (const r of rows) lines.push([cell(model), ...COLUMNS.map((c) => cell(r[c]))].join(','));
  }
  return lines.join('\n') + '\n';
}
