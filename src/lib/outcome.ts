/**
 * How an episode ended, for people and for tables. Like Gymnasium, a round limit (or the env's own
 * time limit) cutting an episode short is truncation, told apart from the task being won or lost.
 */
import type { EpisodeRecord } from './records.ts';

export type Outcome = NonNullable<EpisodeRecord['outcome']>;

/** An outcome for finished episodes, and what else an episode can be in. */
export type Result = Outcome | 'stopped' | 'error' | 'unfinished';

export const RESULT_LABEL: Readonly<Record<Result, string>> = {
  success: 'Success',
  failure: 'Failed',
  truncated: 'Out of rounds',
  stopped: 'Stopped',
  error: 'Error',
  unfinished: 'Unfinished',
};

export function isOutcome(r: Result): r is Outcome {
  return r === 'success' || r === 'failure' || r === 'truncated';
}

type Judged = Pick<EpisodeRecord, 'status' | 'outcome' | 'success' | 'steps'>;

export function resultOf(ep: Judged): Result {
  switch (ep.status) {
    case 'done':
      return ep.outcome ?? legacyOutcome(ep);
    case 'error':
      return 'error';
    case 'stopped':
      return 'stopped';
    default:
      return 'unfinished';
  }
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
  if (!ep.steps.at(-1)?.done) return 'truncated';
  return ep.success ? 'success' : 'failure';
}
