import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { wordleData } from './wordle.ts';

const staticData = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'static-data');

describe('wordle data generator', () => {
  it('matches the committed static-data files', () => {
    for (const [name, content] of Object.entries(wordleData())) {
      expect(readFileSync(join(staticData, name), 'utf8'), name).toBe(content);
    }
  });
});
