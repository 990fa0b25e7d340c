/**
 * The oracle: it reads the instruction off the page, looks its goal up in the shop (as
 * BrowserGym's cheat knows the task), searches the goal's query (then the target's title if the
 * target is not on the first page), opens the target, clicks each goal option and buys.
 */
import type { ObservationOracle } from '../contract.ts';
import type { Goal } from './products.ts';

/** The instruction of any page but the last: the text after "Instruction: [SEP] ". */
function instructionOf(observation: string): string | null {
  const m = /(?:^|\[SEP\] )Instruction: \[SEP\] (.*?) \[SEP\] /.exec(observation);
  return m ? m[1] : null;
}

export class WebShopOracle implements ObservationOracle {
  private goal: Goal | null = null;
  private searches = 0;
  private chosen = 0;

  /** `lookup` finds the goal with an instruction text (the shop's goals). */
  constructor(private readonly lookup: (instruction: string) => Goal | undefined) {}

  next(observation: string): string {
    const text = instructionOf(observation);
    if (text !== null && this.goal?.instructionText !== text) {
      this.goal = this.lookup(text) ?? null;
      this.searches = 0;
    }
    const goal = this.goal;
    if (!goal) return 'click[back to search]';
    const onResults = / \[SEP\] Page \d+ \(Total results: \d+\) \[SEP\] /.test(observation);
    const onItem = observation.endsWith(' [SEP] Buy Now');
    if (onItem) {
      const values = Object.values(goal.goalOptions);
      return this.chosen < values.length ? `click[${values[this.chosen++]}]` : 'click[Buy Now]';
    }
    if (onResults && observation.includes(` [SEP] ${goal.asin} [SEP] `)) {
      this.chosen = 0;
      return `click[${goal.asin}]`;
    }
    this.searches++;
    return this.searches === 1 ? `search[${goal.query}]` : `search[${goal.name}]`;
  }
}
