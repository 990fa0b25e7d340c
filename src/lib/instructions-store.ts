/**
 * The user's own instructions per env (e.g. AgentGym's original prompts from their checkout), in a
 * small database of their own. Checked before they are stored, since a page or a file can write them.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { getEnv } from '../../workers/envs/registry.ts';
import { checkInstruction } from './agent/instruction.ts';

let db: Promise<IDBPDatabase> | undefined;
function store(): Promise<IDBPDatabase> {
  db ??= openDB('agentgym-instructions', 1, {
    upgrade(d) {
      d.createObjectStore('instructions');
    },
  });
  return db;
}

/** Every saved instruction, by env id. */
export async function listInstructions(): Promise<Record<string, string>> {
  const d = await store();
  const [keys, values] = await Promise.all([d.getAllKeys('instructions'), d.getAll('instructions')]);
  return Object.fromEntries(keys.map((k, i) => [String(k), String(values[i])]).filter(([env, text]) => getEnv(env) && checkInstruction(text) === null));
}

export async function getInstruction(envId: string): Promise<string | undefined> {
  const text = (await (await store()).get('instructions', envId)) as string | undefined;
  return text !== undefined && checkInstruction(text) === null ? text : undefined;
}

export async function setInstruction(envId: string, text: string): Promise<void> {
  if (!getEnv(envId)) throw new Error(`Unknown environment "${envId}".`);
  const err = checkInstruction(text);
  if (err) throw new Error(err);
  await (await store()).put('instructions', text, envId);
}

export async function clearInstruction(envId: string): Promise<void> {
  await (await store()).delete('instructions', envId);
}
