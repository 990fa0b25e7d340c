/**
 * The conversation a model sees, as AgentGym builds it: the env's instruction (user), its canned
 * reply (assistant), the first observation (user), then each reply and the observation it produced.
 */
import type { AgentFormat } from '../../../workers/envs/contract.ts';
import type { ChatMessage } from '../llm/types.ts';
import type { EpisodeRecord, StepRecord } from '../records.ts';

export function conversationOf(spec: Pick<AgentFormat, 'instruction' | 'instructionReply'>, record: Pick<EpisodeRecord, 'initialObservation' | 'steps'>): ChatMessage[] {
  const messages: ChatMessage[] = [
    { role: 'user', content: spec.instruction },
    { role: 'assistant', content: spec.instructionReply },
    { role: 'user', content: record.initialObservation },
  ];
  for (const step of record.steps) {
    messages.push({ role: 'assistant', content: turnOf(step) }, { role: 'user', content: step.observation });
  }
  return messages;
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
 * Fit a conversation into `budget` tokens by dropping the oldest observation/reply pairs. The
 * instruction and its reply always stay, and so does the latest observation, even when that alone
 * is over budget (the provider then says so).
 */
export function trimToBudget(messages: ChatMessage[], budget: number): { messages: ChatMessage[]; dropped: number } {
  const head = messages.slice(0, 2);
  let rest = messages.slice(2);
  let total = messages.reduce((n, m) => n + approxTokens(m.content), 0);
  let dropped = 0;
  while (total > budget && rest.length > 1) {
    total -= approxTokens(rest[0].content) + approxTokens(rest[1].content);
    rest = rest.slice(2);
    dropped += 2;
  }
  return { messages: [...head, ...rest], dropped };
}
