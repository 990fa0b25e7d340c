/**
 * BIRD text-to-SQL (AgentGym's agentenv-sqlgym). Differences from AgentGym:
 * - Our databases and questions (built by scripts/data/bird*.ts from vega-datasets), not BIRD's:
 *   200 items, all in the eval split, ids 0..199. AgentGym's ids (BIRD train 0..9427, dev from
 *   9428) apply to BIRD's own files, which this env reads in the same formats.
 * - The foreign-key sentences name the right columns: sqlgym's serializer builds its column-name
 *   list once per table, so its foreign-key sentences name the column after the real one; we do
 *   not reproduce that.
 * - Queries are bounded (rows and time, see query.ts), and statements other than queries are
 *   refused before they run; AgentGym runs anything its read-only connection allows.
 * - The HTTP server hands out small sequential env ids, not random ones, and has no 8-env cap.
 * Replays are exact except for SQL that reads SQLite's clock ('now') or random(), or hits the time
 * limit: what those give depends on the run, as in AgentGym.
 */
import type { DataSource, EnvModule } from '../contract.ts';
import { BirdEnv } from './bird.ts';
import { BirdData } from './data.ts';
import { BirdOracle } from './oracle.ts';

/** Loaded once per data source, i.e. once per worker or process. */
const loads = new WeakMap<DataSource, Promise<BirdData>>();
let latest: BirdData | null = null;

function load(source: DataSource): Promise<BirdData> {
  let data = loads.get(source);
  if (!data) {
    data = BirdData.load(source).then((d) => (latest = d));
    loads.set(source, data);
    data.catch(() => loads.delete(source));
  }
  return data;
}

export const module: EnvModule = {
  create: async (source) => new BirdEnv(await load(source)),
  http: {
    resetField: 'item_id',
    idField: 'env_idx',
    replies: {
      create: (id) => id,
      reset: (r) => [r.observation, null],
      step: (r) => ({ state: r.observation, reward: r.reward, done: r.done, info: { ground_truth: r.info.ground_truth } }),
    },
  },
  // The oracle reads the questions an env of this module loaded (its factory cannot await data).
  oracle: () => new BirdOracle(() => latest),
};
