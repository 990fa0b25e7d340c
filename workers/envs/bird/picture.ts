/**
 * BIRD for people: the database's schema as one small table per database table (columns, types,
 * keys), and a query's result as a grid with its row count and run time. None of this reaches the
 * agent, which sees the schema sentences and the cut Python text; the run time varies between
 * runs, so it lives only here, in pictures, which replays and goldens do not compare.
 */
import type { TablePicture, TextPicture } from '../contract.ts';
import { reprBytes, reprFloat } from './pyrepr.ts';
import type { QueryResult } from './query.ts';
import type { CellValue } from './rows.ts';
import type { BirdTables } from './schema.ts';

/** Rows drawn in a result grid; the caption says how many there were. */
export const GRID_ROWS = 100;
/** Characters drawn of one text or blob cell. */
const CELL_CHARS = 200;

/** One table picture per database table: each column with its type and key. */
export function schemaPictures(t: BirdTables): TablePicture[] {
  const keys = new Set(t.primary_keys.flat());
  const references = new Map(t.foreign_keys.map(([from, to]) => [from, `→ ${t.table_names_original[t.column_names_original[to][0]]}.${t.column_names_original[to][1]}`]));
  return t.table_names_original.map((table, ti) => ({
    kind: 'table',
    title: `${t.db_id}.${table}`,
    columns: ['column', 'type', 'key'],
    rows: t.column_names_original.flatMap(([owner, column], ci) => {
      if (owner !== ti) return [];
      const key = [keys.has(ci) ? 'PK' : '', references.has(ci) ? `FK ${references.get(ci)}` : ''].filter(Boolean).join(' · ');
      return [[column, t.column_types[ci], key]];
    }),
  }));
}

/** A result as a grid (at most GRID_ROWS rows), or its error as text. */
export function resultPicture(title: string, result: QueryResult, ms: number): TablePicture | TextPicture {
  const time = formatMs(ms);
  if ('error' in result) return { kind: 'text', title: `${title} · error · ${time}`, body: result.error };
  const n = result.rows.length;
  const count = n > GRID_ROWS ? `showing ${GRID_ROWS} of ${n.toLocaleString('en-US')} rows` : `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;
  return {
    kind: 'table',
    title,
    columns: result.columns,
    rows: result.rows.slice(0, GRID_ROWS).map((row) => row.map(showCell)),
    caption: `${count} · ${time}`,
  };
}

function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** A cell as Python would print it on its own, long ones cut. */
export function showCell(v: CellValue): string | null {
  if (v === null) return null;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return reprFloat(v);
  const text = typeof v === 'string' ? v : reprBytes(v.subarray(0, CELL_CHARS));
  return text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS)}…` : text;
}
