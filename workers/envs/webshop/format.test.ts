import { describe, expect, it } from 'vitest';
import { format } from './format.ts';

describe('WebShop agent format', () => {
  it("takes the text after the last 'Action:', stripped, as AgentGym's parse_react", () => {
    expect(format.extractAction('Thought:\nI think...\n\nAction: \nclick[Buy Now]\n')).toEqual({ action: 'click[Buy Now]' });
    expect(format.extractAction('Action: search[a]\nAction: click[b] ')).toEqual({ action: 'click[b]' });
  });

  it("sends a reply without 'Action:' whole when it names search[ or click[, else nothing", () => {
    expect(format.extractAction('I will search[red shoes]')).toEqual({ action: 'I will search[red shoes]' });
    expect(format.extractAction('no idea')).toEqual({ action: '' });
  });

  it("cuts five characters off a reply ending in '</s>'", () => {
    expect(format.extractAction('Action: click[next >]x</s>')).toEqual({ action: 'click[next >]' });
  });
});
