import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATORS } from './index.ts';

const root = join(import.meta.dirname, '..', '..', 'static-data');

describe('static-data', () => {
  // ALFWorld's generator reads ~150 MB of game files (a few seconds of CPU, far more on a busy machine).
  it('matches what the generators produce from their sources (no hand edits)', { timeout: 300_000 }, () => {
    for (const gen of GENERATORS) {
      for (const [name, content] of Object.entries(gen())) {
        expect(readFileSync(join(root, name), 'utf8'), name).toBe(content);
      }
    }
  });
});
