/**
 * BIRD's or Spider's dev set from the user's files: the questions (BIRD `dev.json`: db_id,
 * question, evidence, SQL, difficulty; Spider `dev.json`: db_id, question, query), the tables
 * file (BIRD `dev_tables.json`, Spider `tables.json`) and one `<db_id>.sqlite` per database
 * (`dev_databases/<db>/` or `database/<db>/`). Questions are stored in BIRD's shape, so the env
 * reads both alike; item ids follow AgentGym's sqlgym (BIRD dev from 9428, after train's 9,428).
 */
import type { BirdQuestion } from '../envs/bird/data.ts';
import type { UserDataset } from './dataset.ts';
import { baseName, DatasetError, fingerprint, kindOf, memoryFile, Problems, readJson, type DroppedFile } from './files.ts';
import type { Imported } from './import.ts';

/** sqlgym's item ids: BIRD train 0..9427, dev from 9428 (reference, part B §2.6). */
export const BIRD_DEV_FIRST_ITEM = 9428;
const BIRD_DEV_QUESTIONS = 1534;
const DIFFICULTIES = new Set(['simple', 'moderate', 'challenging']);
const SQLITE_MAGIC = 'SQLite format 3\0';

const isStrings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isColumns = (v: unknown) => Array.isArray(v) && v.every((c) => Array.isArray(c) && c.length === 2 && Number.isInteger(c[0]) && typeof c[1] === 'string');

function checkQuestions(raw: unknown, file: string, spider: boolean, problems: Problems): BirdQuestion[] {
  if (!Array.isArray(raw)) {
    problems.add(file, `must be a list of questions, not ${kindOf(raw)}`);
    return [];
  }
  const sqlField = spider ? 'query' : 'SQL';
  return raw.flatMap((q, i): BirdQuestion[] => {
    const at = `question ${i}`;
    if (!q || typeof q !== 'object' || Array.isArray(q)) {
      problems.add(file, `${at} is ${kindOf(q)}, not an object`);
      return [];
    }
    const r = q as Record<string, unknown>;
    const fields = spider ? ['db_id', 'question', 'query'] : ['db_id', 'question', 'evidence', 'SQL'];
    const bad = fields.filter((f) => typeof r[f] !== 'string');
    for (const f of bad) problems.add(file, `${at}: "${f}" must be a string, not ${kindOf(r[f])}${f === 'query' && typeof r.SQL === 'string' ? ' (this looks like BIRD: give BIRD\'s dev_tables.json, not tables.json)' : ''}`);
    if (!spider && r.difficulty !== undefined && !DIFFICULTIES.has(r.difficulty as string)) problems.add(file, `${at}: "difficulty" must be simple, moderate or challenging`);
    if (bad.length) return [];
    const out: BirdQuestion = { question_id: i, db_id: r.db_id as string, question: r.question as string, evidence: spider ? '' : (r.evidence as string), SQL: r[sqlField] as string };
    if (typeof r.difficulty === 'string') out.difficulty = r.difficulty as BirdQuestion['difficulty'];
    return [out];
  });
}

function checkTables(raw: unknown, file: string, problems: Problems): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(raw)) {
    problems.add(file, `must be a list of database schemas, not ${kindOf(raw)}`);
    return ids;
  }
  raw.forEach((t, i) => {
    const r = (t && typeof t === 'object' ? t : {}) as Record<string, unknown>;
    const at = typeof r.db_id === 'string' ? `schema "${r.db_id}"` : `schema ${i}`;
    if (typeof r.db_id !== 'string') return problems.add(file, `${at}: "db_id" must be a string`);
    const wrong = [
      !isStrings(r.table_names) && 'table_names',
      !isStrings(r.table_names_original) && 'table_names_original',
      !isColumns(r.column_names) && 'column_names',
      !isColumns(r.column_names_original) && 'column_names_original',
      !Array.isArray(r.primary_keys) && 'primary_keys',
      !(Array.isArray(r.foreign_keys) && r.foreign_keys.every((k) => Array.isArray(k) && k.length === 2 && k.every(Number.isInteger))) && 'foreign_keys',
    ].filter(Boolean);
    if (wrong.length) return problems.add(file, `${at}: ${wrong.join(', ')} missing or not in Spider/BIRD's format`);
    ids.add(r.db_id);
  });
  return ids;
}

/**
 * `questions` is dev.json; `tables` dev_tables.json (BIRD) or tables.json (Spider); `databases`
 * every .sqlite file that came along, by file name.
 */
export async function importBird(kind: 'bird-dev' | 'spider-dev', questions: DroppedFile, tables: DroppedFile, databases: ReadonlyMap<string, DroppedFile>): Promise<Imported> {
  const spider = kind === 'spider-dev';
  const problems = new Problems();
  const qs = checkQuestions(await readJson(questions), questions.path, spider, problems);
  const tableBytes = await tables.read();
  const schemas = checkTables(await readJson(tables), tables.path, problems);
  problems.check();
  if (qs.length === 0) throw new DatasetError([`${questions.path}: has no questions`]);

  const folder = spider ? 'database/<db_id>/' : 'dev_databases/<db_id>/';
  const needed = new Map<string, number>();
  for (const q of qs) needed.set(q.db_id, (needed.get(q.db_id) ?? 0) + 1);
  const dbs: DroppedFile[] = [];
  for (const [db, count] of needed) {
    const uses = `${count} question${count === 1 ? '' : 's'}`;
    if (!schemas.has(db)) problems.add(tables.path, `no schema for database "${db}" (asked about by ${uses})`);
    const file = databases.get(`${db}.sqlite`);
    if (!file) {
      problems.add(folder.replaceAll('<db_id>', db), `${db}.sqlite is missing (asked about by ${uses})`);
      continue;
    }
    const head = new TextDecoder('latin1').decode(await file.head(16));
    if (head !== SQLITE_MAGIC) problems.add(file.path, 'is not an SQLite database (its header is wrong)');
    else dbs.push(file);
  }
  problems.check();

  const questionsBytes = new TextEncoder().encode(JSON.stringify(qs));
  const first = spider ? 0 : BIRD_DEV_FIRST_ITEM;
  const name = spider ? 'Spider' : 'BIRD';
  const notes = [`${qs.length.toLocaleString('en')} questions over ${dbs.length} databases; items ${first}–${first + qs.length - 1}.`];
  if (!spider && qs.length !== BIRD_DEV_QUESTIONS) notes.push(`BIRD's dev set has ${BIRD_DEV_QUESTIONS.toLocaleString('en')} questions; these ${qs.length.toLocaleString('en')} keep AgentGym's numbering from 9428 but are not BIRD's own.`);
  const unused = [...databases.keys()].filter((n) => !needed.has(n.replace(/\.sqlite$/, '')));
  if (unused.length) notes.push(`Not stored (no question uses them): ${unused.join(', ')}.`);
  const stored = [memoryFile('questions.json', questionsBytes), { ...tables, path: 'tables.json' }, ...dbs.map((f) => ({ ...f, path: `databases/${baseName(f.path)}` }))];
  const dataset: UserDataset = {
    id: `${kind}-${await fingerprint([questionsBytes, tableBytes, ...dbs.map((f) => `${baseName(f.path)}:${f.size}`)])}`,
    kind,
    env: 'bird',
    label: `${name} dev: ${qs.length.toLocaleString('en')} questions, ${dbs.length} databases (${questions.path})`,
    firstItem: first,
    itemCount: first + qs.length,
    evalItems: Array.from({ length: qs.length }, (_, i) => first + i),
    files: stored.map((f) => ({ path: f.path, bytes: f.size })),
    notes,
    importedAt: new Date().toISOString(),
  };
  return { dataset, files: stored };
}
