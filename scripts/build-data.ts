/**
 * Builds static-data/ from npm data packages (devDependencies) and the files vendored under
 * scripts/data/agentgym/, deterministically. The output is committed so that Node tools and tests
 * run without a build; `npm test` rebuilds it and the static-data test checks the committed files
 * match.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATORS } from './data/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'static-data');
for (const gen of GENERATORS) {
  for (const [name, content] of Object.entries(await gen())) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
    console.log(`static-data/${name}: ${(content.length / 1024).toFixed(1)} KB`);
  }
}
