/**
 * BIRD's data in BIRD's own file formats, so the env reads ours and a real BIRD download the same
 * way: one SQLite file per database (bird/<db_id>.sqlite), a tables file (BIRD's dev_tables.json
 * shape, read back from each database's schema) and the questions (dev.json's shape).
 */
import initSqlJs, { type Database } from 'sql.js';
import { DATABASES } from './bird-databases.ts';
import { QUESTIONS } from './bird-questions.ts';
import type { BirdTables } from '../../workers/envs/bird/schema.ts';
import type { DataFiles } from './index.ts';

function rows(db: Database, sql: string): unknown[][] {
  const res = db.exec(sql);
  return res.length ? res[0].values : [];
}

function describe(db: Database, dbId: string): BirdTables {
  const tables = rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid").map((r) => String(r[0]));
  const columns: [number, string][] = [[-1, '*']];
  const types = ['text'];
  const primary: (number | number[])[] = [];
  const at = new Map<string, number>();
  tables.forEach((t, ti) => {
    const pk: [number, number][] = [];
    for (const [, name, type, , , pkSeq] of rows(db, `PRAGMA table_info(${t})`)) {
      at.set(`${t}.${String(name)}`, columns.length);
      if (Number(pkSeq) > 0) pk.push([Number(pkSeq), columns.length]);
      columns.push([ti, String(name)]);
      types.push(/INT|REAL/.test(String(type)) ? 'number' : 'text');
    }
    const ids = pk.sort((a, b) => a[0] - b[0]).map(([, c]) => c);
    if (ids.length) primary.push(ids.length === 1 ? ids[0] : ids);
  });
  const foreign = tables.flatMap((t) =>
    rows(db, `PRAGMA foreign_key_list(${t})`).map(([, , to, from, toCol]): [number, number] => [at.get(`${t}.${String(from)}`)!, at.get(`${String(to)}.${String(toCol)}`)!]),
  );
  foreign.sort((a, b) => a[0] - b[0]);
  return {
    db_id: dbId,
    table_names_original: tables,
    table_names: tables,
    column_names_original: columns,
    column_names: columns,
    column_types: types,
    primary_keys: primary,
    foreign_keys: foreign,
  };
}

export async function birdData(): Promise<DataFiles> {
  const SQL = await initSqlJs();
  const files: DataFiles = {};
  const schemas: BirdTables[] = [];
  for (const spec of DATABASES) {
    const db = new SQL.Database();
    try {
      db.exec('PRAGMA foreign_keys = ON');
      db.exec(spec.ddl);
      db.exec('BEGIN');
      spec.fill(db);
      db.exec('COMMIT');
      const broken = rows(db, 'PRAGMA foreign_key_check');
      if (broken.length) throw new Error(`${spec.id}: ${broken.length} rows break a foreign key, e.g. ${JSON.stringify(broken[0])}`);
      db.exec('VACUUM');
      schemas.push(describe(db, spec.id));
      files[`bird/${spec.id}.sqlite`] = db.export();
    } finally {
      db.close();
    }
  }
  const known = new Set(DATABASES.map((d) => d.id));
  const questions = QUESTIONS.map((q, i) => {
    if (!known.has(q.db)) throw new Error(`BIRD question ${i}: unknown database ${q.db}`);
    return { question_id: i, db_id: q.db, question: q.question, evidence: q.evidence, SQL: q.sql, difficulty: q.difficulty };
  });
  files['bird-tables.json'] = JSON.stringify(schemas, null, 1) + '\n';
  files['bird-questions.json'] = JSON.stringify(questions, null, 1) + '\n';
  return files;
}
