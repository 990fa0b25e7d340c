import { describe, expect, it } from 'vitest';
import { parseSplitFile } from './split-file.ts';

describe("AgentEval split files", () => {
  it('groups item ids by env, sorted and without repeats, ignoring other fields', () => {
    const text = JSON.stringify([{ item_id: 'babyai_1037' }, { item_id: 'maze_3', conversations: [] }, { item_id: 'babyai_12' }, { item_id: 'babyai_12' }]);
    expect(parseSplitFile(text)).toEqual({ babyai: [12, 1037], maze: [3] });
  });

  it('names the entry and the problem for bad files', () => {
    expect(() => parseSplitFile('{', 'babyai_test.json')).toThrow('babyai_test.json is not valid JSON.');
    expect(() => parseSplitFile('{"item_id": "maze_1"}')).toThrow('must be a JSON list');
    expect(() => parseSplitFile('[{"id": "maze_1"}]')).toThrow('entry 1: no "item_id" string');
    expect(() => parseSplitFile('[{"item_id": "maze_1"}, {"item_id": "chess_3"}]')).toThrow('entry 2: unknown environment "chess"');
    expect(() => parseSplitFile('[{"item_id": "maze_99"}]')).toThrow('entry 1: Item index 99 out of range for maze (0..24).');
    expect(() => parseSplitFile('[]')).toThrow('lists no items');
  });
});
