/**
 * Oracle policies that see only what an agent sees (observations), per env, for tools and tests:
 * perf runs, the mock LLM's scripted "strong model", e2e helpers. Not used by the app itself.
 * BabyAI's planner reads the true grid, so it is not listed here (see babyai/oracle.ts).
 */
import { MazeOracle } from './maze/oracle.ts';
import { TextCraftOracle } from './textcraft/oracle.ts';
import { WordleOracle } from './wordle/oracle.ts';
import { AGENTGYM_VOCAB, OFFICIAL_ANSWERS, OFFICIAL_GUESSES } from './wordle/words.ts';

export interface ObservationOracle {
  /** The next action, given the latest observation (the first call gets the reset observation). */
  next(observation: string): string;
}

const FACTORIES: Record<string, () => ObservationOracle> = {
  maze: () => new MazeOracle(),
  wordle: () => new WordleOracle(AGENTGYM_VOCAB, AGENTGYM_VOCAB),
  'wordle-official': () => new WordleOracle(OFFICIAL_ANSWERS, OFFICIAL_GUESSES),
  textcraft: () => new TextCraftOracle(),
};

/** A fresh oracle for one episode of `envId`, or null when the env has no observation-only oracle. */
export function observationOracle(envId: string): ObservationOracle | null {
  return FACTORIES[envId]?.() ?? null;
}
