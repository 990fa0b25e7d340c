/**
 * Redraws SciWorld's eval split over the task types built so far and bumps the splits version:
 * 200 items, spread evenly over the built types in task order (each gets floor(200 / T), the first
 * 200 mod T one more; a type with fewer variations than its share gives them all and the rest is
 * spread the same way over the others); of a type with n variations starting at item f and a share
 * of q, items f + floor(k * n / q) for k = 0..q-1.
 * Usage: npx tsx scripts/sciworld-split.ts   (then say what changed in the file's note)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { BUILT_TYPES } from '../workers/envs/sciworld/families.ts';
import { firstIndex, TASK_TYPES } from '../workers/envs/sciworld/tasks.ts';

const SIZE = 200;
const FILE = 'static-data/eval-splits.json';

const built = TASK_TYPES.filter((t) => BUILT_TYPES.has(t.id));
const shares = new Map<string, number>();
let open = built;
let left = SIZE;
while (open.length > 0) {
  const even = (i: number) => Math.floor(left / open.length) + (i < left % open.length ? 1 : 0);
  const small = open.filter((t, i) => t.variations <= even(i));
  if (small.length === 0) {
    open.forEach((t, i) => shares.set(t.id, even(i)));
    break;
  }
  for (const t of small) shares.set(t.id, t.variations);
  left -= small.reduce((n, t) => n + t.variations, 0);
  open = open.filter((t) => !small.includes(t));
}
const items: number[] = [];
for (const type of built) {
  const share = shares.get(type.id)!;
  const first = firstIndex(type.id);
  for (let k = 0; k < share; k++) items.push(first + Math.floor((k * type.variations) / share));
}

const data = JSON.parse(readFileSync(FILE, 'utf8'));
const old = JSON.stringify(data.splits.sciworld);
data.splits.sciworld = items;
if (JSON.stringify(items) !== old) data.version = data.version.replace(/(\d+)$/, (n: string) => String(Number(n) + 1));
writeFileSync(FILE, `${JSON.stringify(data, null, 1)}\n`);
console.log(`${data.version}: ${items.length} SciWorld items over ${built.length} types (${built.map((t) => t.id).join(', ')})`);
