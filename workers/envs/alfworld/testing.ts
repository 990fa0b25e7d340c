/** Test helpers: an ALFWorld env on the committed data, and playing command lists on it. */
import { nodeDataSource } from '../../node-data-source.ts';
import type { StepResult } from '../contract.ts';
import { AlfWorldEnv } from './alfworld.ts';
import type { GameRecord, MetaRecord } from './record.ts';

export const meta = (): Promise<MetaRecord> => nodeDataSource.json<MetaRecord>('alfworld/meta.json');
export const game = (item: number): Promise<GameRecord> => nodeDataSource.json<GameRecord>(`alfworld/games/${item}.json`);

export async function newEnv(): Promise<AlfWorldEnv> {
  return new AlfWorldEnv(nodeDataSource, await meta());
}

/** Resets `item` and plays `actions`; returns the reset observation and every step. */
export async function play(item: number, actions: readonly string[], env?: AlfWorldEnv): Promise<{ env: AlfWorldEnv; first: string; steps: StepResult[] }> {
  const e = env ?? (await newEnv());
  const first = await e.reset(item);
  return { env: e, first, steps: actions.map((a) => e.step(a)) };
}
