/**
 * BIRD's tables file (dev_tables.json's shape) and the natural-language schema that AgentGym's
 * sqlgym shows before the question (its `serialize_schema_natural_language`, itself from BIRD's
 * fine-tuning code), reproduced with its quirks: names lower-cased and taken from the
 * "normalised" `table_names` / `column_names`, only single-column primary keys named (a table
 * without one yields a bare " is the primary key."), one sentence per foreign key.
 */

export interface BirdTables {
  db_id: string;
  table_names_original: string[];
  /** BIRD's normalised names, which the observation shows; ours equal the real identifiers. */
  table_names: string[];
  /** [table index, column name], with [-1, "*"] first as in Spider and BIRD. */
  column_names_original: [number, string][];
  column_names: [number, string][];
  column_types: string[];
  /** Column indices; a composite key is a nested list. */
  primary_keys: (number | number[])[];
  /** [column, referenced column] index pairs. */
  foreign_keys: [number, number][];
}

export function describeSchema(t: BirdTables): string {
  const tables = t.table_names.map((n) => n.toLowerCase());
  const columns = t.column_names.map(([, n]) => n.toLowerCase());
  const out = [`${t.db_id} contains tables such as ${tables.join(', ')}.`];
  tables.forEach((table, ti) => {
    const own = t.column_names.flatMap(([owner], ci) => (ci > 0 && owner === ti ? [ci] : []));
    // sqlgym tests `column_id in primary_keys`, which never matches a nested composite key.
    const keys = own.filter((ci) => t.primary_keys.includes(ci));
    out.push(`Table ${table} has columns such as ${own.map((ci) => columns[ci]).join(', ')}.`);
    out.push(`${keys.map((ci) => columns[ci]).join(', ')} is the primary key.`);
  });
  for (const [from, to] of t.foreign_keys) {
    out.push(`The ${columns[from]} of ${tables[t.column_names[from][0]]} is the foreign key of ${columns[to]} of ${tables[t.column_names[to][0]]}.`);
  }
  return out.join(' ');
}
