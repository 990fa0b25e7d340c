import type { ActionParse, AgentFormat } from '../contract.ts';
import { afterFirstAction } from '../react-format.ts';
import { MAX_GUESSES } from './wordle.ts';
import { AGENTGYM_VOCAB } from './words.ts';

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

/**
 * Like AgentGym's Wordle client: drop a trailing "</s>", keep the text after the first "Action:"
 * (the whole reply without one) and space out a bare word ("ADIEU" -> "a d i e u").
 */
function extractAction(reply: string): ActionParse {
  const text = afterFirstAction(reply) ?? reply.replace(/<\/s>\s*$/, '').trim();
  const bare = text.toLowerCase();
  return { action: /^[a-z]{5}$/.test(bare) ? bare.split('').join(' ') : text };
}

export const format: AgentFormat = { id: 'wordle-ours-1', instruction: instruction(agentgymList), instructionReply: 'OK', extractAction };

export const officialFormat: AgentFormat = { id: 'wordle-official-ours-1', instruction: instruction(officialList), instructionReply: 'OK', extractAction };
