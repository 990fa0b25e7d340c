import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATORS } from './index.ts';

const root = join(import.meta.dirname, '..', '..', 'static-data');

describe('static-data', () => {
  it('matches what the generators produce from their sources (no hand edits)', () => {
    for (const gen of GENERATORS) {
      for (const [name, content] of Object.entries(gen())) {
        expect(readFileSync(join(root, name), 'utf8'), name).toBe(content);
      }
    }
  });
});
