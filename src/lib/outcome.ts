/**
 * How an episode ended, for people and for tables. Like Gymnasium, a round limit (or the env's own
 * time limit) cutting an episode short is truncation, told apart from the task being won or lost.
 */
import type { EpisodeRecord, StepRecord } from './records.ts';

export type Outcome = NonNullable<EpisodeRecord['outcome']>;

/** An outcome for finished episodes, else the status an episode is in. */
export type Result = Outcome | Exclude<EpisodeRecord['status'], 'done'>;

export const RESULT_LABEL: Readonly<Record<Result, string>> = {
  success: 'Success',
  failure: 'Failed',
  truncated: 'Out of rounds',
  stopped: 'Stopped',
  error: 'Error',
  interrupted: 'Interrupted',
  paused: 'Paused',
  running: 'Running',
};

/** Every result, in the order filters list them. */
export const RESULTS = Object.keys(RESULT_LABEL) as Result[];

export function isOutcome(r: Result): r is Outcome {
  return r === 'success' || r === 'failure' || r === 'truncated';
}

/** Lists hold episodes without their steps; only records from before `outcome` was kept need them. */
type Judged = Pick<EpisodeRecord, 'status' | 'outcome' | 'success'> & { steps?: readonly Pick<StepRecord, 'done'>[] };

export function resultOf(ep: Judged): Result {
  return ep.status === 'done' ? (ep.outcome ?? legacyOutcome(ep)) : ep.status;
}

/** The label as a word in running text and table cells: "success", "out of rounds"... */
export function resultWord(ep: Judged): string {
  return RESULT_LABEL[resultOf(ep)].toLowerCase();
}

/**
 * Records from before `outcome` was kept ended a lost task and a round limit alike as 'done'; the
 * last step tells them apart: only a limit ends an episode whose last step did not end the task.
 */
function legacyOutcome(ep: Judged): Outcome {
  const last = ep.steps?.at(-1);
  if (last && !last.done) return 'truncated';
  return ep.success ? 'success' : 'failure';
}
