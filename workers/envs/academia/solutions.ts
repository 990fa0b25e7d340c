/**
 * Academia's reference solutions, one per goal template of AgentGym's 20 tasks: programs of tool
 * calls that read the graphs the way an agent would (an author's papers are found through the
 * co-authorship edges, since author nodes hold only name and org).
 */
import { ask, asList, field, templateSolver, type Template } from '../tools/program.ts';
import { int, type PyValue } from '../tools/py.ts';

const S = (v: PyValue) => v as string;
const N = (v: PyValue) => Number(v);

function* paper(title: string) {
  return yield* ask('paperNodeCheck', { node: title });
}

function* author(name: string) {
  return yield* ask('authorNodeCheck', { node: name });
}

function* collaborators(name: string) {
  return asList(yield* ask('neighbourCheck', { graph: 'AuthorNet', node: name })).map(S);
}

/** Every paper of an author, with its attributes, in the order the edges list them. */
function* papersOf(name: string) {
  yield* ask('loadAuthorNet');
  yield* ask('loadPaperNet');
  const titles: string[] = [];
  const shared = new Map<string, number>();
  for (const c of yield* collaborators(name)) {
    const papers = asList(field(yield* ask('authorEdgeCheck', { node1: name, node2: c }), 'collaborative_papers')).map(S);
    shared.set(c, papers.length);
    for (const t of papers) if (!titles.includes(t)) titles.push(t);
  }
  const attrs = new Map<string, PyValue>();
  for (const t of titles) attrs.set(t, yield* paper(t));
  return { attrs, shared };
}

/** The key with the highest count (first on ties). */
function top(counts: Map<string, number>): string {
  let best = '';
  let n = -Infinity;
  for (const [k, v] of counts) if (v > n) [best, n] = [k, v];
  return best;
}

function tally(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const Q = `'([^']+)'`;

const TEMPLATES: Template[] = [
  {
    pattern: /^How many mutual collaborators do (.+) and (.+) share\?/,
    *program([, a, b]) {
      yield* ask('loadAuthorNet');
      const x = yield* collaborators(a);
      const y = new Set(yield* collaborators(b));
      return int(x.filter((c) => y.has(c) && c !== a && c !== b).length);
    },
  },
  {
    pattern: /^Which paper by (.+) has the most citations/,
    *program([, a]) {
      const { attrs } = yield* papersOf(a);
      return top(new Map([...attrs].map(([t, p]) => [t, N(field(p, 'n_citation'))])));
    },
  },
  {
    pattern: /^Who are the co-authors with whom (.+) has written the paper that has the highest number of citations/,
    *program([, a]) {
      const { attrs } = yield* papersOf(a);
      const best = top(new Map([...attrs].map(([t, p]) => [t, N(field(p, 'n_citation'))])));
      return asList(field(attrs.get(best)!, 'authors')).filter((x) => x !== a);
    },
  },
  {
    pattern: /which venue has the most publications by (.+)\?$/,
    *program([, a]) {
      const { attrs } = yield* papersOf(a);
      return top(tally([...attrs.values()].map((p) => S(field(p, 'venue')))));
    },
  },
  {
    pattern: /^How many citations do papers co-authored by (.+) and (.+) have/,
    *program([, a, b]) {
      yield* ask('loadAuthorNet');
      yield* ask('loadPaperNet');
      let sum = 0;
      for (const t of asList(field(yield* ask('authorEdgeCheck', { node1: a, node2: b }), 'collaborative_papers'))) sum += N(field(yield* paper(S(t)), 'n_citation'));
      return int(sum);
    },
  },
  {
    pattern: /^Who has the most collaborations with (.+) in the/,
    *program([, a]) {
      const { shared } = yield* papersOf(a);
      return top(shared);
    },
  },
  {
    pattern: new RegExp(`^Which organizations were involved in the research titled ${Q}`),
    *program([, t]) {
      yield* ask('loadPaperNet');
      yield* ask('loadAuthorNet');
      const orgs: string[] = [];
      for (const a of asList(field(yield* paper(t), 'authors'))) {
        const org = S(field(yield* author(S(a)), 'org'));
        if (!orgs.includes(org)) orgs.push(org);
      }
      return orgs;
    },
  },
  {
    pattern: /^Which keyword does (.+) emphasize most frequently/,
    *program([, a]) {
      const { attrs } = yield* papersOf(a);
      return top(tally([...attrs.values()].flatMap((p) => asList(field(p, 'keywords')).map(S))));
    },
  },
  {
    pattern: new RegExp(`^Who wrote the paper titled ${Q}`),
    *program([, t]) {
      yield* ask('loadPaperNet');
      return field(yield* paper(t), 'authors');
    },
  },
  {
    pattern: new RegExp(`^Do the authors of ${Q} and ${Q} have any overlap`),
    *program([, t1, t2]) {
      yield* ask('loadPaperNet');
      const a = asList(field(yield* paper(t1), 'authors'));
      const b = asList(field(yield* paper(t2), 'authors'));
      return yesNo(a.some((x) => b.includes(x)));
    },
  },
  {
    pattern: /^Which organizations is (.+) affiliated with\?/,
    *program([, a]) {
      yield* ask('loadAuthorNet');
      return field(yield* author(a), 'org');
    },
  },
  {
    pattern: /^Is (.+) affiliated with the same organization as (.+)\?/,
    *program([, a, b]) {
      yield* ask('loadAuthorNet');
      return yesNo(field(yield* author(a), 'org') === field(yield* author(b), 'org'));
    },
  },
  {
    pattern: new RegExp(`^How many papers within the DBLP citation network reference the work titled ${Q}`),
    *program([, t]) {
      yield* ask('loadPaperNet');
      return int(asList(yield* ask('neighbourCheck', { graph: 'PaperNet', node: t })).length);
    },
  },
  {
    pattern: new RegExp(`^Which paper has received more citations: ${Q} or ${Q}\\?`),
    *program([, t1, t2]) {
      yield* ask('loadPaperNet');
      const a = N(field(yield* paper(t1), 'n_citation'));
      return a >= N(field(yield* paper(t2), 'n_citation')) ? t1 : t2;
    },
  },
  {
    pattern: new RegExp(`^Which paper was published first: ${Q} or ${Q}\\?`),
    *program([, t1, t2]) {
      yield* ask('loadPaperNet');
      const a = N(field(yield* paper(t1), 'year'));
      return a <= N(field(yield* paper(t2), 'year')) ? t1 : t2;
    },
  },
  {
    pattern: new RegExp(`^(?:Is the article ${Q} from the same publication venue as ${Q}|Are the articles ${Q} and ${Q} published in the same venue and in the same year)`),
    *program(m) {
      const sameYear = m[3] !== undefined;
      yield* ask('loadPaperNet');
      const a = yield* paper(m[1] ?? m[3]);
      const b = yield* paper(m[2] ?? m[4]);
      const same = field(a, 'venue') === field(b, 'venue') && (!sameYear || N(field(a, 'year')) === N(field(b, 'year')));
      return yesNo(same);
    },
  },
  {
    pattern: new RegExp(`^Are ${Q} and ${Q} both conference papers\\?`),
    *program([, t1, t2]) {
      yield* ask('loadPaperNet');
      const a = field(yield* paper(t1), 'doc_type');
      return yesNo(a === 'Conference' && field(yield* paper(t2), 'doc_type') === 'Conference');
    },
  },
  {
    pattern: /^(?:Who are the collaborators of (.+) from the same organization as him|Of (.+)'s collaborators, who are from different organizations than)/,
    *program(m) {
      const same = m[1] !== undefined;
      const a = m[1] ?? m[2];
      yield* ask('loadAuthorNet');
      const org = field(yield* author(a), 'org');
      const out: string[] = [];
      for (const c of yield* collaborators(a)) if ((field(yield* author(c), 'org') === org) === same) out.push(c);
      return out;
    },
  },
];

export const solveAcademia = templateSolver(TEMPLATES);
