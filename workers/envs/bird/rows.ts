/**
 * Result rows and AgentGym's reward rule: `set(predicted) == set(gold)` over Python tuples. So row
 * order and duplicate rows do not matter, and values compare as Python compares them: an INTEGER
 * equals a REAL of the same value (1 == 1.0), text never equals a number ('1' != 1), None == None.
 */

/** One cell as sql.js returns it with `useBigInt`: INTEGER -> bigint, REAL -> number. */
export type CellValue = bigint | number | string | Uint8Array | null;

export type Rows = CellValue[][];

/** A key equal for cells Python holds equal (and hashes alike). */
function cellKey(v: CellValue): string {
  if (v === null) return 'N';
  if (typeof v === 'bigint') return `n${v}`;
  // Integral floats meet integers: BigInt(x) is exact for any integral double.
  if (typeof v === 'number') return Number.isInteger(v) ? `n${BigInt(v)}` : `f${v}`;
  if (typeof v === 'string') return `s${v}`;
  // One char per byte: injective and cheap, even for a result's largest blob.
  let key = 'b';
  for (let i = 0; i < v.length; i += 8192) key += String.fromCharCode(...v.subarray(i, i + 8192));
  return key;
}

export function rowKey(row: readonly CellValue[]): string {
  return JSON.stringify(row.map(cellKey));
}

export function rowSet(rows: readonly (readonly CellValue[])[]): Set<string> {
  return new Set(rows.map(rowKey));
}

/** AgentGym's reward: 1 iff the two results hold the same set of rows. */
export function sameRowSet(a: readonly (readonly CellValue[])[], b: readonly (readonly CellValue[])[]): boolean {
  const sa = rowSet(a);
  const sb = rowSet(b);
  return sa.size === sb.size && [...sa].every((k) => sb.has(k));
}
