/**
 * Academia's offline world and tools: a DBLP-like PaperNet (papers, undirected citation links) and
 * AuthorNet (authors, co-authorship edges carrying the shared papers), with the result and error
 * texts of Toolusage's academia_tools.py. Built by scripts/data/academia.ts.
 */
import type { ToolSuite } from '../tools/engine.ts';
import { dict, int, pyStr, type PyValue } from '../tools/py.ts';

export interface Paper {
  title: string;
  authors: string[];
  year: number;
  venue: string;
  n_citation: number;
  keywords: string[];
  doc_type: string;
}

/** The world as shipped in static-data/tools-academia.json. */
export interface AcademiaData {
  papers: Paper[];
  /** Citation links as pairs of indices into `papers`. */
  citations: [number, number][];
  /** Author name -> organisation. */
  orgs: Record<string, string>;
}

/** The graphs with their adjacency in insertion order (networkx's neighbour order). */
export class AcademiaWorld {
  readonly papers = new Map<string, Paper>();
  readonly paperLinks = new Map<string, string[]>();
  readonly orgs = new Map<string, string>();
  /** author -> collaborator -> titles of shared papers. */
  readonly coauthors = new Map<string, Map<string, string[]>>();

  constructor(data: AcademiaData) {
    for (const p of data.papers) {
      this.papers.set(p.title, p);
      this.paperLinks.set(p.title, []);
    }
    for (const [a, b] of data.citations) {
      const [x, y] = [data.papers[a].title, data.papers[b].title];
      this.paperLinks.get(x)!.push(y);
      this.paperLinks.get(y)!.push(x);
    }
    for (const [name, org] of Object.entries(data.orgs)) {
      this.orgs.set(name, org);
      this.coauthors.set(name, new Map());
    }
    for (const p of data.papers) {
      for (const a of p.authors) {
        for (const b of p.authors) {
          if (a === b) continue;
          const edges = this.coauthors.get(a);
          if (!edges) throw new Error(`Author ${a} of "${p.title}" has no organisation`);
          edges.set(b, [...(edges.get(b) ?? []), p.title]);
        }
      }
    }
  }
}

interface State {
  world: AcademiaWorld;
  paperNet: boolean;
  authorNet: boolean;
}

const ok = (result: PyValue) => ({ ok: true, result });
const fail = (result: string) => ({ ok: false, result });

/** `node not in dictionary.keys()`: any value may be looked up; only strings can be names. */
function nodeName(v: PyValue): string | null {
  return typeof v === 'string' ? v : null;
}

function paperNode(p: Paper): PyValue {
  return dict({ authors: [...p.authors], year: int(p.year), venue: p.venue, n_citation: int(p.n_citation), keywords: [...p.keywords], doc_type: p.doc_type });
}

export function academiaSuite(world: AcademiaWorld): ToolSuite<State> {
  const noNode = (v: PyValue, net: string) => fail(`There is no node named ${pyStr(v)} in the ${net}.`);
  return {
    validActions: ['loadPaperNet', 'loadAuthorNet', 'neighbourCheck', 'paperNodeCheck', 'authorNodeCheck', 'authorEdgeCheck', 'paperEdgeCheck', 'check_valid_actions', 'finish'],
    start: () => ({ world, paperNet: false, authorNet: false }),
    tools: {
      loadPaperNet: { args: [], run: (_, s) => ((s.paperNet = true), ok('PaperNet is loaded.')) },
      loadAuthorNet: { args: [], run: (_, s) => ((s.authorNet = true), ok('AuthorNet is loaded.')) },
      neighbourCheck: { args: ['graph', 'node'], run: neighbours },
      neighborCheck: { args: ['graph', 'node'], run: neighbours },
      paperNodeCheck: {
        args: ['node'],
        run: ([node], s) => {
          if (!s.paperNet) return fail('Please load the PaperNet first.');
          const p = s.world.papers.get(nodeName(node) ?? '');
          return p ? ok(paperNode(p)) : noNode(node, 'PaperNet');
        },
      },
      authorNodeCheck: {
        args: ['node'],
        run: ([node], s) => {
          if (!s.authorNet) return fail('Please load the AuthorNet first.');
          const name = nodeName(node);
          const org = name === null ? undefined : s.world.orgs.get(name);
          return org === undefined ? noNode(node, 'AuthorNet') : ok(dict({ name: name!, org }));
        },
      },
      authorEdgeCheck: {
        args: ['node1', 'node2'],
        // The edge lists the shared papers (by title, as Toolusage maps them back from ids).
        run: ([a, b], s) => edgeCheck('AuthorNet', a, b, s, (x, y) => {
          const papers = s.world.coauthors.get(x)!.get(y);
          return papers && dict({ collaborative_papers: [...papers] });
        }),
      },
      paperEdgeCheck: {
        args: ['node1', 'node2'],
        // Citation links carry no attributes in our graph (AgentBoard's are not documented).
        run: ([a, b], s) => edgeCheck('PaperNet', a, b, s, (x, y) => (s.world.paperLinks.get(x)!.includes(y) ? dict({}) : undefined)),
      },
    },
  };
}

/** The edge checks' shared steps: graph loaded, both nodes known, then the edge or its absence. */
function edgeCheck(net: 'PaperNet' | 'AuthorNet', a: PyValue, b: PyValue, s: State, edge: (x: string, y: string) => PyValue | undefined) {
  if (!(net === 'PaperNet' ? s.paperNet : s.authorNet)) return fail(`Please load the ${net} first.`);
  const known = (v: PyValue) => typeof v === 'string' && (net === 'PaperNet' ? s.world.paperLinks : s.world.coauthors).has(v);
  if (!known(a)) return fail(`There is no node named ${pyStr(a)} in the ${net}.`);
  if (!known(b)) return fail(`There is no node named ${pyStr(b)} in the ${net}.`);
  const found = edge(a as string, b as string);
  return found === undefined ? fail(`There is no edge between ${pyStr(a)} and ${pyStr(b)}.`) : ok(found);
}

function neighbours([graph, node]: PyValue[], s: State) {
  if (graph === 'PaperNet' && !s.paperNet) return fail('Please load the PaperNet first.');
  if (graph === 'AuthorNet' && !s.authorNet) return fail('Please load the AuthorNet first.');
  const name = nodeName(node) ?? '';
  if (graph === 'PaperNet') {
    const links = s.world.paperLinks.get(name);
    return links ? ok([...links]) : fail(`There is no node named ${pyStr(node)} in the PaperNet.`);
  }
  if (graph === 'AuthorNet') {
    const edges = s.world.coauthors.get(name);
    return edges ? ok([...edges.keys()]) : fail(`There is no node named ${pyStr(node)} in the AuthorNet.`);
  }
  // Any other graph name reaches an unassigned local in AgentGym, caught as a failed call (Python 3.11 text).
  return fail("UnboundLocalError(cannot access local variable 'dictionary' where it is not associated with a value)");
}
