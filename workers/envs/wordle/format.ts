/**
 * What AgentGym's Wordle client (agentenv/envs/lmrlgym.py, WordleEnvClient) does around the env:
 * how it reads an action out of a reply, and how it opens the conversation.
 */
import type { ActionParse } from '../contract.ts';
import { lmrlgymClientAction, lmrlgymConversation, type Turn } from '../react-format.ts';

/** The client's first user turn, before any rules. */
export const WORDLE_EXPERT_LINE = 'You are an expert wordle player.';

/**
 * The text between the first and second "Action:" (see lmrlgymClientAction). The client does not
 * space out or lower-case a bare word, so "ADIEU" or "Adieu" reach the server as they are and are
 * invalid words there ("adieu" in lower case is read as a guess, spaces being optional).
 */
export function extractAction(reply: string): ActionParse {
  return { action: lmrlgymClientAction(reply) };
}

/**
 * The expert line, the canned acknowledgement, then the rules message (with the vocabulary) as the
 * first observation. The server's reset text ("Let's start Wordle!") never reaches the model: the
 * client's observe() returns the rules message in its place.
 */
export function conversationStart(_firstObservation: string, instruction: string): Turn[] {
  return lmrlgymConversation(WORDLE_EXPERT_LINE, instruction);
}
