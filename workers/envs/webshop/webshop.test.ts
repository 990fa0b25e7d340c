import { describe, expect, it } from 'vitest';
import { nodeDataSource } from '../../node-data-source.ts';
import { module } from './index.ts';
import { syntheticShop } from './testdata/synthetic.ts';
import { parseAction, WebShopEnv } from './webshop.ts';

const small = syntheticShop();
const I = "Find me machine wash men's socks with cotton blend with color: black, and size: large, and price lower than 40.00 dollars";

/** Item 4 of the synthetic shop is the socks goal above. */
function socks(): WebShopEnv {
  const env = new WebShopEnv(small);
  env.reset(4);
  return env;
}

describe('WebShop pages', () => {
  it('prints every page as WebShop does, joined with [SEP]', () => {
    const env = socks();
    expect(env.observation()).toBe(`WebShop [SEP] Instruction: [SEP] ${I} [SEP] Search`);
    const results = env.step('search[cotton socks]').observation;
    expect(results.startsWith(`Instruction: [SEP] ${I} [SEP] Back to Search [SEP] Page 1 (Total results: `)).toBe(true);
    expect(results).toContain(') [SEP] Next > [SEP] B000000001 [SEP] Acme Cotton Crew Socks [SEP] $12.99');
    expect(env.step('click[B000000001]').observation).toBe(
      `Instruction: [SEP] ${I} [SEP] Back to Search [SEP] < Prev [SEP] color [SEP] black [SEP] white | gray [SEP] size [SEP] large [SEP] x-large [SEP] small [SEP] Acme Cotton Crew Socks [SEP] Price: $12.99 [SEP] Rating: N.A. [SEP] Description [SEP] Features [SEP] Reviews [SEP] Buy Now`,
    );
    expect(env.step('click[features]').observation).toBe(`Instruction: [SEP] ${I} [SEP] Back to Search [SEP] < Prev [SEP] Cotton blend [SEP] Machine wash`);
    env.step('click[< prev]');
    expect(env.step('click[description]').observation).toBe(`Instruction: [SEP] ${I} [SEP] Back to Search [SEP] < Prev [SEP] Soft socks.`);
    env.step('click[< prev]');
    expect(env.step('click[reviews]').observation).toBe(`Instruction: [SEP] ${I} [SEP] Back to Search [SEP] < Prev`);
  });

  it('keeps options across sub-pages, forgets them on a new search, and scores the purchase', () => {
    const env = socks();
    env.step('search[socks]');
    env.step('click[b000000001]');
    const item = env.observation();
    expect(env.step('click[black]')).toMatchObject({ observation: item, reward: 0, done: false, info: { valid: true } });
    env.step('click[White | Gray]');
    env.step('click[black]');
    env.step('click[large]');
    env.step('click[features]');
    env.step('click[< prev]');
    const done = env.step('click[Buy Now]');
    expect(done).toMatchObject({ reward: 1, done: true });
    expect(done.observation).toContain('[SEP] Purchased [SEP] asin [SEP] B000000001 [SEP] options [SEP] {"color": "black", "size": "large"} [SEP] attrs [SEP] None');
    expect(done.observation).toContain('[SEP] price upper [SEP] instuction text [SEP]');
    expect(done.observation.endsWith('[SEP] Your score (min 0.0, max 1.0) [SEP] 1.0 [SEP] Reward Details [SEP] None')).toBe(true);
    expect(env.availableActions()).toEqual([]);

    const again = socks();
    again.step('search[socks]');
    again.step('click[b000000001]');
    again.step('click[black]');
    again.step('click[large]');
    again.step('search[socks]');
    again.step('click[b000000001]');
    expect(again.step('click[buy now]').reward).toBe(3 / 5);
  });

  it('leaves the page as it is on anything that is not a valid search or click, with reward 0', () => {
    const env = socks();
    env.step('search[socks]');
    const page = env.observation();
    for (const bad of ['click[buy now]', 'click[search]', 'click[Back to Search ]', 'I think click[next >]', 'jump', 'search[]', 'Click[next >]', 'click[\nnext >]']) {
      expect(env.step(bad), bad).toMatchObject({ observation: page, reward: 0, done: false, info: { valid: false } });
    }
  });

  it("parses actions with WebShop's regex: greedy name, first line only, lower-cased argument", () => {
    expect(parseAction('click[Buy Now]')).toEqual({ name: 'click', arg: 'buy now' });
    expect(parseAction('search[a [b] c]')).toEqual({ name: 'search[a ', arg: 'b] c' });
    expect(parseAction('search[x]\nmore')).toEqual({ name: 'search', arg: 'x' });
    expect(parseAction('search[]')).toBeNull();
  });

  it('pages through at most 50 results, ten a page; Next > is always offered', async () => {
    const env = (await module.create(nodeDataSource)) as WebShopEnv;
    env.reset(0);
    const first = env.step('search[shorts]').observation;
    expect(first).toContain('Page 1 (Total results: 50) [SEP] Next > [SEP] ');
    expect(env.availableActions().slice(0, 2)).toEqual(['click[back to search]', 'click[next >]']);
    const second = env.step('click[next >]').observation;
    expect(second).toContain('Page 2 (Total results: 50) [SEP] < Prev [SEP] Next > [SEP] ');
    expect(env.availableActions()).toHaveLength(13);
    const asin = (page: string) => page.split(' [SEP] ')[7];
    expect(asin(second)).not.toBe(asin(first));
    for (let i = 0; i < 4; i++) env.step('click[next >]');
    expect(env.observation().endsWith('Page 6 (Total results: 50) [SEP] < Prev [SEP] Next >')).toBe(true);
    expect(env.step('search[zzzzqqq]').observation.endsWith('Page 1 (Total results: 0) [SEP] Next >')).toBe(true);
  });

  it('answers reset outside the goals with an out-of-range error', () => {
    expect(() => new WebShopEnv(small).reset(14)).toThrow('out of range');
  });
});

describe('WebShop picture', () => {
  it('shows the product with the chosen options marked', () => {
    const env = socks();
    env.step('search[socks]');
    env.step('click[b000000001]');
    env.step('click[x-large]');
    expect(env.picture()).toEqual({
      kind: 'text',
      title: 'Product B000000001 (chosen options in [brackets])',
      body: 'Acme Cotton Crew Socks\nPrice: $12.99\ncolor: black / white | gray\nsize: large / [x-large] / small',
    });
  });
});
