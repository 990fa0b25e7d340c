import { describe, expect, it } from 'vitest';
import { maze } from '../../../workers/envs/maze/manifest.ts';
import { withInstruction } from './instruction.ts';

describe('own instructions', () => {
  it("replace the env's instruction, keep its parsing and turn order, and get an id naming the text", async () => {
    const ours = await maze.format();
    const custom = withInstruction(ours, 'Solve the maze. Reply with Action: move <dir>.');
    expect(custom.instruction).toBe('Solve the maze. Reply with Action: move <dir>.');
    expect(custom.extractAction('Action: move up')).toEqual(ours.extractAction('Action: move up'));
    expect(custom.opening?.(custom.instruction, 'obs')[2].content).toBe('Solve the maze. Reply with Action: move <dir>.\nobs');
    expect(custom.id).toMatch(/^maze-ours-2\+custom-[0-9a-f]{8}$/);
    expect(withInstruction(ours, 'Another text.').id).not.toBe(custom.id);
    expect(withInstruction(ours, undefined)).toBe(ours);
    expect(() => withInstruction(ours, '   ')).toThrow('The instruction is empty.');
  });
});
