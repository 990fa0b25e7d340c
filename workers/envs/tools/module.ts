/**
 * The EnvModule of a tool env: its data file loaded once per worker or process, a fresh ToolEnv per
 * episode, AgentGym's tool-server HTTP shapes, and the reference-program oracle.
 */
import type { EnvModule, HttpCompat } from '../contract.ts';
import { LiveToolEnv, ToolEnv, type LiveTool, type ToolSuite, type ToolTask } from './engine.ts';
import { ProgramOracle, type Solver } from './program.ts';
import { toTasks } from './tasks.ts';

/**
 * agentenv-tool's routes: POST /create `{"id": item}` builds the env at once and returns the bare
 * env id; /reset and /step name it `env_idx`; reset returns the bare observation string.
 */
export const TOOL_HTTP: HttpCompat = {
  resetField: 'id',
  idField: 'env_idx',
  createItemField: 'id',
  resetNullRepeats: true,
  replies: {
    create: (id) => id,
    reset: (r) => r.observation,
  },
};

/** `live`: the tools that call the real services in live mode (envs with a manifest `live`). */
export function toolModule<S>(
  file: string,
  suiteOf: (data: Record<string, unknown>) => ToolSuite<S>,
  solve: Solver,
  live?: Readonly<Record<string, LiveTool<S>>>,
): EnvModule {
  let loaded: Promise<{ suite: ToolSuite<S>; tasks: ToolTask[] }> | null = null;
  return {
    async create(data, options) {
      if (options?.live && !live) throw new Error('This environment has no live mode.');
      loaded ??= data.json<Record<string, unknown>>(file).then((d) => ({ suite: suiteOf(d), tasks: toTasks(d.tasks) }));
      const { suite, tasks } = await loaded.catch((e: unknown) => {
        loaded = null; // a failed fetch may succeed next time
        throw e;
      });
      return options?.live && live ? new LiveToolEnv(suite, tasks, live, options.live) : new ToolEnv(suite, tasks);
    },
    http: TOOL_HTTP,
    oracle: () => new ProgramOracle(solve),
  };
}
