import { describe, expect, it } from 'vitest';
import { errorKinds, errorReport } from './errors.ts';

const ep = (itemId: string, error?: string, status: 'error' | 'done' = 'error') => ({ itemId, status, ...(error === undefined ? {} : { error }) });

describe('errors by kind', () => {
  it('groups errors differing only in numbers, keeps HTTP statuses apart, counts them and keeps the first', () => {
    const kinds = errorKinds([
      ep('maze_0', 'done', 'done'),
      ep('maze_1', 'HTTP 500: upstream failed after 3 tries'),
      ep('maze_2', 'HTTP 429: Rate limit reached. Retry in 2.0 s.'),
      ep('maze_3', 'HTTP 500: upstream failed after 5 tries'),
      ep('maze_4', 'HTTP 500: upstream failed after 7 tries'),
      ep('maze_5'),
    ]);
    expect(kinds).toEqual([
      { first: 'HTTP 500: upstream failed after 3 tries', itemId: 'maze_1', count: 3 },
      { first: 'HTTP 429: Rate limit reached. Retry in 2.0 s.', itemId: 'maze_2', count: 1 },
      { first: 'no error text was recorded', itemId: 'maze_5', count: 1 },
    ]);
    expect(errorReport(kinds).split('\n')[0]).toBe('3 × HTTP 500: upstream failed after 3 tries (first: maze_1)');
    expect(errorKinds([ep('maze_0', undefined, 'done')])).toEqual([]);
  });
});
