/**
 * WebArena task configs (the `config_files/test.raw.json` format): validation, and the placeholders
 * (`__SHOPPING__`, `__REDDIT__`...) replaced with the base URLs of the sites in use.
 */
import { readFileSync } from 'node:fs';

export interface ProgramHtmlTarget {
  url: string;
  locator: string;
  required_contents: { exact_match: string } | { must_include: string[] };
  prep_actions?: string[];
}

export interface TaskEval {
  eval_types: ('string_match' | 'url_match' | 'program_html')[];
  reference_answers: { exact_match?: string; must_include?: string[]; fuzzy_match?: string[] | 'N/A' } | null;
  reference_url: string | null;
  program_html: ProgramHtmlTarget[];
  string_note?: string;
  url_note?: string;
}

export interface TaskConfig {
  task_id: number;
  sites: string[];
  start_url: string;
  intent: string;
  eval: TaskEval;
}

const EVAL_TYPES = new Set(['string_match', 'url_match', 'program_html']);

/** Checks the fields this proxy uses; a bad file fails loudly at start, naming the task. */
export function parseTasks(json: unknown): TaskConfig[] {
  if (!Array.isArray(json)) throw new Error('Task configs must be a JSON array');
  return json.map((t: unknown, i) => {
    const bad = (what: string) => new Error(`Task config ${i}: ${what}`);
    if (typeof t !== 'object' || t === null) throw bad('not an object');
    const task = t as TaskConfig;
    if (typeof task.intent !== 'string' || typeof task.start_url !== 'string') throw bad('needs string intent and start_url');
    const ev = task.eval;
    if (typeof ev !== 'object' || ev === null || !Array.isArray(ev.eval_types) || !ev.eval_types.every((e) => EVAL_TYPES.has(e))) {
      throw bad('eval.eval_types must list string_match, url_match or program_html');
    }
    if (ev.eval_types.includes('string_match') && (typeof ev.reference_answers !== 'object' || !ev.reference_answers)) throw bad('string_match needs reference_answers');
    if (ev.eval_types.includes('url_match') && typeof ev.reference_url !== 'string') throw bad('url_match needs reference_url');
    if (ev.eval_types.includes('program_html') && !Array.isArray(ev.program_html)) throw bad('program_html needs targets');
    return task;
  });
}

export function loadTasks(path: string): TaskConfig[] {
  return parseTasks(JSON.parse(readFileSync(path, 'utf8')));
}

export const DEMO_TASKS_PATH = new URL('./tasks/demo.raw.json', import.meta.url);

/** The task with every placeholder (`__SHOPPING__`...) replaced by its site URL; an unknown one is an error. */
export function instantiate(task: TaskConfig, urls: Record<string, string>): TaskConfig {
  const text = JSON.stringify(task).replace(/__[A-Z]+(?:_[A-Z]+)*__/g, (ph) => {
    if (!Object.hasOwn(urls, ph)) throw new Error(`Task ${task.task_id}: no URL configured for ${ph}`);
    return JSON.stringify(urls[ph]).slice(1, -1);
  });
  return JSON.parse(text) as TaskConfig;
}
