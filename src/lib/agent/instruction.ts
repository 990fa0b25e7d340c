/**
 * A user's own instruction for an env (AgentGym's original prompt from their checkout, say) in
 * place of ours. The rest of the format (canned reply, action extraction, turn order) stays the
 * env's; the format id names the text by hash, so runs and episodes record which prompt they used.
 */
import type { AgentFormat } from '../../../workers/envs/contract.ts';
import { hashString } from '../../../workers/envs/rng.ts';

/** Longest instruction accepted (AgentGym's longest prompts are a few thousand characters). */
export const MAX_INSTRUCTION_CHARS = 100_000;

export function checkInstruction(text: string): string | null {
  if (!text.trim()) return 'The instruction is empty.';
  if (text.length > MAX_INSTRUCTION_CHARS) return `The instruction is over ${MAX_INSTRUCTION_CHARS.toLocaleString('en')} characters.`;
  return null;
}

export function withInstruction(format: AgentFormat, instruction: string | undefined): AgentFormat {
  if (instruction === undefined) return format;
  const err = checkInstruction(instruction);
  if (err) throw new Error(err);
  return { ...format, id: `${format.id}+custom-${hashString(instruction).toString(16).padStart(8, '0')}`, instruction };
}
