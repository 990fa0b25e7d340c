/**
 * API keys, kept only in this browser in a database of their own ("agentgym-secrets"), so no export
 * of the main store, share link or settings file can ever carry them. Never logged, never in URLs.
 */
import { openDB, type IDBPDatabase } from 'idb';

export const SECRETS_DB = 'agentgym-secrets';
const STORE = 'keys';

let db: Promise<IDBPDatabase> | undefined;
function secrets(): Promise<IDBPDatabase> {
  db ??= openDB(SECRETS_DB, 1, {
    upgrade(d) {
      d.createObjectStore(STORE);
    },
  });
  return db;
}

export async function getKey(providerId: string): Promise<string | undefined> {
  const v: unknown = await (await secrets()).get(STORE, providerId);
  return typeof v === 'string' ? v : undefined;
}

export async function setKey(providerId: string, key: string): Promise<void> {
  const trimmed = key.trim();
  if (!trimmed) throw new Error('The key is empty.');
  if (/\s/.test(trimmed)) throw new Error('A key has no spaces or line breaks; check what was pasted.');
  await (await secrets()).put(STORE, trimmed, providerId);
}

export async function deleteKey(providerId: string): Promise<void> {
  await (await secrets()).delete(STORE, providerId);
}

/** For display: "sk-…abcd" (the vendor prefix and the last four characters), never the key itself. */
export function maskKey(key: string): string {
  if (key.length < 12) return '…' + key.slice(-2);
  const prefix = /^[A-Za-z]{2,4}-/.exec(key)?.[0] ?? '';
  return `${prefix}…${key.slice(-4)}`;
}
