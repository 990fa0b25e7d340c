import { describe, expect, it } from 'vitest';
import { format } from './format.ts';

describe('ALFWorld agent format', () => {
  it("takes the action as AgentGym's client does: after the last Action:, stripped; none is empty", () => {
    expect(format.extractAction('Thought:\nfind it.\n\nAction:\ngo to sofa 1')).toEqual({ action: 'go to sofa 1' });
    expect(format.extractAction('Action: look\nAction: go to sofa 1.\nmore')).toEqual({ action: 'go to sofa 1.\nmore' });
    expect(format.extractAction('go to sofa 1')).toEqual({ action: '' });
    expect(format.extractAction('Action: inventory</s>')).toEqual({ action: 'inventor' });
  });

  it('opens with the observation and the comma-joined reset actions, as the client\'s first turn', () => {
    const first = 'You are in the middle of a room. Looking quickly around you, you see a bed 1, and a desk 1.\nYour task is to: put a book in desk.';
    const turns = format.opening!('INSTRUCTION', first);
    expect(turns.map((t) => t.role)).toEqual(['user', 'assistant', 'user']);
    expect(turns[0].content).toBe('INSTRUCTION');
    expect(turns[2].content).toBe(`${first}\nAVAILABLE ACTIONS: go to bed 1,go to desk 1,inventory,look`);
  });
});
