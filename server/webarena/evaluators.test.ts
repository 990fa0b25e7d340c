import { describe, expect, it } from 'vitest';
import { cleanAnswer, mustInclude, stringMatch, urlMatch } from './evaluators.ts';
import type { TaskConfig } from './tasks.ts';

const task = (ev: Partial<TaskConfig['eval']>): TaskConfig => ({
  task_id: 0,
  sites: ['shopping'],
  start_url: 'http://shop.test',
  intent: 'x',
  eval: { eval_types: ['string_match'], reference_answers: null, reference_url: null, program_html: [], ...ev },
});

describe("WebArena's string_match", () => {
  it('cleans answers: strip, one pair of quotes, lower case', () => {
    expect(cleanAnswer('  "Wool Blanket" ')).toBe('wool blanket');
    expect(cleanAnswer("'a'b'")).toBe("a'b");
  });

  it('exact_match passes only on the same cleaned text', () => {
    const t = task({ reference_answers: { exact_match: 'Wool Blanket' } });
    expect(stringMatch(t, '"wool blanket"').every((v) => v.pass)).toBe(true);
    expect(stringMatch(t, 'The Wool Blanket').every((v) => v.pass)).toBe(false);
  });

  it('must_include needs every phrase; a lone one-character phrase must be a whole token', () => {
    const t = task({ reference_answers: { must_include: ['49.99', 'backpack'] } });
    expect(stringMatch(t, 'The Backpack costs $49.99').map((v) => v.pass)).toEqual([true, true]);
    expect(stringMatch(t, 'It costs $49.99').map((v) => v.pass)).toEqual([true, false]);
    expect(mustInclude('3', 'there are 3 products', true)).toBe(true);
    expect(mustInclude('3', 'there are 13 products', true)).toBe(false);
    expect(mustInclude('3', 'there are 13 products', false)).toBe(true);
  });

  it('fuzzy_match needs an LLM judge and fails without one, except N/A answered N/A', () => {
    expect(stringMatch(task({ reference_answers: { fuzzy_match: ['about forty'] } }), 'about forty')[0]).toMatchObject({ pass: false });
    expect(stringMatch(task({ reference_answers: { fuzzy_match: 'N/A' } }), 'n/a')[0]).toMatchObject({ pass: true });
    expect(stringMatch(task({ reference_answers: { fuzzy_match: 'N/A' } }), 'it cannot be done')[0]).toMatchObject({ pass: false });
  });
});

describe("WebArena's url_match (GOLD in PRED)", () => {
  const t = task({ eval_types: ['url_match'], reference_url: 'http://shop.test/search?q=lamp |OR| http://shop.test/search?q=lamps', url_note: 'GOLD in PRED' });
  it('passes when some reference host+path is in the page URL and each reference query key has a reference value', () => {
    expect(urlMatch(t, 'http://shop.test/search?q=lamp')[0].pass).toBe(true);
    expect(urlMatch(t, 'http://shop.test/search/?q=lamps&page=2')[0].pass).toBe(true);
  });
  it('fails on another path or query value', () => {
    expect(urlMatch(t, 'http://shop.test/search?q=mug')[0].pass).toBe(false);
    expect(urlMatch(t, 'http://shop.test/?q=lamp')[0].pass).toBe(false);
  });
});
