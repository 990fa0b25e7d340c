/**
 * Scripted solutions of the 20 demo tasks, keyed by objective, from observations only: a step
 * `click {link 'Kitchen'}` is played with the id of the first line `[id] link 'Kitchen'` of the
 * latest observation (ids change with every page, as CDP's do).
 */
import type { ObservationOracle } from '../contract.ts';

const SHOP = 'http://onestopmarket.com';
const FORUM = 'http://reddit.com';

const SCRIPTS: Record<string, string[]> = {
  'What is the price of the Trail Runner Backpack?': [`goto [${SHOP}/product/trail-runner-backpack]`, 'stop [$49.99]'],
  'How many products are in the Kitchen category?': ["click [{link 'Kitchen'}]", 'stop [3]'],
  'What was the total of my order #1002?': ["click [{link 'My Orders'}]", "click [{link '#1002'}]", 'stop [$54.99]'],
  'Which product in the catalogue is the cheapest?': ['stop [Bamboo Spoon Set]'],
  'What is the status of my order #1001?': [`goto [${SHOP}/order/1001]`, 'stop [Delivered]'],
  "Show me the search results for 'lamp'.": ["type [{textbox 'Search products'}] [lamp]", 'stop []'],
  'Open the page of the Ceramic Mug.': ["click [{link 'Ceramic Mug'}]", 'stop'],
  'Show me all products in the Outdoor category.': ["click [{link 'Outdoor'}]", 'stop'],
  'Add the Ceramic Mug to my cart.': ["click [{link 'Ceramic Mug'}]", "click [{button 'Add to cart'}]", 'stop'],
  'Buy one Desk Lamp.': ["click [{link 'Desk Lamp'}]", "click [{button 'Add to cart'}]", "click [{button 'Place order'}]", 'stop'],
  'Add two Bamboo Spoon Sets to my cart.': ["click [{link 'Bamboo Spoon Set'}]", "type [{textbox 'Quantity'}] [2] [1]", 'stop'],
  'How many orders are pending?': ['stop [1]'],
  'Change the price of the Desk Lamp to $24.50.': [
    "click [{link 'Products'}]",
    "click [{link 'Desk Lamp'}]",
    "click [{textbox 'Price'}]",
    'press [Control+a]',
    'press [Backspace]',
    "type [{textbox 'Price'}] [24.50]",
    'stop',
  ],
  'Mark order #1003 as shipped and stay on its page.': ["click [{link 'Orders'}]", "click [{link '#1003'}]", "click [{button 'Mark as shipped'}]", 'stop'],
  'Which product has the lowest stock?': ["click [{link 'Products'}]", 'stop [Wool Blanket]'],
  "Who wrote the post 'Best sci-fi of the decade' in the books forum?": ["click [{link 'books'}]", 'stop [bookworm42]'],
  'How many comments does the most upvoted post in the gaming forum have?': ["click [{link 'gaming'}]", 'stop [4]'],
  'Open the science forum.': ["click [{link 'science'}]", 'stop'],
  "Reply 'Count me in!' to the post 'Weekly reading challenge' in the books forum.": [
    `goto [${FORUM}/f/books/2]`,
    "type [{textbox 'Comment'}] [Count me in!] [0]",
    "click [{button 'Post comment'}]",
    'stop',
  ],
  "Submit a post titled 'Looking for co-op games' with the body 'Any suggestions for two players?' to the gaming forum.": [
    `goto [${FORUM}/f/gaming/submit]`,
    "type [{textbox 'Title'}] [Looking for co-op games] [0]",
    "type [{textbox 'Body'}] [Any suggestions for two players?] [0]",
    "click [{button 'Submit'}]",
    'stop',
  ],
};

/** The objectives the oracle can solve (a test checks they are the demo tasks' intents). */
export const ORACLE_OBJECTIVES = Object.keys(SCRIPTS);

/** `{role 'name'}` → the id of the first such element in the observation, or `?` when absent. */
function resolve(step: string, observation: string): string {
  return step.replace(/\{(\w+) '([^']*)'\}/g, (_, role: string, name: string) => {
    const line = observation.split('\n').find((l) => l.trimStart().includes(`] ${role} '${name}'`));
    return /\[(\d+)\]/.exec(line ?? '')?.[1] ?? '?';
  });
}

export class WebArenaOracle implements ObservationOracle {
  private script: string[] | null = null;
  private at = 0;

  next(observation: string): string {
    if (!this.script) {
      const objective = /^OBJECTIVE: (.*)$/m.exec(observation)?.[1] ?? '';
      this.script = SCRIPTS[objective] ?? ['stop [N/A]'];
    }
    const step = this.script[Math.min(this.at++, this.script.length - 1)];
    return resolve(step, observation);
  }
}
