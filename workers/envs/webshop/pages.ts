/**
 * The shop's pages as WebShop's text mode shows them: the visible text nodes of each rendered
 * page, stripped and joined with " [SEP] ", and the page's clickables (its buttons, product links
 * and option values, lower-cased, in document order).
 */
import { pyFloat, type Product } from './products.ts';

export const PAGE_SIZE = 10;
export type SubPage = 'Description' | 'Features' | 'Reviews';

export type Page =
  | { kind: 'search' }
  | { kind: 'results'; keywords: string; page: number }
  | { kind: 'item'; keywords: string; page: number; asin: string }
  | { kind: 'sub'; keywords: string; page: number; asin: string; sub: SubPage }
  | { kind: 'done'; asin: string; options: Record<string, string>; reward: number };

/** What a page needs besides its own state. */
export interface PageContext {
  instruction: string;
  product(asin: string): Product;
  /** The hits for `keywords`, best first (at most 50). */
  results(keywords: string): readonly Product[];
}

/** What clicking a clickable does: a named button, a product link or an option value. */
export type Clickable = { button: string } | { asin: string } | { option: string; value: string };

const join = (parts: readonly string[]) => parts.map((p) => p.trim()).filter((p) => p !== '').join(' [SEP] ');

/** Python's json.dumps of a str -> str dict (", " and ": " separators, non-ASCII escaped). */
function pyJson(d: Readonly<Record<string, string>>): string {
  const str = (s: string) => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `{${Object.entries(d).map(([k, v]) => `${str(k)}: ${str(v)}`).join(', ')}}`;
}


export function pageText(page: Page, ctx: PageContext): string {
  const head = ['Instruction:', ctx.instruction];
  switch (page.kind) {
    case 'search':
      return join(['WebShop', ...head, 'Search']);
    case 'results': {
      const hits = ctx.results(page.keywords);
      const shown = hits.slice((page.page - 1) * PAGE_SIZE, page.page * PAGE_SIZE);
      return join([
        ...head,
        'Back to Search',
        `Page ${page.page} (Total results: ${hits.length})`,
        ...(page.page > 1 ? ['< Prev'] : []),
        'Next >',
        ...shown.flatMap((p) => [p.asin, p.title, p.priceTag]),
      ]);
    }
    case 'item': {
      const p = ctx.product(page.asin);
      return join([
        ...head,
        'Back to Search',
        '< Prev',
        ...p.options.flatMap(([name, values]) => [name, ...values]),
        p.title,
        `Price: ${p.priceTag}`,
        'Rating: N.A.',
        'Description',
        'Features',
        'Reviews',
        'Buy Now',
      ]);
    }
    case 'sub': {
      const p = ctx.product(page.asin);
      const body = page.sub === 'Description' ? [p.description] : page.sub === 'Features' ? p.bulletPoints : [];
      return join([...head, 'Back to Search', '< Prev', ...body]);
    }
    case 'done':
      return join([
        'Thank you for shopping with us!', 'Your code:', 'None', '(Paste it in your MTurk interface.)',
        'Purchased', 'asin', page.asin, 'options', pyJson(page.options),
        'attrs', 'None', 'category', 'None', 'query', 'None', 'product category', 'None',
        'Target', 'asin', 'options', 'attrs', 'price upper', 'instuction text', 'category', 'product category', 'query',
        'Goal', 'None', 'Reward', 'Your score (min 0.0, max 1.0)', pyFloat(page.reward), 'Reward Details', 'None',
      ]);
  }
}

/**
 * The page's clickables, keyed by their lower-cased text. As WebShop's dict, a later element with
 * the same text replaces an earlier one (an option value named like a button wins).
 */
export function clickables(page: Page, ctx: PageContext): Map<string, Clickable> {
  const out = new Map<string, Clickable>();
  const buttons = (...names: string[]) => names.forEach((b) => out.set(b, { button: b }));
  switch (page.kind) {
    case 'search':
      buttons('search');
      break;
    case 'results': {
      buttons('back to search', ...(page.page > 1 ? ['< prev'] : []), 'next >');
      const shown = ctx.results(page.keywords).slice((page.page - 1) * PAGE_SIZE, page.page * PAGE_SIZE);
      for (const p of shown) out.set(p.asin.toLowerCase(), { asin: p.asin });
      break;
    }
    case 'item':
      buttons('back to search', '< prev', 'description', 'features', 'reviews', 'buy now');
      for (const [option, values] of ctx.product(page.asin).options) for (const value of values) out.set(value, { option, value });
      break;
    case 'sub':
      buttons('back to search', '< prev');
      break;
    case 'done':
      break;
  }
  return out;
}
