/**
 * The conversation a model sees, as the env's AgentGym client builds it: the opening turns (by
 * default the instruction, its canned reply and the first observation), then each reply and the
 * observation it produced.
 */
import type { AgentFormat } from '../../../workers/envs/contract.ts';
import type { ChatMessage } from '../llm/types.ts';
import type { EpisodeRecord, StepRecord } from '../records.ts';

export interface Conversation {
  messages: ChatMessage[];
  /** Leading messages that must survive trimming: they carry the instruction. */
  pinned: number;
}

export function conversationOf(format: AgentFormat, record: Pick<EpisodeRecord, 'initialObservation' | 'steps'>, opening = openingOf(format, record.initialObservation)): Conversation {
  const messages: ChatMessage[] = opening.map((t) => ({ ...t }));
  // The first observation alone may be trimmed like any other; an opening turn that folds the
  // instruction in with it may not.
  const pinned = messages.at(-1)!.content === record.initialObservation ? messages.length - 1 : messages.length;
  for (const step of record.steps) {
    messages.push({ role: 'assistant', content: turnOf(step) }, { role: 'user', content: step.observation });
  }
  return { messages, pinned };
}

/** The turns before the first reply; a live episode works them out once (ALFWorld's parses the first observation). */
export function openingOf(format: AgentFormat, initialObservation: string): readonly ChatMessage[] {
  return (
    format.opening?.(format.instruction, initialObservation) ?? [
      { role: 'user', content: format.instruction },
      { role: 'assistant', content: format.instructionReply },
      { role: 'user', content: initialObservation },
    ]
  );
}

/**
 * A person's step shows to the model as "Action: <what they typed>", so the history keeps the
 * reply format the model is asked to follow; a typed full ReAct reply is shown as it is.
 */
function turnOf(step: StepRecord): string {
  if (step.by === 'human' && !step.reply.includes('Action:')) return `Action: ${step.reply}`;
  return step.reply;
}

/** Rough token count (about four characters a token): enough to keep under a context window. */
export function approxTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Fit a conversation into `budget` tokens by dropping the oldest observation/reply pairs after the
 * pinned opening. The pinned turns always stay, and so does the latest observation, even when that
 * alone is over budget (the provider then says so).
 */
export function trimToBudget({ messages, pinned }: Conversation, budget: number): { messages: ChatMessage[]; dropped: number } {
  const head = messages.slice(0, pinned);
  let rest = messages.slice(pinned);
  let total = messages.reduce((n, m) => n + approxTokens(m.content), 0);
  let dropped = 0;
  while (total > budget && rest.length > 1) {
    total -= approxTokens(rest[0].content) + approxTokens(rest[1].content);
    rest = rest.slice(2);
    dropped += 2;
  }
  return { messages: [...head, ...rest], dropped };
}
