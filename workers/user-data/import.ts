/**
 * Turns whatever the user dropped (files, a folder) into one checked dataset: which kind it is,
 * from the file names; every problem found, naming the file; or the dataset's description and the
 * files to store under their normalised paths. Nothing is stored here, so bad input loses nothing.
 */
import type { UserDataset } from './dataset.ts';
import { importBird } from './bird.ts';
import { baseName, DatasetError, isJunk, type DroppedFile } from './files.ts';
import { ATTRIBUTES, ITEMS, importWebShop } from './webshop.ts';

export interface Imported {
  dataset: UserDataset;
  /** Each with the path it is stored and read under (see DatasetRef). */
  files: DroppedFile[];
}

const EXPECTED =
  `Expected WebShop's ${ITEMS} + ${ATTRIBUTES}, BIRD's dev.json + dev_tables.json + dev_databases/ folder, ` +
  "or Spider's dev.json + tables.json + database/ folder.";

export async function importDataset(dropped: readonly DroppedFile[]): Promise<Imported> {
  const files = dropped.filter((f) => !isJunk(f.path));
  const byName = new Map<string, DroppedFile>();
  const twice = new Set<string>();
  for (const f of files) {
    const name = baseName(f.path);
    if (byName.has(name)) twice.add(name);
    else byName.set(name, f);
  }
  const only = (name: string): DroppedFile | undefined => {
    if (twice.has(name)) throw new DatasetError([`Two files are named ${name} (${files.filter((f) => baseName(f.path) === name).map((f) => f.path).join(', ')}): drop one dataset at a time.`]);
    return byName.get(name);
  };

  if (byName.has(ITEMS) || byName.has(ATTRIBUTES)) return importWebShop(only(ITEMS), only(ATTRIBUTES));
  const dev = only('dev.json');
  const birdTables = only('dev_tables.json');
  const spiderTables = only('tables.json');
  if (dev || birdTables || spiderTables) {
    if (!dev) throw new DatasetError([`dev.json is missing: it holds the questions. ${EXPECTED}`]);
    if (!birdTables && !spiderTables) throw new DatasetError([`dev_tables.json (BIRD) or tables.json (Spider) is missing: it holds the database schemas. ${EXPECTED}`]);
    // Spider's folder also holds test_database/ with the same database names: the dev ones are under database/.
    const folder = birdTables ? 'dev_databases' : 'database';
    const databases = new Map<string, DroppedFile>();
    for (const f of files) {
      const name = baseName(f.path);
      if (!name.endsWith('.sqlite')) continue;
      const inFolder = f.path.split('/').includes(folder);
      const seen = databases.get(name);
      if (!seen || (inFolder && !seen.path.split('/').includes(folder))) databases.set(name, f);
      else if (inFolder || !seen.path.split('/').includes(folder)) throw new DatasetError([`Two databases are named ${name} (${seen.path}, ${f.path}): drop one dataset at a time.`]);
    }
    return birdTables ? importBird('bird-dev', dev, birdTables, databases) : importBird('spider-dev', dev, spiderTables!, databases);
  }
  throw new DatasetError([files.length ? `None of these files is a dataset this app knows (${files.slice(0, 5).map((f) => f.path).join(', ')}${files.length > 5 ? ', …' : ''}). ${EXPECTED}` : `No files. ${EXPECTED}`]);
}
