import type { EnvModule } from '../contract.ts';
import { MazeEnv } from './maze.ts';
import { MazeOracle } from './oracle.ts';

export const module: EnvModule = {
  create: () => new MazeEnv(),
  http: {
    resetField: 'game',
    extraGets: { available_actions: (env) => env.availableActions?.() ?? [] },
  },
  oracle: () => new MazeOracle(),
};
