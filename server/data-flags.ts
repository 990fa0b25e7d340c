/**
 * `--webshop-data <dir>` and `--bird-data <dir>`, shared by `npm run bench` and `npm run serve`:
 * each folder is checked as the page checks a dropped one and becomes its env's data in this
 * process. Returns one line per dataset, saying what runs on what.
 */
import { useDatasetDir } from '../workers/user-data/node.ts';
import { DatasetError } from '../workers/user-data/files.ts';

export const DATA_FLAGS_USAGE = `  --webshop-data DIR        WebShop's own items_shuffle_1000.json + items_ins_v2_1000.json: AgentGym's goals
  --bird-data DIR           BIRD's dev.json + dev_tables.json + dev_databases/ (or Spider's dev.json +
                            tables.json + database/): the BIRD env runs on it, items as AgentGym numbers them`;

export const DATA_FLAG_OPTIONS = {
  'webshop-data': { type: 'string' },
  'bird-data': { type: 'string' },
} as const;

export async function useDataFlags(values: { 'webshop-data'?: string; 'bird-data'?: string }): Promise<string[]> {
  const lines: string[] = [];
  for (const [flag, env] of [['webshop-data', 'webshop'], ['bird-data', 'bird']] as const) {
    const dir = values[flag];
    if (dir === undefined) continue;
    try {
      const ds = await useDatasetDir(env, dir);
      lines.push(`${env} runs on ${dir}: ${ds.label} (data version ${ds.id}). ${ds.notes.join(' ')}`);
    } catch (e) {
      const what = e instanceof DatasetError ? e.problems.map((p) => `\n  ${p}`).join('') : ` ${e instanceof Error ? e.message : String(e)}`;
      throw new Error(`--${flag} ${dir}: not usable:${what}`);
    }
  }
  return lines;
}
