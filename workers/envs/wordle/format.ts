/**
 * What AgentGym's Wordle client (agentenv/envs/lmrlgym.py, WordleEnvClient) does around the env:
 * how it reads an action out of a reply, and how it opens the conversation.
 */
import type { ActionParse, AgentFormat, OpeningTurn } from '../contract.ts';
import { LMRLGYM_ACKNOWLEDGEMENT, lmrlgymClientAction, lmrlgymConversation } from '../react-format.ts';
import { MAX_GUESSES } from './wordle.ts';
import { AGENTGYM_VOCAB } from './words.ts';

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
export function conversationStart(_firstObservation: string, instruction: string): OpeningTurn[] {
  return lmrlgymConversation(WORDLE_EXPERT_LINE, instruction);
}

function instruction(wordList: string): string {
  return `Let's play Wordle. There is a hidden five-letter word and you have ${MAX_GUESSES} attempts to find it; try to find it in as few attempts as possible.

Write each guess as its five letters separated by spaces, for example "s h i r e". The game answers every guess with five letters separated by spaces, one for each letter you guessed, in the same order:
- "g": this letter is in the hidden word, at exactly this position.
- "y": this letter is in the hidden word, but at a different position.
- "b": this letter is not in the hidden word.

${wordList}

Any other guess (a word outside the list, or not five letters) gets the answer "invalid word" and still uses up one attempt. Use every answer to narrow down which words the hidden word can still be before choosing your next guess.

Reply in exactly this format, one guess per reply:
Thought: <what the answers so far tell you, and why you pick this guess>
Action: <your guess as five letters separated by spaces>

A short example:
guess 1: m o u n t
answer 1: b y b b y
Thought: The word has an "o" that is not second and a "t" that is not last, and no "m", "u" or "n". Valid words such as "those", "other" and "trove" fit these clues, and guessing "those" would give a different answer for each of them.
Action: t h o s e`;
}

const agentgymList = `Valid guesses are exactly these words, and the hidden word is one of them:
\`\`\`
${AGENTGYM_VOCAB.join('\n')}
\`\`\``;

const officialList = `A guess must be a valid English five-letter word from the official Wordle list of accepted guesses (about 13,000 words, not shown here); the hidden word is one of the official Wordle answers.`;

const common = {
  instructionReply: LMRLGYM_ACKNOWLEDGEMENT,
  extractAction,
  opening: (instr: string, firstObservation: string) => conversationStart(firstObservation, instr),
};

export const format: AgentFormat = { ...common, id: 'wordle-ours-2', instruction: instruction(agentgymList) };

export const officialFormat: AgentFormat = { ...common, id: 'wordle-official-ours-2', instruction: instruction(officialList) };
