import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATORS } from './index.ts';

const root = join(import.meta.dirname, '..', '..', 'static-data');

describe('static-data', () => {
  // ALFWorld's generator reads ~150 MB of game files (a few seconds of CPU, far more on a busy machine).
  it('matches what the generators produce from their sources (no hand edits)', { timeout: 300_000 }, async () => {
    for (const gen of GENERATORS) {
      for (const [name, content] of Object.entries(await gen())) {
        const committed = readFileSync(join(root, name));
        if (typeof content === 'string') expect(committed.toString('utf8'), name).toBe(content);
        else expect(Buffer.compare(committed, content), `${name} differs from the generator's output`).toBe(0);
      }
    }
  });
});
