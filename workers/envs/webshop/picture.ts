/**
 * The shop page for people, beside the agent's [SEP] text: one line per element, and the options
 * chosen so far marked (WebShop's text does not show them).
 */
import type { TextPicture } from '../contract.ts';
import { PAGE_SIZE, type Page, type PageContext } from './pages.ts';

export function shopPicture(page: Page, ctx: PageContext, chosen: Readonly<Record<string, string>>): TextPicture {
  switch (page.kind) {
    case 'search':
      return { kind: 'text', title: 'Search page', body: 'search[your keywords]' };
    case 'results': {
      const hits = ctx.results(page.keywords);
      const shown = hits.slice((page.page - 1) * PAGE_SIZE, page.page * PAGE_SIZE);
      const lines = shown.map((p) => `${p.asin}  ${p.priceTag}\n  ${p.title}`);
      return { kind: 'text', title: `"${page.keywords}": page ${page.page}, ${hits.length} results`, body: lines.join('\n') || '(no products on this page)' };
    }
    case 'item':
    case 'sub': {
      const p = ctx.product(page.asin);
      const options = p.options.map(([name, values]) => `${name}: ${values.map((v) => (chosen[name] === v ? `[${v}]` : v)).join(' / ')}`);
      const body = [p.title, `Price: ${p.priceTag}`, ...options];
      if (page.kind === 'sub') body.push('', `${page.sub}:`, ...(page.sub === 'Description' ? [p.description] : page.sub === 'Features' ? p.bulletPoints : ['(none)']));
      return { kind: 'text', title: `Product ${p.asin}${options.length ? ' (chosen options in [brackets])' : ''}`, body: body.join('\n') };
    }
    case 'done': {
      const options = Object.entries(page.options).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none';
      return { kind: 'text', title: 'Bought', body: `${page.asin} with options ${options}\nReward ${page.reward}` };
    }
  }
}
