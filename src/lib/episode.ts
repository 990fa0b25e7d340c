/** Rules shared by everything that plays or replays an episode. */
import type { ActionParse, AgentFormat } from '../../workers/envs/contract.ts';
import type { StepRecord } from './records.ts';

/**
 * What a reply asks of the env. A model writes Thought/Action; a person usually types the action
 * itself, but may also write it in the model's format.
 */
export function parseReply(format: AgentFormat, reply: string, by: StepRecord['by']): ActionParse {
  return by === 'human' && !reply.includes('Action:') ? { action: reply.trim() } : format.extractAction(reply);
}
