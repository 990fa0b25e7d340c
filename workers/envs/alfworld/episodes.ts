/**
 * What a reset observation stands for, for the two readers that get only that text: AgentGym's
 * HTTP reset reply (its `task_type`) and the walkthrough oracle. The contract hands both the
 * observation and nothing else, so each reset notes its game here, keyed by the observation.
 * Sibling trials of one task folder can open with the same text; the latest reset then wins,
 * which is right whenever the reader follows its own reset (all our callers do).
 */
export interface ResetNote {
  task: string;
  walkthrough: readonly string[];
}

const notes = new Map<string, ResetNote>();

export function noteReset(observation: string, note: ResetNote): void {
  notes.set(observation, note);
}

export function resetNote(observation: string): ResetNote | undefined {
  return notes.get(observation);
}
