/**
 * A shop: its products, their search index and the goals over them, built once per worker from
 * WebShop-format files (the built-in catalogue or the user's own), shared by every episode.
 */
import { syntheticGoals } from './goals.ts';
import { loadProducts, type Goal, type Product, type RawAttributes, type RawProduct } from './products.ts';
import { SearchIndex, indexedText } from './search.ts';

export class Shop {
  readonly products: Product[];
  readonly goals: Goal[];
  private readonly byAsin: Map<string, Product>;
  private readonly index: SearchIndex;
  /** Search hits per query: an episode re-runs its query on every results page it shows. */
  private readonly hits = new Map<string, Product[]>();
  private byInstruction: Map<string, Goal> | null = null;

  constructor(raw: readonly RawProduct[], attrs: Readonly<Record<string, RawAttributes>>, limit?: number) {
    this.products = loadProducts(raw, attrs, limit);
    this.byAsin = new Map(this.products.map((p) => [p.asin, p]));
    this.index = new SearchIndex(this.products.map(indexedText));
    this.goals = syntheticGoals(this.products);
  }

  product(asin: string): Product {
    const p = this.byAsin.get(asin);
    if (!p) throw new Error(`No product ${asin}`);
    return p;
  }

  /** The first goal with this instruction text (goals sharing a text ask for the same things). */
  goalFor(instruction: string): Goal | undefined {
    if (!this.byInstruction) {
      this.byInstruction = new Map();
      for (const g of this.goals) if (!this.byInstruction.has(g.instructionText)) this.byInstruction.set(g.instructionText, g);
    }
    return this.byInstruction.get(instruction);
  }

  search(keywords: string): readonly Product[] {
    let found = this.hits.get(keywords);
    if (!found) {
      found = this.index.search(keywords).map((i) => this.products[i]);
      // Bounded: a long-lived worker must not grow without limit on an agent's endless queries.
      if (this.hits.size > 1000) this.hits.clear();
      this.hits.set(keywords, found);
    }
    return found;
  }
}
