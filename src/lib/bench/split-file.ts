/**
 * AgentEval's split files (`<env>_test.json`: `[{"item_id": "babyai_123"}, ...]`, extra fields
 * ignored) turned into item lists per env, so a user who has AgentGym's real eval lists can run
 * them here. Validated as untrusted input.
 */
import { checkItemIndex, itemIndex } from '../../../workers/envs/contract.ts';
import { getEnv } from '../../../workers/envs/registry.ts';

export const MAX_SPLIT_FILE_CHARS = 20 * 1024 * 1024;

export function parseSplitFile(text: string, name = 'split file'): Record<string, number[]> {
  if (text.length > MAX_SPLIT_FILE_CHARS) throw new Error(`${name} is too large (over 20 MB).`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`${name} is not valid JSON.`);
  }
  if (!Array.isArray(data)) throw new Error(`${name} must be a JSON list of {"item_id": "<env>_<n>"} objects.`);
  const items = new Map<string, Set<number>>();
  data.forEach((entry, i) => {
    const id = (entry as { item_id?: unknown } | null)?.item_id;
    if (typeof id !== 'string') throw new Error(`${name}, entry ${i + 1}: no "item_id" string.`);
    const m = /^(.+)_(\d+)$/.exec(id);
    if (!m) throw new Error(`${name}, entry ${i + 1}: "${id.slice(0, 60)}" is not <env>_<number>.`);
    const spec = getEnv(m[1]);
    if (!spec) throw new Error(`${name}, entry ${i + 1}: unknown environment "${m[1].slice(0, 40)}".`);
    const index = itemIndex(id);
    const err = checkItemIndex(spec, index);
    if (err) throw new Error(`${name}, entry ${i + 1}: ${err}.`);
    if (!items.has(spec.id)) items.set(spec.id, new Set());
    items.get(spec.id)!.add(index);
  });
  if (items.size === 0) throw new Error(`${name} lists no items.`);
  return Object.fromEntries([...items].map(([env, set]) => [env, [...set].sort((a, b) => a - b)]));
}
