/**
 * One WebShop episode (WebShop's WebAgentTextEnv in text mode, as AgentGym runs it): item i is
 * goal i of the shop's shuffled goals; `search[...]` works from any page, `click[...]` takes one
 * of the page's clickables; anything else leaves the page as it is with reward 0; `Buy Now` ends
 * the episode with WebShop's reward.
 */
import type { Env, Picture, StepResult } from '../contract.ts';
import { clickables, pageText, type Clickable, type Page, type PageContext } from './pages.ts';
import { shopPicture } from './picture.ts';
import type { Goal } from './products.ts';
import { getReward } from './reward.ts';
import type { Shop } from './shop.ts';

/** WebShop's parse_action: `re.match(r'(.+)\[(.+)\]', action)`; Python's `.` stops only at "\n". */
export function parseAction(action: string): { name: string; arg: string } | null {
  const m = /^([^\n]+)\[([^\n]+)\]/.exec(action);
  return m ? { name: m[1], arg: m[2].toLowerCase() } : null;
}

const SUB_PAGES = { description: 'Description', features: 'Features', reviews: 'Reviews' } as const;

export class WebShopEnv implements Env {
  private goal: Goal | null = null;
  private page: Page = { kind: 'search' };
  /** Chosen options, name -> value, in the order first chosen (a Python dict). */
  private options: Record<string, string> = {};

  constructor(private readonly shop: Shop) {}

  get currentGoal(): Goal | null {
    return this.goal;
  }

  private get ctx(): PageContext {
    return {
      instruction: this.goal?.instructionText ?? '',
      product: (asin) => this.shop.product(asin),
      results: (keywords) => this.shop.search(keywords),
    };
  }

  reset(index: number): string {
    const goal = this.shop.goals[index];
    if (!goal) throw new Error(`Item index ${index} out of range for webshop (0..${this.shop.goals.length - 1})`);
    this.goal = goal;
    this.page = { kind: 'search' };
    this.options = {};
    return this.observation();
  }

  observation(): string {
    return pageText(this.page, this.ctx);
  }

  /** The page's clickables as actions (the search bar takes free text, so it is not listed). */
  availableActions(): string[] {
    return [...clickables(this.page, this.ctx).keys()].filter((c) => c !== 'search').map((c) => `click[${c}]`);
  }

  /** AgentGym's GET /available_actions. */
  clickableState(): { has_search_bar: boolean; clickables: string[] } {
    return { has_search_bar: this.page.kind === 'search', clickables: [...clickables(this.page, this.ctx).keys()] };
  }

  picture(): Picture {
    return shopPicture(this.page, this.ctx, this.options);
  }

  detail(): Record<string, unknown> {
    return { goal: this.goal, page: this.page, options: this.options };
  }

  step(action: string): StepResult {
    const parsed = parseAction(action);
    if (parsed?.name === 'search') return this.go({ kind: 'results', keywords: parsed.arg, page: 1 });
    const target = parsed?.name === 'click' && parsed.arg !== 'search' ? clickables(this.page, this.ctx).get(parsed.arg) : undefined;
    if (!target) return { observation: this.observation(), reward: 0, done: false, info: { valid: false, hint: this.hint(parsed) } };
    return this.click(target);
  }

  private hint(parsed: { name: string; arg: string } | null): string {
    if (!parsed) return 'Actions are search[keywords] or click[value], nothing before them.';
    if (parsed.name !== 'click') return `"${parsed.name}" is neither search nor click.`;
    return `"${parsed.arg}" is not clickable on this page.`;
  }

  /** Show `page`; a new search or the search page forgets the product and its options. */
  private go(page: Page): StepResult {
    if (page.kind === 'search' || page.kind === 'results') this.options = {};
    this.page = page;
    return { observation: this.observation(), reward: 0, done: false, info: { valid: true } };
  }

  private click(c: Clickable): StepResult {
    const page = this.page;
    if ('asin' in c) return page.kind === 'results' ? this.go({ ...page, kind: 'item', asin: c.asin }) : this.go(page);
    if ('option' in c) {
      this.options[c.option] = c.value;
      return this.go(page);
    }
    if (c.button === 'back to search') return this.go({ kind: 'search' });
    if (page.kind === 'results') return this.go({ ...page, page: page.page + (c.button === 'next >' ? 1 : -1) });
    if (page.kind === 'sub') return this.go({ kind: 'item', keywords: page.keywords, page: page.page, asin: page.asin });
    if (page.kind !== 'item') return this.go(page);
    if (c.button === '< prev') return this.go({ kind: 'results', keywords: page.keywords, page: page.page });
    if (c.button === 'buy now') return this.buy(page.asin);
    return this.go({ ...page, kind: 'sub', sub: SUB_PAGES[c.button as keyof typeof SUB_PAGES] });
  }

  private buy(asin: string): StepResult {
    const product = this.shop.product(asin);
    const parts = getReward(product, this.goal!, product.price, this.options);
    this.page = { kind: 'done', asin, options: { ...this.options }, reward: parts.reward };
    return { observation: this.observation(), reward: parts.reward, done: true, info: { valid: true, reward: parts } };
  }
}
