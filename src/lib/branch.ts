/**
 * Hand-over to the Play view: "Continue from this step" in a replay, or "Resume" on an
 * interrupted episode in History, leaves the episode prefix here and navigates to #/play, which
 * picks it up once.
 */
import type { EpisodeRecord } from './records.ts';

export interface Branch {
  episode: EpisodeRecord;
  /** Number of recorded steps to keep. */
  step: number;
  /** Go on with the same episode (its id, its agent) rather than start a new one from it. */
  resume?: boolean;
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
