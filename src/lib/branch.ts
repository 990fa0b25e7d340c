/**
 * Hand-over from a replay to the Play view: "Continue from this step" leaves the episode prefix
 * here and navigates to #/play, which picks it up once.
 */
import type { EpisodeRecord } from './records.ts';

export interface Branch {
  episode: EpisodeRecord;
  /** Number of recorded steps to keep. */
  step: number;
}

let pending: Branch | null = null;

export function setBranch(b: Branch): void {
  pending = b;
}

export function takeBranch(): Branch | null {
  const b = pending;
  pending = null;
  return b;
}
