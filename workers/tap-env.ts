/** Wrap an EnvHandle to observe every snapshot it returns (for the picture and action chips). */
import type { EnvHandle } from './env-handle.ts';
import type { Snapshot } from './session.ts';

export function tapEnv(env: EnvHandle, onSnapshot: (s: Snapshot) => void): EnvHandle {
  const seen = async (p: Promise<Snapshot>) => {
    const s = await p;
    onSnapshot(s);
    return s;
  };
  return {
    reset: (index) => seen(env.reset(index)),
    step: (action) => seen(env.step(action)),
    invalid: (observation) => seen(env.invalid(observation)),
    oracle: (observation) => env.oracle(observation),
    reveal: () => env.reveal(),
    hiddenState: () => env.hiddenState(),
    close: () => env.close(),
  };
}
