/**
 * WebArena's evaluators (evaluation_harness/evaluators.py): string_match on the stop answer,
 * url_match on the final URL, program_html on page content; the reward is their product. Each
 * check's verdict is kept so a person can see why an episode scored what it did.
 *
 * Not here: fuzzy_match and the N/A reason judge need an LLM (WebArena calls GPT-4); a fuzzy
 * reference scores 0 with a verdict saying so, except "N/A" answered exactly "N/A", which WebArena
 * also accepts without the judge. `func:` URLs and locators (Python helpers querying the sites' APIs)
 * are unsupported and score 0.
 */
import type { Page } from 'playwright-core';
import type { ProgramHtmlTarget, TaskConfig } from './tasks.ts';

export interface Verdict {
  evaluator: 'string_match' | 'url_match' | 'program_html';
  check: string;
  pass: boolean;
  detail: string;
}

/** StringEvaluator.clean_answer: strip, one pair of outer quotes off, lower case. */
export function cleanAnswer(s: string): string {
  let a = s.trim();
  if ((a.startsWith("'") && a.endsWith("'")) || (a.startsWith('"') && a.endsWith('"'))) a = a.slice(1, -1);
  return a.toLowerCase();
}

export const exactMatch = (ref: string, pred: string) => cleanAnswer(pred) === cleanAnswer(ref);

/**
 * must_include; with `tokenize` (a list of one phrase) a one-character reference must be a whole
 * word token, so "0" is not found in "10". NLTK's word_tokenize is approximated by splitting into
 * runs of word characters and single other non-space characters.
 */
export function mustInclude(ref: string, pred: string, tokenize: boolean): boolean {
  const r = cleanAnswer(ref);
  const p = cleanAnswer(pred);
  if (tokenize && r.length === 1) return (p.match(/\w+|[^\w\s]/g) ?? ([] as string[])).includes(r);
  return p.includes(r);
}

export function stringMatch(task: TaskConfig, answer: string): Verdict[] {
  const refs = task.eval.reference_answers ?? {};
  const out: Verdict[] = [];
  const v = (check: string, pass: boolean, detail: string) => out.push({ evaluator: 'string_match', check, pass, detail });
  if (refs.exact_match !== undefined) v('exact_match', exactMatch(refs.exact_match, answer), `answer ${JSON.stringify(answer)} vs ${JSON.stringify(refs.exact_match)}`);
  for (const phrase of refs.must_include ?? []) {
    v('must_include', mustInclude(phrase, answer, refs.must_include!.length === 1), `${JSON.stringify(phrase)} in ${JSON.stringify(answer)}`);
  }
  if (refs.fuzzy_match === 'N/A') {
    const pass = exactMatch('N/A', answer);
    v('fuzzy_match', pass, pass ? 'answered N/A' : 'N/A task: the reason judge needs an LLM, not available here');
  } else {
    for (const ref of refs.fuzzy_match ?? []) v('fuzzy_match', false, `needs an LLM judge (not available here) for ${JSON.stringify(ref)}`);
  }
  return out;
}

/** URLEvaluator "GOLD in PRED": host+path of some reference within the page's, and each reference query key present. */
export function urlMatch(task: TaskConfig, pageUrl: string): Verdict[] {
  const rule = task.eval.url_note || 'GOLD in PRED';
  if (rule !== 'GOLD in PRED') return [{ evaluator: 'url_match', check: rule, pass: false, detail: `unknown url_note ${rule}` }];
  const split = (u: string) => {
    const url = new URL(u.replace(/\/+$/, ''));
    return { base: url.host + url.pathname, query: url.searchParams };
  };
  const pred = split(pageUrl);
  const refs = (task.eval.reference_url ?? '').split(' |OR| ').map((u) => split(u));
  const baseOk = refs.some((r) => pred.base.includes(r.base));
  const wanted = new Map<string, Set<string>>();
  for (const r of refs) for (const [k, val] of r.query) wanted.set(k, (wanted.get(k) ?? new Set()).add(val));
  const queryOk = [...wanted].every(([k, vals]) => pred.query.getAll(k).some((x) => vals.has(x)));
  return [{ evaluator: 'url_match', check: 'GOLD in PRED', pass: baseOk && queryOk, detail: `${pageUrl} vs ${task.eval.reference_url}` }];
}

/** HTMLContentEvaluator: go to each target URL, select content, check it. */
export async function programHtml(task: TaskConfig, page: Page): Promise<Verdict[]> {
  const out: Verdict[] = [];
  for (const target of task.eval.program_html) {
    const selected = await select(target, page);
    if (selected === null) {
      out.push({ evaluator: 'program_html', check: target.locator || target.url, pass: false, detail: 'func: helpers are not supported' });
      continue;
    }
    const text = unescapeHtml(selected);
    const req = target.required_contents;
    if ('exact_match' in req) {
      out.push({ evaluator: 'program_html', check: 'exact_match', pass: exactMatch(req.exact_match, text), detail: `${JSON.stringify(clip(text))} vs ${JSON.stringify(req.exact_match)}` });
    } else {
      for (const content of req.must_include) {
        const pass = content.split(' |OR| ').some((alt) => mustInclude(alt, text, false));
        out.push({ evaluator: 'program_html', check: 'must_include', pass, detail: `${JSON.stringify(content)} in ${JSON.stringify(clip(text))}` });
      }
    }
  }
  return out;
}

/** The content a target selects, '' when the page is wrong, or null for an unsupported `func:`. */
async function select(target: ProgramHtmlTarget, page: Page): Promise<string | null> {
  if (target.url.startsWith('func:') || target.locator.startsWith('func:')) return null;
  if (target.url !== 'last') await page.goto(target.url, { waitUntil: 'load' }).catch(() => {});
  const locator = target.locator.trim();
  if (!locator) return page.content();
  if (!locator.startsWith('document.') && !locator.startsWith('[...document.')) return '';
  // The expressions come from the task config (trusted as WebArena trusts its own), run in the page.
  for (const prep of target.prep_actions ?? []) await page.evaluate(`(() => { ${prep} })()`).catch(() => {});
  try {
    const value: unknown = await page.evaluate(`(() => ${locator})()`);
    return value === null || value === undefined || value === '' ? '' : String(value);
  } catch {
    return '';
  }
}

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

/** Python's html.unescape for the entities pages commonly use. */
function unescapeHtml(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return named[e.toLowerCase()] ?? m;
  });
}

/** All of the task's evaluators; the reward is 1 only when every check passes. */
export async function evaluate(task: TaskConfig, answer: string, page: Page): Promise<{ reward: number; verdicts: Verdict[] }> {
  const verdicts: Verdict[] = [];
  // The URL is read before program_html navigates away from it.
  const finalUrl = page.url();
  for (const type of task.eval.eval_types) {
    if (type === 'string_match') verdicts.push(...stringMatch(task, answer));
    else if (type === 'url_match') verdicts.push(...urlMatch(task, finalUrl));
    else verdicts.push(...(await programHtml(task, page)));
  }
  return { reward: verdicts.length > 0 && verdicts.every((v) => v.pass) ? 1 : 0, verdicts };
}
