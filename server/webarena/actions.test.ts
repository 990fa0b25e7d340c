import { describe, expect, it } from 'vitest';
import { actionText, describeAction, parseAction } from './actions.ts';

describe("WebArena's action grammar", () => {
  it('parses every action as create_id_based_action does', () => {
    expect(parseAction('click [12]')).toEqual({ action: { kind: 'click', id: '12' } });
    expect(parseAction('hover[7]')).toEqual({ action: { kind: 'hover', id: '7' } });
    expect(parseAction('type [3] [hello world]')).toEqual({ action: { kind: 'type', id: '3', text: 'hello world\n' } });
    expect(parseAction('type [3] [hello] [0]')).toEqual({ action: { kind: 'type', id: '3', text: 'hello' } });
    expect(parseAction('press [Control+a]')).toEqual({ action: { kind: 'press', keys: 'Control+a' } });
    expect(parseAction('scroll [down]')).toEqual({ action: { kind: 'scroll', direction: 'down' } });
    expect(parseAction('scroll up')).toEqual({ action: { kind: 'scroll', direction: 'up' } });
    expect(parseAction('goto [http://reddit.com/f/books]')).toEqual({ action: { kind: 'goto', url: 'http://reddit.com/f/books' } });
    expect(parseAction('tab_focus [1]')).toEqual({ action: { kind: 'tab_focus', index: 1 } });
    for (const kind of ['new_tab', 'go_back', 'go_forward', 'close_tab'] as const) expect(parseAction(kind)).toEqual({ action: { kind } });
    expect(parseAction('stop [$49.99]')).toEqual({ action: { kind: 'stop', answer: '$49.99' } });
    expect(parseAction('stop')).toEqual({ action: { kind: 'stop', answer: '' } });
    // Greedy as WebArena's regex.
    expect(parseAction('stop [a] [b]')).toEqual({ action: { kind: 'stop', answer: 'a] [b' } });
  });

  it("gives WebArena's error texts", () => {
    expect(parseAction('click [abc]')).toEqual({ error: 'Invalid click action click [abc]' });
    expect(parseAction('type [3]')).toEqual({ error: 'Invalid type action type [3] [1]' });
    expect(parseAction('scroll [left]')).toEqual({ error: 'Invalid scroll action scroll [left]' });
    expect(parseAction('jump over')).toEqual({ error: 'Invalid action jump over' });
    expect(parseAction('')).toEqual({ error: 'Invalid action ' });
  });

  it('takes the text inside the first pair of backticks, or the whole text', () => {
    expect(actionText('I will click.\nIn summary, the next action I will perform is ```click [5]``` and ```stop```')).toBe('click [5]');
    expect(actionText('click [5]')).toBe('click [5]');
  });

  it('describes the previous action as the prompt shows it', () => {
    const line = (id: string) => (id === '5' ? "[5] link 'My Cart' url: http://onestopmarket.com/cart" : undefined);
    expect(describeAction({ kind: 'click', id: '5' }, line)).toBe("click [5] where [5] is link 'My Cart' url: http://onestopmarket.com/cart");
    expect(describeAction({ kind: 'type', id: '5', text: 'mug\n' }, line)).toBe("type [5] [mug ] where [5] is link 'My Cart' url: http://onestopmarket.com/cart");
    expect(describeAction({ kind: 'hover', id: '9' }, line)).toBe(
      'Attempt to perfom "hover" on element "[9]" but no matching element found. Please check the observation more carefully.',
    );
    expect(describeAction({ kind: 'tab_focus', index: 2 }, line)).toBe('page_focus [2]');
    expect(describeAction({ kind: 'go_back' }, line)).toBe('go_back');
  });
});
