/** BIRD's oracle: finds the question from the observation and answers with its gold SQL. */
import type { ObservationOracle } from '../contract.ts';
import { taskText } from './bird.ts';
import type { BirdData } from './data.ts';

export class BirdOracle implements ObservationOracle {
  private gold: Map<string, string> | null = null;

  /** `data` gives the questions once a BIRD env has loaded them (by the first observation). */
  constructor(private readonly data: () => BirdData | null) {}

  next(observation: string): string {
    if (!this.gold) {
      const data = this.data();
      if (!data) throw new Error("BIRD's oracle needs the questions: create a BIRD env first.");
      this.gold = new Map(data.questions.map((q) => [taskText(data, q), q.SQL]));
    }
    // Anything else (a result after the step) gets a harmless query; the episode is over anyway.
    return this.gold.get(observation) ?? 'SELECT 1';
  }
}
