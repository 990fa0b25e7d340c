/**
 * Small datasets in the formats users bring, written to a temporary folder: WebShop's two product
 * files (the synthetic shop of workers/envs/webshop/testdata under WebShop's file names), and a
 * BIRD- or Spider-format dev set whose SQLite databases are built here with sql.js.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';

const WEBSHOP_TESTDATA = new URL('../workers/envs/webshop/testdata/', import.meta.url);

/** A folder holding items_shuffle_1000.json and items_ins_v2_1000.json (14 goals). */
export function webshopExactDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'webshop-data-'));
  copyFileSync(new URL('synthetic-items.json', WEBSHOP_TESTDATA), join(dir, 'items_shuffle_1000.json'));
  copyFileSync(new URL('synthetic-attributes.json', WEBSHOP_TESTDATA), join(dir, 'items_ins_v2_1000.json'));
  return dir;
}

/** The questions of the tiny dev set, in order (BIRD fields; Spider's files name SQL `query`). */
export const SQL_QUESTIONS = [
  { db_id: 'shop', question: 'How many customers live in Paris?', evidence: '', SQL: "SELECT COUNT(*) FROM customers WHERE city = 'Paris'", difficulty: 'simple' },
  { db_id: 'shop', question: 'What is the total amount ordered by Ada?', evidence: 'Ada is a customer name.', SQL: "SELECT SUM(o.amount) FROM orders AS o JOIN customers AS c ON o.customer_id = c.id WHERE c.name = 'Ada'", difficulty: 'moderate' },
  { db_id: 'school', question: 'Which student has the highest grade?', evidence: '', SQL: 'SELECT name FROM students ORDER BY grade DESC LIMIT 1', difficulty: 'simple' },
] as const;

const SCHEMAS = [
  {
    db_id: 'shop',
    sql: `CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, city TEXT);
          CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), amount REAL);
          INSERT INTO customers VALUES (1, 'Ada', 'Paris'), (2, 'Bo', 'Oslo'), (3, 'Cy', 'Paris');
          INSERT INTO orders VALUES (1, 1, 10.5), (2, 1, 4.5), (3, 2, 7.0);`,
    tables: {
      db_id: 'shop',
      table_names_original: ['customers', 'orders'],
      table_names: ['customers', 'orders'],
      column_names_original: [[-1, '*'], [0, 'id'], [0, 'name'], [0, 'city'], [1, 'id'], [1, 'customer_id'], [1, 'amount']],
      column_names: [[-1, '*'], [0, 'id'], [0, 'name'], [0, 'city'], [1, 'id'], [1, 'customer id'], [1, 'amount']],
      column_types: ['text', 'integer', 'text', 'text', 'integer', 'integer', 'real'],
      primary_keys: [1, 4],
      foreign_keys: [[5, 1]],
    },
  },
  {
    db_id: 'school',
    sql: `CREATE TABLE students (id INTEGER PRIMARY KEY, name TEXT, grade INTEGER);
          INSERT INTO students VALUES (1, 'Dee', 81), (2, 'Eve', 95), (3, 'Fay', 77);`,
    tables: {
      db_id: 'school',
      table_names_original: ['students'],
      table_names: ['students'],
      column_names_original: [[-1, '*'], [0, 'id'], [0, 'name'], [0, 'grade']],
      column_names: [[-1, '*'], [0, 'id'], [0, 'name'], [0, 'grade']],
      column_types: ['text', 'integer', 'text', 'integer'],
      primary_keys: [1],
      foreign_keys: [],
    },
  },
];

/** The schema sentence sqlgym shows for the shop database (BIRD's normalised "customer id"). */
export const SHOP_SCHEMA =
  'shop contains tables such as customers, orders. Table customers has columns such as id, name, city. id is the primary key. ' +
  'Table orders has columns such as id, customer id, amount. id is the primary key. The customer id of orders is the foreign key of id of customers.';

/** A folder laid out as BIRD's dev set (dev.json, dev_tables.json, dev_databases/<db>/<db>.sqlite) or Spider's. */
export async function sqlDevDir(format: 'bird' | 'spider' = 'bird'): Promise<string> {
  const SQL = await initSqlJs();
  const dir = mkdtempSync(join(tmpdir(), `${format}-data-`));
  const questions = SQL_QUESTIONS.map((q) => (format === 'bird' ? q : { db_id: q.db_id, question: q.question, query: q.SQL }));
  writeFileSync(join(dir, 'dev.json'), JSON.stringify(questions, null, 2));
  writeFileSync(join(dir, format === 'bird' ? 'dev_tables.json' : 'tables.json'), JSON.stringify(SCHEMAS.map((s) => s.tables), null, 2));
  for (const s of SCHEMAS) {
    const db = new SQL.Database();
    db.run(s.sql);
    const folder = join(dir, format === 'bird' ? 'dev_databases' : 'database', s.db_id);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${s.db_id}.sqlite`), db.export());
    db.close();
  }
  return dir;
}
